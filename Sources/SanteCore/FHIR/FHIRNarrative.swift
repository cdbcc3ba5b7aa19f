/// A FHIR `Narrative`: the human-readable XHTML summary of a resource.
public struct FHIRNarrative: FHIRElement {
    /// The element's `id`.
    public var id: String?
    /// The element's extensions.
    public var `extension`: [FHIRExtension]
    /// `generated`, `extensions`, `additional` or `empty`.
    public var status: FHIRCode
    /// The XHTML `<div>`, as text.
    public var div: String
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a narrative.
    ///
    /// - Parameters:
    ///   - status: `generated`, `extensions`, `additional` or `empty`.
    ///   - div: The XHTML `<div>`.
    ///   - extension: The element's extensions.
    public init(status: FHIRCode, div: String, extension: [FHIRExtension] = []) {
        self.status = status
        self.div = div
        self.extension = `extension`
    }

    /// Decodes the narrative, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.optional("id")
        `extension` = try object.array("extension")
        status = try object.required("status")
        div = try object.required("div")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the narrative and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(`extension`, "extension")
        try object.encode(status, "status")
        try object.encode(div, "div")
        try object.finish(with: additionalMembers)
    }
}
