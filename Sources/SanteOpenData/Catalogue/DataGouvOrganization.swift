public import SanteCore

/// A data.gouv.fr organization (a publisher such as Santé publique France).
public struct DataGouvOrganization: DataGouvModel, Identifiable {
    /// The organization's id.
    public var id: String
    /// Its name.
    public var name: String?
    /// Its acronym.
    public var acronym: String?
    /// Its slug.
    public var slug: String?
    /// Its description (Markdown).
    public var description: String?
    /// Its website.
    public var url: String?
    /// Its logo's URL.
    public var logo: String?
    /// Its SIRET number, when declared (`business_number_id`).
    public var businessNumberID: String?
    /// Its badges' kinds.
    public var badges: [String]
    /// When it was created.
    public var createdAt: OpenDataTimestamp?
    /// When it last changed.
    public var lastModified: OpenDataTimestamp?
    /// Metrics: datasets, reuses, followers…
    public var metrics: [String: JSONValue]
    /// Its API URL.
    public var uri: String?
    /// Members not modelled here (`members`, `extras`, `permissions`, …).
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates an organization.
    /// - Parameters:
    ///   - id: The id.
    ///   - name: The name.
    public init(id: String, name: String? = nil) {
        self.id = id
        self.name = name
        self.badges = []
        self.metrics = [:]
    }

    /// Decodes the organization, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try LosslessObjectReader(decoder)
        id = try object.required("id")
        name = try object.optional("name")
        acronym = try object.optional("acronym")
        slug = try object.optional("slug")
        description = try object.optional("description")
        url = try object.optional("url")
        logo = try object.optional("logo")
        businessNumberID = try object.optional("business_number_id")
        badges = try object.array("badges", of: DataGouvBadge.self).map(\.kind)
        createdAt = try object.optional("created_at")
        lastModified = try object.optional("last_modified")
        metrics = try object.dictionary("metrics")
        uri = try object.optional("uri")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the organization and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(name, "name")
        try object.encode(acronym, "acronym")
        try object.encode(slug, "slug")
        try object.encode(description, "description")
        try object.encode(url, "url")
        try object.encode(logo, "logo")
        try object.encode(businessNumberID, "business_number_id")
        try object.encode(badges.map(DataGouvBadge.init(kind:)), "badges")
        try object.encode(createdAt, "created_at")
        try object.encode(lastModified, "last_modified")
        if !metrics.isEmpty { try object.encode(metrics, "metrics") }
        try object.encode(uri, "uri")
        try object.finish(with: additionalMembers)
    }
}
