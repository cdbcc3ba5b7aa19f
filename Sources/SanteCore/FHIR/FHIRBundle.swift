public import Foundation

/// A FHIR `Bundle`: a search result page, a transaction and its response, a document or a collection.
///
/// Entries hold their resources as ``AnyFHIRResource``, so a Bundle of any resource type decodes
/// and re-encodes without loss; ``resources(of:)`` decodes the entries of one type.
public struct FHIRBundle: FHIRResource {
    /// `"Bundle"`.
    public static let resourceType = "Bundle"

    /// The logical id.
    public var id: FHIRID?
    /// The resource's metadata.
    public var meta: FHIRMeta?
    /// Rules the content was created under.
    public var implicitRules: FHIRURI?
    /// The language of the content.
    public var language: FHIRCode?
    /// A persistent identifier for the Bundle (documents and messages).
    public var identifier: FHIRIdentifier?
    /// What the Bundle is for.
    public var type: BundleType
    /// When the Bundle was assembled.
    public var timestamp: FHIRInstant?
    /// For a search, the total number of matches (not the number of entries on this page).
    public var total: Int?
    /// Links such as `self`, `next` and `previous`.
    public var link: [Link]
    /// The entries.
    public var entry: [Entry]
    /// Members not modelled here, such as `signature`.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a Bundle.
    ///
    /// - Parameters:
    ///   - type: What the Bundle is for.
    ///   - entry: The entries.
    ///   - link: Links such as `self` and `next`.
    ///   - total: For a search, the total number of matches.
    ///   - timestamp: When the Bundle was assembled.
    ///   - id: The logical id.
    public init(
        type: BundleType,
        entry: [Entry] = [],
        link: [Link] = [],
        total: Int? = nil,
        timestamp: FHIRInstant? = nil,
        id: FHIRID? = nil
    ) {
        self.type = type
        self.entry = entry
        self.link = link
        self.total = total
        self.timestamp = timestamp
        self.id = id
    }

    /// The first link with `relation`.
    ///
    /// - Parameter relation: The relation, such as `"next"`.
    /// - Returns: The link, or `nil`.
    public func link(relation: String) -> Link? {
        link.first { $0.relation == relation }
    }

    /// The URL of the next page of a search, when there is one.
    public var nextURL: URL? {
        link(relation: "next").flatMap { URL(string: $0.url) }
    }

    /// Decodes the resources of entries whose type is `Resource`, in entry order.
    ///
    /// Entries of other types (an `OperationOutcome` in a search page, included resources) are skipped.
    /// - Parameter type: The typed resource.
    /// - Returns: The decoded resources.
    /// - Throws: ``FHIRDecodingError`` with a path such as `entry[3].resource.status`.
    public func resources<Resource: FHIRResource>(of type: Resource.Type) throws(FHIRDecodingError) -> [Resource] {
        var resources: [Resource] = []
        for (index, entry) in entry.enumerated() {
            guard let resource = entry.resource, resource.isResource(type) else { continue }
            do {
                resources.append(try resource.decode(as: type))
            } catch {
                throw error.nested(under: "entry[\(index)].resource")
            }
        }
        return resources
    }

    /// Decodes the Bundle, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        try object.resourceType(expected: Self.resourceType)
        id = try object.optional("id")
        meta = try object.optional("meta")
        implicitRules = try object.optional("implicitRules")
        language = try object.optional("language")
        identifier = try object.optional("identifier")
        type = try object.required("type")
        timestamp = try object.optional("timestamp")
        total = try object.optional("total")
        link = try object.array("link")
        entry = try object.array("entry")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the Bundle and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(Self.resourceType, "resourceType")
        try object.encode(id, "id")
        try object.encode(meta, "meta")
        try object.encode(implicitRules, "implicitRules")
        try object.encode(language, "language")
        try object.encode(identifier, "identifier")
        try object.encode(type, "type")
        try object.encode(timestamp, "timestamp")
        try object.encode(total, "total")
        try object.encode(link, "link")
        try object.encode(entry, "entry")
        try object.finish(with: additionalMembers)
    }
}
