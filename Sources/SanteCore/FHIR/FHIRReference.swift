/// A FHIR `Reference`: a link to another resource by URL, by logical identifier, or both.
public struct FHIRReference: FHIRElement {
    /// The element's `id`.
    public var id: String?
    /// The element's extensions.
    public var `extension`: [FHIRExtension]
    /// A relative, absolute or internal (`#id`) URL, such as `"Patient/123"` or `"urn:uuid:…"`.
    public var reference: String?
    /// The expected resource type, such as `"Patient"`.
    public var type: FHIRURI?
    /// The logical identifier of the target, when there is no URL or as well as it.
    public var identifier: FHIRIdentifier?
    /// Text shown for the reference.
    public var display: String?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a reference.
    ///
    /// - Parameters:
    ///   - reference: The URL of the target.
    ///   - type: The expected resource type.
    ///   - identifier: The logical identifier of the target.
    ///   - display: Text shown for the reference.
    ///   - extension: The element's extensions.
    public init(
        reference: String? = nil,
        type: FHIRURI? = nil,
        identifier: FHIRIdentifier? = nil,
        display: String? = nil,
        extension: [FHIRExtension] = []
    ) {
        self.reference = reference
        self.type = type
        self.identifier = identifier
        self.display = display
        self.extension = `extension`
    }

    /// Whether the reference points to a resource contained in the same resource (`#id`).
    public var isContained: Bool { reference?.hasPrefix("#") ?? false }

    /// Decodes the reference, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.optional("id")
        `extension` = try object.array("extension")
        reference = try object.optional("reference")
        type = try object.optional("type")
        identifier = try object.optional("identifier")
        display = try object.optional("display")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the reference and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(`extension`, "extension")
        try object.encode(reference, "reference")
        try object.encode(type, "type")
        try object.encode(identifier, "identifier")
        try object.encode(display, "display")
        try object.finish(with: additionalMembers)
    }
}
