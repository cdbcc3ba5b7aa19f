public import SanteCore

/// A FHIR `HumanName` as the Annuaire Santé writes it: `{"use": "usual", "family": "CHATELIER",
/// "given": ["David"], "prefix": ["M"]}`.
public struct AnnuaireHumanName: FHIRElement {
    /// The element's `id`.
    public var id: String?
    /// The element's extensions.
    public var `extension`: [FHIRExtension]
    /// `usual`, `official`, …
    public var use: FHIRCode?
    /// The full name as text.
    public var text: String?
    /// The family name.
    public var family: String?
    /// The given names.
    public var given: [String]
    /// Prefixes, such as `M`, `MME`, `DR`.
    public var prefix: [String]
    /// Suffixes.
    public var suffix: [String]
    /// When the name was used.
    public var period: FHIRPeriod?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a name.
    /// - Parameters:
    ///   - family: The family name.
    ///   - given: The given names.
    public init(family: String? = nil, given: [String] = []) {
        self.family = family
        self.given = given
        self.prefix = []
        self.suffix = []
        self.extension = []
    }

    /// The given names then the family name, such as `David CHATELIER`.
    public var displayName: String {
        text ?? (given + [family].compactMap { $0 }).joined(separator: " ")
    }

    /// Decodes the name, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.optional("id")
        `extension` = try object.array("extension")
        use = try object.optional("use")
        text = try object.optional("text")
        family = try object.optional("family")
        given = try object.array("given")
        prefix = try object.array("prefix")
        suffix = try object.array("suffix")
        period = try object.optional("period")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the name and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(`extension`, "extension")
        try object.encode(use, "use")
        try object.encode(text, "text")
        try object.encode(family, "family")
        try object.encode(given, "given")
        try object.encode(prefix, "prefix")
        try object.encode(suffix, "suffix")
        try object.encode(period, "period")
        try object.finish(with: additionalMembers)
    }
}
