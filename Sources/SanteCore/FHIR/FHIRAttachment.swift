/// A FHIR `Attachment`: content inline (`data`) or by `url`, with its type, size and hash.
public struct FHIRAttachment: FHIRElement {
    /// The element's `id`.
    public var id: String?
    /// The element's extensions.
    public var `extension`: [FHIRExtension]
    /// The MIME type, such as `"application/pdf"`.
    public var contentType: FHIRCode?
    /// The language of the content, such as `"fr-FR"`.
    public var language: FHIRCode?
    /// The content inline, base64-encoded.
    public var data: FHIRBase64Binary?
    /// Where the content can be fetched.
    public var url: FHIRURL?
    /// The number of bytes of the content.
    public var size: Int?
    /// The SHA-1 hash of the content, base64-encoded.
    public var hash: FHIRBase64Binary?
    /// A label for the content.
    public var title: String?
    /// When the content was created.
    public var creation: FHIRDateTime?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates an attachment.
    ///
    /// - Parameters:
    ///   - contentType: The MIME type.
    ///   - data: The content inline.
    ///   - url: Where the content can be fetched.
    ///   - size: The number of bytes.
    ///   - hash: The SHA-1 hash, base64-encoded.
    ///   - title: A label.
    ///   - language: The language of the content.
    ///   - creation: When the content was created.
    ///   - extension: The element's extensions.
    public init(
        contentType: FHIRCode? = nil,
        data: FHIRBase64Binary? = nil,
        url: FHIRURL? = nil,
        size: Int? = nil,
        hash: FHIRBase64Binary? = nil,
        title: String? = nil,
        language: FHIRCode? = nil,
        creation: FHIRDateTime? = nil,
        extension: [FHIRExtension] = []
    ) {
        self.contentType = contentType
        self.data = data
        self.url = url
        self.size = size
        self.hash = hash
        self.title = title
        self.language = language
        self.creation = creation
        self.extension = `extension`
    }

    /// Decodes the attachment, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.optional("id")
        `extension` = try object.array("extension")
        contentType = try object.optional("contentType")
        language = try object.optional("language")
        data = try object.optional("data")
        url = try object.optional("url")
        size = try object.optional("size")
        hash = try object.optional("hash")
        title = try object.optional("title")
        creation = try object.optional("creation")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the attachment and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(`extension`, "extension")
        try object.encode(contentType, "contentType")
        try object.encode(language, "language")
        try object.encode(data, "data")
        try object.encode(url, "url")
        try object.encode(size, "size")
        try object.encode(hash, "hash")
        try object.encode(title, "title")
        try object.encode(creation, "creation")
        try object.finish(with: additionalMembers)
    }
}
