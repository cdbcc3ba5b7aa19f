public import Foundation

/// A JWK set (RFC 7517 §5), such as the document served at an OpenID provider's `jwks_uri`.
///
/// Every key is kept, including keys SanteKit cannot use (other key types, encryption keys); they are
/// skipped only when the set is turned into verification keys (``verificationKeys()``). Members other
/// than `keys` are kept too.
public struct JWKSet: Hashable, Sendable, Codable {
    /// The keys, in document order.
    public var keys: [JWK]
    /// Members of the set object other than `keys`.
    public var additionalMembers: [String: JSONValue]

    /// Creates a set.
    /// - Parameters:
    ///   - keys: The keys.
    ///   - additionalMembers: Other members of the set object.
    public init(keys: [JWK], additionalMembers: [String: JSONValue] = [:]) {
        self.keys = keys
        self.additionalMembers = additionalMembers
    }

    /// Parses a JWK set from its JSON text.
    /// - Parameter jsonData: The UTF-8 JSON, an object with a `keys` array.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/invalidKey`` when the JSON is not a JWK set or one of
    ///   its entries is not a JWK object with a string `kty`.
    public init(jsonData: some DataProtocol) throws(JOSEError) {
        self = try JOSEJSON.decode(JWKSet.self, from: Data(jsonData), reason: .invalidKey, what: "JWK set")
    }

    /// The set as compact JSON with sorted member names.
    /// - Returns: The UTF-8 JSON.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/encodingFailed`` if a member cannot be encoded.
    public func jsonData() throws(JOSEError) -> Data {
        try JOSEJSON.encode(self)
    }

    /// The keys whose `kid` is `keyID`, in document order.
    /// - Parameter keyID: The key identifier to look for.
    /// - Returns: The matching keys (usually zero or one).
    public func keys(withID keyID: String) -> [JWK] {
        keys.filter { $0.keyID == keyID }
    }

    /// The first key whose `kid` is `keyID`, if any.
    /// - Parameter keyID: The key identifier to look for.
    /// - Returns: The key, or `nil` when no key has that `kid`.
    public func key(withID keyID: String) -> JWK? {
        keys.first { $0.keyID == keyID }
    }

    /// The same set with every private or secret member removed from every key.
    public var publicKeySet: JWKSet {
        JWKSet(keys: keys.map(\.publicJWK), additionalMembers: additionalMembers)
    }

    /// The keys that can verify signatures, converted; every other key is skipped.
    ///
    /// Skipped: unsupported key types and curves, keys with `use: "enc"` or with `key_ops` lacking
    /// `"verify"`, keys with unusable material (including RSA keys under 2048 bits), and `oct` keys (an
    /// HMAC secret never comes from a published key set).
    /// - Returns: The usable verification keys, in document order.
    public func verificationKeys() -> [JWSVerificationKey] {
        keys.compactMap { jwk in
            guard jwk.keyType != .octetSequence else { return nil }
            return try? JWSVerificationKey(jwk: jwk)
        }
    }

    /// Decodes a set object; `keys` must be an array of JWK objects.
    public init(from decoder: any Decoder) throws {
        var members = try decoder.singleValueContainer().decode([String: JSONValue].self)
        guard let keysValue = members["keys"] else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "the JWK set has no \"keys\" member"))
        }
        guard keysValue.arrayValue != nil else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "member \"keys\" must be an array"))
        }
        members["keys"] = nil
        let container = try decoder.container(keyedBy: KeysCodingKey.self)
        keys = try container.decode([JWK].self, forKey: .keys)
        additionalMembers = members
    }

    /// Encodes `keys` and every additional member.
    public func encode(to encoder: any Encoder) throws {
        var members = additionalMembers
        members["keys"] = nil
        var container = encoder.container(keyedBy: JOSECodingKey.self)
        for (name, value) in members {
            try container.encode(value, forKey: JOSECodingKey(name))
        }
        try container.encode(keys, forKey: JOSECodingKey("keys"))
    }

    private enum KeysCodingKey: String, CodingKey {
        case keys
    }
}

/// A coding key for any member name.
struct JOSECodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
