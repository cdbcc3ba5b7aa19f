public import SanteCore

/// The short form of an organization embedded in datasets, reuses and dataservices.
public struct DataGouvOrganizationReference: DataGouvModel, Identifiable {
    /// The organization's id.
    public var id: String
    /// Its name, such as `Santé publique France`.
    public var name: String?
    /// Its acronym, such as `SPF`.
    public var acronym: String?
    /// Its slug.
    public var slug: String?
    /// Its API URL.
    public var uri: String?
    /// Its logo's URL.
    public var logo: String?
    /// Its badges' kinds, such as `public-service` and `certified`.
    public var badges: [String]
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a reference.
    /// - Parameters:
    ///   - id: The organization's id.
    ///   - name: Its name.
    public init(id: String, name: String? = nil) {
        self.id = id
        self.name = name
        self.badges = []
    }

    /// Decodes the reference, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try LosslessObjectReader(decoder)
        id = try object.required("id")
        name = try object.optional("name")
        acronym = try object.optional("acronym")
        slug = try object.optional("slug")
        uri = try object.optional("uri")
        logo = try object.optional("logo")
        badges = try object.array("badges", of: DataGouvBadge.self).map(\.kind)
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the reference and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(name, "name")
        try object.encode(acronym, "acronym")
        try object.encode(slug, "slug")
        try object.encode(uri, "uri")
        try object.encode(logo, "logo")
        try object.encode(badges.map(DataGouvBadge.init(kind:)), "badges")
        try object.finish(with: additionalMembers)
    }
}

/// A badge, `{"kind": "certified"}`.
struct DataGouvBadge: Codable {
    let kind: String
}
