public import SanteCore

/// A link to a paginated sub-list, as API v2 gives a dataset's resources:
/// `{"rel": "subsection", "href": ".../resources/?page=1&page_size=50", "type": "GET", "total": 30}`.
public struct DataGouvSubsection: DataGouvModel {
    /// The URL of the first page.
    public var href: String
    /// The relation, `subsection`.
    public var rel: String?
    /// The method, `GET`.
    public var type: String?
    /// The number of items in the whole list.
    public var total: Int?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a link.
    /// - Parameters:
    ///   - href: The URL of the first page.
    ///   - total: The number of items.
    public init(href: String, total: Int? = nil) {
        self.href = href
        self.total = total
    }

    /// Decodes the link, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        href = try object.required("href")
        rel = try object.optional("rel")
        type = try object.optional("type")
        total = try object.optional("total")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the link and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(href, "href")
        try object.encode(rel, "rel")
        try object.encode(type, "type")
        try object.encode(total, "total")
        try object.finish(with: additionalMembers)
    }
}
