public import SanteCore

/// A FHIR `Binary`: the bytes of a document, base64-encoded, as sent in an ITI-65 transaction or read
/// with `Accept: application/fhir+json`.
public struct PDSmBinary: FHIRResource {
    /// `"Binary"`.
    public static let resourceType = "Binary"

    /// The logical id.
    public var id: FHIRID?
    /// The resource's metadata.
    public var meta: FHIRMeta?
    /// The MIME type of the bytes.
    public var contentType: FHIRCode?
    /// The bytes, base64-encoded.
    public var data: FHIRBase64Binary?
    /// Members not modelled here (`securityContext`…).
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a binary.
    /// - Parameters:
    ///   - contentType: The MIME type.
    ///   - data: The bytes, base64-encoded.
    ///   - id: The logical id.
    public init(contentType: FHIRCode?, data: FHIRBase64Binary?, id: FHIRID? = nil) {
        self.contentType = contentType
        self.data = data
        self.id = id
    }

    /// Decodes the resource, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        try object.resourceType(expected: Self.resourceType)
        id = try object.optional("id")
        meta = try object.optional("meta")
        contentType = try object.optional("contentType")
        data = try object.optional("data")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the resource and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(Self.resourceType, "resourceType")
        try object.encode(id, "id")
        try object.encode(meta, "meta")
        try object.encode(contentType, "contentType")
        try object.encode(data, "data")
        try object.finish(with: additionalMembers)
    }
}
