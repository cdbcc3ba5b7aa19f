/// The `_field` sibling of a FHIR primitive: an element carrying an `id` and extensions for the value.
///
/// In `"status": "current", "_status": {"extension": [...]}`, the `_status` object is a
/// `FHIRPrimitiveExtension`. See ``FHIRModel/primitiveExtension(for:)``.
public struct FHIRPrimitiveExtension: FHIRElement {
    /// The element's `id`.
    public var id: String?
    /// The extensions on the primitive value.
    public var `extension`: [FHIRExtension]
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a primitive-extension element.
    ///
    /// - Parameters:
    ///   - id: The element's `id`.
    ///   - extension: The extensions on the primitive value.
    public init(id: String? = nil, extension: [FHIRExtension] = []) {
        self.id = id
        self.extension = `extension`
    }

    /// Decodes the element, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.optional("id")
        `extension` = try object.array("extension")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the element and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(`extension`, "extension")
        try object.finish(with: additionalMembers)
    }
}
