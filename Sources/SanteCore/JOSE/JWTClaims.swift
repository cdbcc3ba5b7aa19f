/// The claims of a JWT (RFC 7519 §4): the registered claims typed, every other claim kept as JSON.
///
/// Decoding then encoding is lossless. Protocol-specific checks (OpenID Connect `nonce`, `azp`,
/// `at_hash`…) belong to the client that knows the protocol; this type only offers the time checks of
/// ``validateTimes(now:leeway:requireExpirationTime:maximumAge:)``.
public struct JWTClaims: Hashable, Sendable, Codable {
    /// The issuer (`iss`).
    public var issuer: String?
    /// The subject (`sub`).
    public var subject: String?
    /// The audience (`aud`), a string or an array.
    public var audience: JWTAudience?
    /// The expiration time (`exp`).
    public var expirationTime: NumericDate?
    /// The time before which the token must not be accepted (`nbf`).
    public var notBefore: NumericDate?
    /// The issue time (`iat`).
    public var issuedAt: NumericDate?
    /// The token identifier (`jti`).
    public var jwtID: String?
    /// Every other claim, by name (for example `nonce`, `acr`, `SubjectNameID`).
    public var additionalClaims: [String: JSONValue]

    /// The names of the registered claims held in typed properties.
    public static let registeredClaimNames: Set<String> = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"]

    /// Creates claims.
    /// - Parameters:
    ///   - issuer: `iss`.
    ///   - subject: `sub`.
    ///   - audience: `aud`.
    ///   - expirationTime: `exp`.
    ///   - notBefore: `nbf`.
    ///   - issuedAt: `iat`.
    ///   - jwtID: `jti`.
    ///   - additionalClaims: Other claims; registered names given here are ignored.
    public init(
        issuer: String? = nil,
        subject: String? = nil,
        audience: JWTAudience? = nil,
        expirationTime: NumericDate? = nil,
        notBefore: NumericDate? = nil,
        issuedAt: NumericDate? = nil,
        jwtID: String? = nil,
        additionalClaims: [String: JSONValue] = [:]
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audience = audience
        self.expirationTime = expirationTime
        self.notBefore = notBefore
        self.issuedAt = issuedAt
        self.jwtID = jwtID
        self.additionalClaims = additionalClaims
        for name in Self.registeredClaimNames { self.additionalClaims[name] = nil }
    }

    /// The value of any claim, registered or not, as JSON.
    public subscript(claim name: String) -> JSONValue? {
        switch name {
        case "iss": issuer.map(JSONValue.string)
        case "sub": subject.map(JSONValue.string)
        case "aud": audience?.jsonValue
        case "exp": expirationTime?.jsonValue
        case "nbf": notBefore?.jsonValue
        case "iat": issuedAt?.jsonValue
        case "jti": jwtID.map(JSONValue.string)
        default: additionalClaims[name]
        }
    }

    /// Decodes a claims object; registered claims must have their registered JSON types.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JOSECodingKey.self)
        /// A registered claim: absent is `nil`, but `null` or a value of the wrong type is an error.
        func registered<Value: Decodable>(_ type: Value.Type, _ name: String) throws -> Value? {
            let key = JOSECodingKey(name)
            guard container.contains(key) else { return nil }
            return try container.decode(type, forKey: key)
        }
        issuer = try registered(String.self, "iss")
        subject = try registered(String.self, "sub")
        audience = try registered(JWTAudience.self, "aud")
        expirationTime = try registered(NumericDate.self, "exp")
        notBefore = try registered(NumericDate.self, "nbf")
        issuedAt = try registered(NumericDate.self, "iat")
        jwtID = try registered(String.self, "jti")
        var others: [String: JSONValue] = [:]
        for key in container.allKeys where !Self.registeredClaimNames.contains(key.stringValue) {
            others[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        additionalClaims = others
    }

    /// Encodes every claim, registered and additional.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JOSECodingKey.self)
        for (name, value) in additionalClaims where !Self.registeredClaimNames.contains(name) {
            try container.encode(value, forKey: JOSECodingKey(name))
        }
        let name = JOSECodingKey.init(_:)
        try container.encodeIfPresent(issuer, forKey: name("iss"))
        try container.encodeIfPresent(subject, forKey: name("sub"))
        try container.encodeIfPresent(audience, forKey: name("aud"))
        try container.encodeIfPresent(expirationTime, forKey: name("exp"))
        try container.encodeIfPresent(notBefore, forKey: name("nbf"))
        try container.encodeIfPresent(issuedAt, forKey: name("iat"))
        try container.encodeIfPresent(jwtID, forKey: name("jti"))
    }
}
