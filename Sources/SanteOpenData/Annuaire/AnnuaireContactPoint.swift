public import SanteCore

/// A FHIR `ContactPoint`: a phone, fax or e-mail; an MSSanté mailbox is an e-mail with the
/// `fr-core-contact-point-email-type` extension set to `MSSANTE`.
public struct AnnuaireContactPoint: FHIRElement {
    /// The FR Core extension naming the kind of e-mail.
    public static let emailTypeExtensionURL =
        "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-contact-point-email-type"

    /// The element's `id`.
    public var id: String?
    /// The element's extensions.
    public var `extension`: [FHIRExtension]
    /// `phone`, `fax`, `email`, `url`, …
    public var system: FHIRCode?
    /// The number or address.
    public var value: String?
    /// `work`, `home`, `mobile`, …
    public var use: FHIRCode?
    /// The preference order (1 first).
    public var rank: Int?
    /// When it was in use.
    public var period: FHIRPeriod?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a contact point.
    /// - Parameters:
    ///   - system: `phone`, `email`, …
    ///   - value: The number or address.
    public init(system: FHIRCode? = nil, value: String? = nil) {
        self.system = system
        self.value = value
        self.extension = []
    }

    /// Whether this is an MSSanté (secure health messaging) mailbox.
    public var isMSSante: Bool {
        guard system == "email", let type = firstExtension(url: Self.emailTypeExtensionURL) else { return false }
        if case .coding(let coding) = type.value { return coding.code == "MSSANTE" }
        return false
    }

    /// Decodes the contact point, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.optional("id")
        `extension` = try object.array("extension")
        system = try object.optional("system")
        value = try object.optional("value")
        use = try object.optional("use")
        rank = try object.optional("rank")
        period = try object.optional("period")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the contact point and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(`extension`, "extension")
        try object.encode(system, "system")
        try object.encode(value, "value")
        try object.encode(use, "use")
        try object.encode(rank, "rank")
        try object.encode(period, "period")
        try object.finish(with: additionalMembers)
    }
}
