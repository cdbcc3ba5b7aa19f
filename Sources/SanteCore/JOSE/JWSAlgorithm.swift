/// A JWS signature algorithm name (`alg`, RFC 7518 §3).
///
/// Any name can be represented, so that a header naming an unknown algorithm decodes and is then refused
/// with a precise error. Only ``rs256``, ``ps256``, ``es256`` and ``hs256`` can sign or verify.
/// ``unsecured`` (`none`) exists only so that it can be recognised and refused: SanteKit never accepts or produces
/// unsecured JWS objects.
public struct JWSAlgorithm: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The algorithm name exactly as written in the header, such as `"RS256"`.
    public let rawValue: String

    /// Creates an algorithm from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates an algorithm from its name.
    public init(_ name: String) { self.rawValue = name }

    /// Creates an algorithm from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Decodes the algorithm name from a JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the algorithm name as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The algorithm name.
    public var description: String { rawValue }

    /// RSASSA-PKCS1-v1_5 with SHA-256.
    public static let rs256 = JWSAlgorithm(rawValue: "RS256")
    /// RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt.
    public static let ps256 = JWSAlgorithm(rawValue: "PS256")
    /// ECDSA on P-256 with SHA-256; the signature is the 64-byte `r || s` concatenation.
    public static let es256 = JWSAlgorithm(rawValue: "ES256")
    /// HMAC with SHA-256.
    public static let hs256 = JWSAlgorithm(rawValue: "HS256")
    /// The `none` algorithm (no signature), representable only so that it can be refused.
    ///
    /// It is not named `.none` because that spelling silently means `Optional.none` (`nil`) wherever an
    /// optional algorithm is expected.
    public static let unsecured = JWSAlgorithm(rawValue: "none")

    /// The algorithms SanteKit can sign and verify.
    public static let supported: Set<JWSAlgorithm> = [.rs256, .ps256, .es256, .hs256]

    /// Whether this is `none`, in any letter case (`"None"` and `"NONE"` are refused too).
    public var isUnsecured: Bool { rawValue.lowercased() == "none" }

    /// Whether SanteKit can sign and verify with this algorithm.
    public var isSupported: Bool { scheme != nil }

    /// The key type this algorithm needs, when the algorithm is supported.
    public var requiredKeyType: JWKKeyType? {
        switch scheme {
        case .rsaPKCS1SHA256, .rsaPSSSHA256: .rsa
        case .ecdsaP256SHA256: .ellipticCurve
        case .hmacSHA256: .octetSequence
        case nil: nil
        }
    }

    /// The signature scheme behind a supported algorithm.
    var scheme: SignatureScheme? {
        switch self {
        case .rs256: .rsaPKCS1SHA256
        case .ps256: .rsaPSSSHA256
        case .es256: .ecdsaP256SHA256
        case .hs256: .hmacSHA256
        default: nil
        }
    }

    /// The concrete primitive behind each supported algorithm.
    enum SignatureScheme: Sendable {
        case rsaPKCS1SHA256
        case rsaPSSSHA256
        case ecdsaP256SHA256
        case hmacSHA256
    }
}
