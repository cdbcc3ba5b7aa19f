/// The protected header of a JWS (RFC 7515 §4), kept losslessly.
///
/// The registered members SanteKit acts on are typed; every other member is kept in
/// ``additionalMembers``. `jku`, `x5u` and embedded `jwk` members are kept but never used to find a key.
public struct JWSHeader: Hashable, Sendable, Codable {
    /// The signature algorithm (`alg`), as written by the signer. Never trust it: the verifier checks it
    /// against the caller's allow-list.
    public var algorithm: JWSAlgorithm
    /// The key identifier (`kid`), if any.
    public var keyID: String?
    /// The media type of the whole object (`typ`), such as `"JWT"`.
    public var type: String?
    /// The media type of the payload (`cty`), if any.
    public var contentType: String?
    /// The extensions that must be understood (`crit`), if any.
    public var critical: [String]?
    /// Every other member, by name.
    public var additionalMembers: [String: JSONValue]

    /// Creates a header.
    /// - Parameters:
    ///   - algorithm: The signature algorithm (`alg`).
    ///   - keyID: The key identifier (`kid`).
    ///   - type: The media type of the object (`typ`).
    ///   - contentType: The media type of the payload (`cty`).
    ///   - critical: The extensions that must be understood (`crit`).
    ///   - additionalMembers: Other members; registered names above are ignored here.
    public init(
        algorithm: JWSAlgorithm,
        keyID: String? = nil,
        type: String? = nil,
        contentType: String? = nil,
        critical: [String]? = nil,
        additionalMembers: [String: JSONValue] = [:]
    ) {
        self.algorithm = algorithm
        self.keyID = keyID
        self.type = type
        self.contentType = contentType
        self.critical = critical
        self.additionalMembers = additionalMembers
        for name in Self.typedMemberNames { self.additionalMembers[name] = nil }
    }

    /// The value of any member, typed or not, as JSON.
    public subscript(member name: String) -> JSONValue? {
        members[name]
    }

    /// Decodes a header object; `alg` is required and the typed members must have their registered types.
    public init(from decoder: any Decoder) throws {
        var members = try decoder.singleValueContainer().decode([String: JSONValue].self)
        let reader = JOSEMemberReader(members: members, codingPath: decoder.codingPath)
        guard let algorithm = try reader.string("alg") else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "the header has no \"alg\" member"))
        }
        self.algorithm = JWSAlgorithm(rawValue: algorithm)
        keyID = try reader.string("kid")
        type = try reader.string("typ")
        contentType = try reader.string("cty")
        critical = try reader.strings("crit")
        if let critical, critical.isEmpty {
            throw reader.wrongType("crit", expected: "a non-empty array of strings")
        }
        for name in Self.typedMemberNames { members[name] = nil }
        additionalMembers = members
    }

    /// Encodes every member, typed and additional.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(members)
    }

    private static let typedMemberNames = ["alg", "kid", "typ", "cty", "crit"]

    var members: [String: JSONValue] {
        var members = additionalMembers
        members["alg"] = .string(algorithm.rawValue)
        members["kid"] = keyID.map(JSONValue.string)
        members["typ"] = type.map(JSONValue.string)
        members["cty"] = contentType.map(JSONValue.string)
        members["crit"] = critical.map { .array($0.map(JSONValue.string)) }
        return members
    }
}
