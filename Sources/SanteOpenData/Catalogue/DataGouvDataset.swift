public import SanteCore

/// A data.gouv.fr dataset.
///
/// API v1 embeds every resource (``resources``); API v2 gives a link to a paginated list instead
/// (``resourcesLink``), to be read with `DataGouvClient.resources(ofDataset:)`. Every field but ``id`` is
/// optional, so a response trimmed by a field mask (`X-Fields`) decodes too.
public struct DataGouvDataset: DataGouvModel, Identifiable {
    /// The dataset's id (24 hexadecimal characters).
    public var id: String
    /// The title.
    public var title: String?
    /// The acronym, such as `VAC-SI`.
    public var acronym: String?
    /// The slug (it can change; prefer ``id``).
    public var slug: String?
    /// The description (Markdown).
    public var description: String?
    /// When the dataset was created.
    public var createdAt: OpenDataTimestamp?
    /// When the dataset's metadata last changed.
    public var lastModified: OpenDataTimestamp?
    /// When the dataset or one of its resources last changed: the date to watch for new data.
    public var lastUpdate: OpenDataTimestamp?
    /// The update frequency: `daily`, `weekly`, `monthly`, `punctual`, …
    public var frequency: String?
    /// The tags.
    public var tags: [String]
    /// The resources (API v1; empty in API v2).
    public var resources: [DataGouvResource]
    /// The link to the paginated resources (API v2).
    public var resourcesLink: DataGouvSubsection?
    /// The publishing organization.
    public var organization: DataGouvOrganizationReference?
    /// The license id, such as `lov2`.
    public var license: String?
    /// The period the data covers.
    public var temporalCoverage: DataGouvTemporalCoverage?
    /// Free-form extras.
    public var extras: [String: JSONValue]
    /// Metrics: views, followers, reuses, downloads…
    public var metrics: [String: JSONValue]
    /// When the dataset was archived, if it was.
    public var archived: OpenDataTimestamp?
    /// When the dataset was deleted, if it was.
    public var deleted: OpenDataTimestamp?
    /// Whether the dataset is private.
    public var isPrivate: Bool?
    /// The dataset's API URL.
    public var uri: String?
    /// Members not modelled here (`owner`, `quality`, `spatial`, `schema`, `internal`, …).
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a dataset.
    /// - Parameters:
    ///   - id: The id.
    ///   - title: The title.
    ///   - resources: The resources.
    public init(id: String, title: String? = nil, resources: [DataGouvResource] = []) {
        self.id = id
        self.title = title
        self.resources = resources
        self.tags = []
        self.extras = [:]
        self.metrics = [:]
    }

    /// The quality score between 0 and 1, when the catalogue computed one.
    public var qualityScore: Double? {
        additionalMembers["quality"]?["score"]?.doubleValue
    }

    /// The resource with `id`.
    /// - Parameter id: The resource's UUID.
    /// - Returns: The resource, or `nil`.
    public func resource(id: String) -> DataGouvResource? {
        resources.first { $0.id == id }
    }

    /// Decodes the dataset, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try LosslessObjectReader(decoder)
        id = try object.required("id")
        title = try object.optional("title")
        acronym = try object.optional("acronym")
        slug = try object.optional("slug")
        description = try object.optional("description")
        createdAt = try object.optional("created_at")
        lastModified = try object.optional("last_modified")
        lastUpdate = try object.optional("last_update")
        frequency = try object.optional("frequency")
        tags = try object.array("tags")
        resources = []
        switch try object.optional("resources", as: ResourcesMember.self) {
        case .list(let list): resources = list
        case .link(let link): resourcesLink = link
        case nil: break
        }
        organization = try object.optional("organization")
        license = try object.optional("license")
        temporalCoverage = try object.optional("temporal_coverage")
        extras = try object.dictionary("extras")
        metrics = try object.dictionary("metrics")
        archived = try object.optional("archived")
        deleted = try object.optional("deleted")
        isPrivate = try object.optional("private")
        uri = try object.optional("uri")
        additionalMembers = try object.remainingMembers()
        if resources.isEmpty, resourcesLink == nil, object.allKeys.contains("resources"),
            additionalMembers["resources"] == nil
        {
            additionalMembers["resources"] = .array([])
        }
    }

    /// Encodes the dataset and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(title, "title")
        try object.encode(acronym, "acronym")
        try object.encode(slug, "slug")
        try object.encode(description, "description")
        try object.encode(createdAt, "created_at")
        try object.encode(lastModified, "last_modified")
        try object.encode(lastUpdate, "last_update")
        try object.encode(frequency, "frequency")
        try object.encode(tags, "tags")
        try object.encode(resources, "resources")
        try object.encode(resourcesLink, "resources")
        try object.encode(organization, "organization")
        try object.encode(license, "license")
        try object.encode(temporalCoverage, "temporal_coverage")
        if !extras.isEmpty { try object.encode(extras, "extras") }
        if !metrics.isEmpty { try object.encode(metrics, "metrics") }
        try object.encode(archived, "archived")
        try object.encode(deleted, "deleted")
        try object.encode(isPrivate, "private")
        try object.encode(uri, "uri")
        try object.finish(with: additionalMembers)
    }
}

/// `resources`: a list (API v1) or a link to a paginated list (API v2).
private enum ResourcesMember: Decodable {
    case list([DataGouvResource])
    case link(DataGouvSubsection)

    init(from decoder: any Decoder) throws {
        if (try? decoder.unkeyedContainer()) != nil {
            self = .list(try [DataGouvResource](from: decoder))
        } else {
            self = .link(try DataGouvSubsection(from: decoder))
        }
    }
}
