public import SanteCore

/// The template a message was made from: `{"id", "version", "uri"}`.
public struct NotifyTemplateReference: Sendable, Hashable, Codable {
    /// The template's id.
    public var id: String
    /// The template's version.
    public var version: Int?
    /// The template's API URL.
    public var uri: String?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a reference.
    /// - Parameters:
    ///   - id: The template's id.
    ///   - version: Its version.
    ///   - uri: Its URL.
    public init(id: String, version: Int? = nil, uri: String? = nil) {
        self.id = id
        self.version = version
        self.uri = uri
    }

    /// Decodes the reference, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.required("id")
        version = try object.optional("version")
        uri = try object.optional("uri")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the reference with its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(version, "version")
        try object.encode(uri, "uri")
        try object.finish(with: additionalMembers)
    }
}
