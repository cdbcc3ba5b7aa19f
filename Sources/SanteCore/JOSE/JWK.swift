public import Foundation

/// A JSON Web Key (RFC 7517), kept losslessly.
///
/// The common members are typed; every other member (private members such as `d`, certificate members
/// such as `x5c`, and members SanteKit does not know) is kept in ``additionalMembers`` and written back
/// on encoding. Key material members hold base64url text exactly as read; they are decoded only when the
/// JWK is turned into a key (``JWSVerificationKey/init(jwk:)``, ``JWSSigningKey/init(jwk:)``).
public struct JWK: Hashable, Sendable, Codable {
    /// The key type (`kty`).
    public var keyType: JWKKeyType
    /// The key identifier (`kid`).
    public var keyID: String?
    /// The intended use (`use`): `"sig"` or `"enc"`.
    public var publicKeyUse: String?
    /// The algorithm the key is meant for (`alg`), which may be a JWE algorithm such as `"RSA-OAEP"`.
    public var algorithm: String?
    /// The permitted operations (`key_ops`), such as `["verify"]`.
    public var keyOperations: [String]?
    /// The curve (`crv`) of an `EC` key, such as `"P-256"`.
    public var curve: String?
    /// The RSA modulus (`n`), base64url.
    public var modulus: String?
    /// The RSA public exponent (`e`), base64url.
    public var exponent: String?
    /// The EC x coordinate (`x`), base64url.
    public var xCoordinate: String?
    /// The EC y coordinate (`y`), base64url.
    public var yCoordinate: String?
    /// Every other member, by name: private members (`d`, `p`, `q`, `dp`, `dq`, `qi`, `oth`, `k`),
    /// X.509 members (`x5c`, `x5t`, `x5t#S256`, `x5u`) and unknown members.
    public var additionalMembers: [String: JSONValue]

    /// The names of the members that hold private or secret key material (RFC 7518 §6).
    public static let privateMemberNames: Set<String> = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"]

    /// Creates a JWK.
    /// - Parameters:
    ///   - keyType: The key type (`kty`).
    ///   - keyID: The key identifier (`kid`).
    ///   - additionalMembers: Any other members, by name.
    public init(keyType: JWKKeyType, keyID: String? = nil, additionalMembers: [String: JSONValue] = [:]) {
        self.keyType = keyType
        self.keyID = keyID
        self.additionalMembers = additionalMembers
    }

    /// Parses a JWK from its JSON text.
    /// - Parameter jsonData: The UTF-8 JSON of one JWK object.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/invalidKey`` when the JSON is not a valid JWK.
    public init(jsonData: some DataProtocol) throws(JOSEError) {
        self = try JOSEJSON.decode(JWK.self, from: Data(jsonData), reason: .invalidKey, what: "JWK")
    }

    /// The JWK as compact JSON with sorted member names.
    /// - Returns: The UTF-8 JSON.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/encodingFailed`` if a member cannot be encoded.
    public func jsonData() throws(JOSEError) -> Data {
        try JOSEJSON.encode(self)
    }

    /// The value of any member, typed or not, as JSON.
    public subscript(member name: String) -> JSONValue? {
        members[name]
    }

    /// The X.509 certificate chain (`x5c`): base64 (not base64url) DER certificates, leaf first.
    public var x509CertificateChain: [String]? {
        additionalMembers["x5c"]?.arrayValue?.compactMap(\.stringValue)
    }

    /// Whether the JWK holds private or secret key material.
    public var containsPrivateMembers: Bool {
        !Self.privateMemberNames.isDisjoint(with: additionalMembers.keys)
    }

    /// This JWK without any private or secret member; everything else (including unknown members) is kept.
    public var publicJWK: JWK {
        var copy = self
        for name in Self.privateMemberNames { copy.additionalMembers[name] = nil }
        return copy
    }

    /// Decodes a JWK object; the registered members must have their registered JSON types.
    public init(from decoder: any Decoder) throws {
        var members = try decoder.singleValueContainer().decode([String: JSONValue].self)
        let reader = JOSEMemberReader(members: members, codingPath: decoder.codingPath)
        guard let keyType = try reader.string("kty") else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "the JWK has no \"kty\" member"))
        }
        self.keyType = JWKKeyType(rawValue: keyType)
        keyID = try reader.string("kid")
        publicKeyUse = try reader.string("use")
        algorithm = try reader.string("alg")
        keyOperations = try reader.strings("key_ops")
        curve = try reader.string("crv")
        modulus = try reader.string("n")
        exponent = try reader.string("e")
        xCoordinate = try reader.string("x")
        yCoordinate = try reader.string("y")
        for name in Self.typedMemberNames { members[name] = nil }
        additionalMembers = members
    }

    /// Encodes every member, typed and additional.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(members)
    }

    private static let typedMemberNames = ["kty", "kid", "use", "alg", "key_ops", "crv", "n", "e", "x", "y"]

    /// All members as JSON; typed members take precedence over additional members of the same name.
    var members: [String: JSONValue] {
        var members = additionalMembers
        members["kty"] = .string(keyType.rawValue)
        members["kid"] = keyID.map(JSONValue.string)
        members["use"] = publicKeyUse.map(JSONValue.string)
        members["alg"] = algorithm.map(JSONValue.string)
        members["key_ops"] = keyOperations.map { .array($0.map(JSONValue.string)) }
        members["crv"] = curve.map(JSONValue.string)
        members["n"] = modulus.map(JSONValue.string)
        members["e"] = exponent.map(JSONValue.string)
        members["x"] = xCoordinate.map(JSONValue.string)
        members["y"] = yCoordinate.map(JSONValue.string)
        return members
    }
}
