public import SanteCore

/// A reuse: an application, visualisation or article built on data.gouv.fr datasets.
public struct DataGouvReuse: DataGouvModel, Identifiable {
    /// The reuse's id.
    public var id: String
    /// The title.
    public var title: String?
    /// The slug.
    public var slug: String?
    /// The kind: `application`, `visualization`, `news_article`, `api`, …
    public var type: String?
    /// The topic, such as `health`.
    public var topic: String?
    /// The reuse's own URL.
    public var url: String?
    /// The description (Markdown).
    public var description: String?
    /// The tags.
    public var tags: [String]
    /// The datasets it uses.
    public var datasets: [DataGouvDataset]
    /// The publishing organization.
    public var organization: DataGouvOrganizationReference?
    /// When it was created.
    public var createdAt: OpenDataTimestamp?
    /// When it last changed.
    public var lastModified: OpenDataTimestamp?
    /// Members not modelled here (`owner`, `image`, `metrics`, …).
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a reuse.
    /// - Parameters:
    ///   - id: The id.
    ///   - title: The title.
    public init(id: String, title: String? = nil) {
        self.id = id
        self.title = title
        self.tags = []
        self.datasets = []
    }

    /// Decodes the reuse, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try LosslessObjectReader(decoder)
        id = try object.required("id")
        title = try object.optional("title")
        slug = try object.optional("slug")
        type = try object.optional("type")
        topic = try object.optional("topic")
        url = try object.optional("url")
        description = try object.optional("description")
        tags = try object.array("tags")
        datasets = try object.array("datasets")
        organization = try object.optional("organization")
        createdAt = try object.optional("created_at")
        lastModified = try object.optional("last_modified")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the reuse and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(title, "title")
        try object.encode(slug, "slug")
        try object.encode(type, "type")
        try object.encode(topic, "topic")
        try object.encode(url, "url")
        try object.encode(description, "description")
        try object.encode(tags, "tags")
        try object.encode(datasets, "datasets")
        try object.encode(organization, "organization")
        try object.encode(createdAt, "created_at")
        try object.encode(lastModified, "last_modified")
        try object.finish(with: additionalMembers)
    }
}
