/// Any FHIR resource, kept as JSON: its type and id are readable, and it decodes into a typed resource on demand.
///
/// Bundle entries and contained resources hold this type, so a resource SanteCore does not model
/// (a DocumentReference, a Patient) travels through unchanged and is typed by the module that knows it.
public struct AnyFHIRResource: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The resource type, such as `"DocumentReference"`.
    public let resourceType: String
    /// Every member of the resource, `resourceType` included.
    public let members: [String: JSONValue]

    /// Wraps a JSON object that has a string `resourceType`.
    ///
    /// - Parameter members: The members of the resource.
    /// - Throws: ``FHIRDecodingError`` at `resourceType` when it is missing or not a string.
    public init(members: [String: JSONValue]) throws(FHIRDecodingError) {
        guard let resourceType = members["resourceType"]?.stringValue, !resourceType.isEmpty else {
            throw FHIRDecodingError(codingPath: "resourceType", message: "a resource needs a string resourceType")
        }
        self.resourceType = resourceType
        self.members = members
    }

    /// Wraps a JSON value that is a resource object.
    ///
    /// - Parameter json: The resource as JSON.
    /// - Throws: ``FHIRDecodingError`` when `json` is not an object with a string `resourceType`.
    public init(json: JSONValue) throws(FHIRDecodingError) {
        guard let members = json.objectValue else {
            throw FHIRDecodingError(codingPath: "", message: "a resource must be a JSON object")
        }
        try self.init(members: members)
    }

    /// Wraps a typed resource.
    ///
    /// - Parameter resource: The resource.
    /// - Throws: ``FHIREncodingError`` when the resource cannot be written as JSON.
    public init<Resource: FHIRResource>(_ resource: Resource) throws(FHIREncodingError) {
        let json = try JSONValueConversion.encode(resource)
        guard let members = json.objectValue else {
            throw FHIREncodingError(codingPath: "", message: "\(Resource.self) did not encode as a JSON object")
        }
        self.resourceType = members["resourceType"]?.stringValue ?? Resource.resourceType
        var withType = members
        withType["resourceType"] = .string(resourceType)
        self.members = withType
    }

    /// The logical id, when present.
    public var id: FHIRID? { members["id"]?.stringValue }

    /// The resource's metadata, decoded on demand.
    ///
    /// - Throws: ``FHIRDecodingError`` at `meta` when the member is not a FHIR `Meta`.
    public var meta: FHIRMeta? {
        get throws(FHIRDecodingError) {
            guard let meta = members["meta"], meta != .null else { return nil }
            do {
                return try JSONValueConversion.decode(FHIRMeta.self, from: meta)
            } catch {
                throw error.nested(under: "meta")
            }
        }
    }

    /// The resource as a JSON object.
    public var json: JSONValue { .object(members) }

    /// The member named `name`.
    ///
    /// - Parameter name: The JSON member name.
    public subscript(member name: String) -> JSONValue? { members[name] }

    /// Whether this resource has the type of `Resource`.
    ///
    /// - Parameter type: The typed resource.
    /// - Returns: `true` when ``resourceType`` is `Resource.resourceType`.
    public func isResource<Resource: FHIRResource>(_ type: Resource.Type) -> Bool {
        resourceType == Resource.resourceType
    }

    /// Decodes the resource into its typed form.
    ///
    /// - Parameter type: The typed resource, such as ``FHIROperationOutcome``.
    /// - Returns: The typed resource; unmodelled members are kept in its `additionalMembers`.
    /// - Throws: ``FHIRDecodingError`` when the resource type differs or a member does not decode
    ///   (the path is relative to the resource).
    public func decode<Resource: FHIRResource>(as type: Resource.Type) throws(FHIRDecodingError) -> Resource {
        guard isResource(type) else {
            throw FHIRDecodingError(
                codingPath: "resourceType",
                message: "expected \(Resource.resourceType), found \(resourceType)"
            )
        }
        return try JSONValueConversion.decode(Resource.self, from: json)
    }

    /// `ResourceType/id`, or just the type when there is no id.
    public var description: String {
        id.map { "\(resourceType)/\($0)" } ?? resourceType
    }

    /// Decodes any JSON object with a string `resourceType`.
    public init(from decoder: any Decoder) throws {
        let members = try decoder.singleValueContainer().decode([String: JSONValue].self)
        guard let resourceType = members["resourceType"]?.stringValue, !resourceType.isEmpty else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath + [FHIRCodingKey("resourceType")],
                    debugDescription: "a resource needs a string resourceType"
                )
            )
        }
        self.resourceType = resourceType
        self.members = members
    }

    /// Encodes every member as kept.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(members)
    }
}
