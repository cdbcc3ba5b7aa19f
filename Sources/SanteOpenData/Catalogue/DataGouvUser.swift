public import SanteCore

/// The account an API key belongs to (`GET /api/1/me/`).
public struct DataGouvUser: DataGouvModel, Identifiable {
    /// The user's id.
    public var id: String
    /// The first name.
    public var firstName: String?
    /// The last name.
    public var lastName: String?
    /// The slug.
    public var slug: String?
    /// The organizations the user belongs to.
    public var organizations: [DataGouvOrganizationReference]
    /// Members not modelled here (never the key itself: the API does not send it back).
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a user.
    /// - Parameter id: The id.
    public init(id: String) {
        self.id = id
        self.organizations = []
    }

    /// Decodes the user, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try LosslessObjectReader(decoder)
        id = try object.required("id")
        firstName = try object.optional("first_name")
        lastName = try object.optional("last_name")
        slug = try object.optional("slug")
        organizations = try object.array("organizations")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the user and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(firstName, "first_name")
        try object.encode(lastName, "last_name")
        try object.encode(slug, "slug")
        try object.encode(organizations, "organizations")
        try object.finish(with: additionalMembers)
    }
}
