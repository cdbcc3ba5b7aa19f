/// A FHIR `Meta`: version, last update, profiles, security labels and tags of a resource.
public struct FHIRMeta: FHIRElement {
    /// The element's `id`.
    public var id: String?
    /// The element's extensions.
    public var `extension`: [FHIRExtension]
    /// The version id, which changes each time the resource changes.
    public var versionId: FHIRID?
    /// When the resource last changed on the server.
    public var lastUpdated: FHIRInstant?
    /// The system the resource came from.
    public var source: FHIRURI?
    /// The profiles the resource claims to conform to.
    public var profile: [FHIRCanonical]
    /// Security labels.
    public var security: [FHIRCoding]
    /// Tags.
    public var tag: [FHIRCoding]
    /// Members not modelled here, such as `_profile`.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates resource metadata.
    ///
    /// - Parameters:
    ///   - versionId: The version id.
    ///   - lastUpdated: When the resource last changed.
    ///   - source: The system the resource came from.
    ///   - profile: The claimed profiles.
    ///   - security: Security labels.
    ///   - tag: Tags.
    ///   - extension: The element's extensions.
    public init(
        versionId: FHIRID? = nil,
        lastUpdated: FHIRInstant? = nil,
        source: FHIRURI? = nil,
        profile: [FHIRCanonical] = [],
        security: [FHIRCoding] = [],
        tag: [FHIRCoding] = [],
        extension: [FHIRExtension] = []
    ) {
        self.versionId = versionId
        self.lastUpdated = lastUpdated
        self.source = source
        self.profile = profile
        self.security = security
        self.tag = tag
        self.extension = `extension`
    }

    /// Decodes the metadata, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.optional("id")
        `extension` = try object.array("extension")
        versionId = try object.optional("versionId")
        lastUpdated = try object.optional("lastUpdated")
        source = try object.optional("source")
        profile = try object.array("profile")
        security = try object.array("security")
        tag = try object.array("tag")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the metadata and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(`extension`, "extension")
        try object.encode(versionId, "versionId")
        try object.encode(lastUpdated, "lastUpdated")
        try object.encode(source, "source")
        try object.encode(profile, "profile")
        try object.encode(security, "security")
        try object.encode(tag, "tag")
        try object.finish(with: additionalMembers)
    }
}
