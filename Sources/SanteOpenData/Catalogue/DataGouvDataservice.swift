public import SanteCore

/// A dataservice: an API listed in the catalogue (beta), with its base URL, documentation and limits.
public struct DataGouvDataservice: DataGouvModel, Identifiable {
    /// The dataservice's id.
    public var id: String
    /// The title.
    public var title: String?
    /// The acronym.
    public var acronym: String?
    /// The description (Markdown).
    public var description: String?
    /// The API's base URL.
    public var baseAPIURL: String?
    /// The machine-readable documentation (such as an OpenAPI file).
    public var machineDocumentationURL: String?
    /// The stated rate limit, as free text (such as `30 requêtes par minute`).
    public var rateLimiting: String?
    /// The stated availability, in percent.
    public var availability: Double?
    /// `open`, `open_with_account` or `restricted`.
    public var accessType: String?
    /// The link to the datasets it serves.
    public var datasetsLink: DataGouvSubsection?
    /// The publishing organization.
    public var organization: DataGouvOrganizationReference?
    /// When it was created.
    public var createdAt: OpenDataTimestamp?
    /// Members not modelled here (`contact_points`, `harvest`, `metrics`, …).
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a dataservice.
    /// - Parameters:
    ///   - id: The id.
    ///   - title: The title.
    public init(id: String, title: String? = nil) {
        self.id = id
        self.title = title
    }

    /// Decodes the dataservice, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try LosslessObjectReader(decoder)
        id = try object.required("id")
        title = try object.optional("title")
        acronym = try object.optional("acronym")
        description = try object.optional("description")
        baseAPIURL = try object.optional("base_api_url")
        machineDocumentationURL = try object.optional("machine_documentation_url")
        rateLimiting = try object.optional("rate_limiting")
        availability = try object.optional("availability")
        accessType = try object.optional("access_type")
        datasetsLink = try object.optional("datasets")
        organization = try object.optional("organization")
        createdAt = try object.optional("created_at")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the dataservice and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(title, "title")
        try object.encode(acronym, "acronym")
        try object.encode(description, "description")
        try object.encode(baseAPIURL, "base_api_url")
        try object.encode(machineDocumentationURL, "machine_documentation_url")
        try object.encode(rateLimiting, "rate_limiting")
        try object.encode(availability, "availability")
        try object.encode(accessType, "access_type")
        try object.encode(datasetsLink, "datasets")
        try object.encode(organization, "organization")
        try object.encode(createdAt, "created_at")
        try object.finish(with: additionalMembers)
    }
}
