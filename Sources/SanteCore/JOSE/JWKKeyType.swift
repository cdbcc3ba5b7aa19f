/// A JWK key type (`kty`, RFC 7518 §6.1).
///
/// Any name can be represented so that JWK sets holding keys SanteKit cannot use still decode; converting
/// such a key to a signing or verification key fails with ``JOSEError/Reason/unsupportedKeyType``.
public struct JWKKeyType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The key type exactly as written, such as `"RSA"`.
    public let rawValue: String

    /// Creates a key type from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a key type from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Decodes the key type from a JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the key type as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The key type name.
    public var description: String { rawValue }

    /// RSA (`"RSA"`).
    public static let rsa = JWKKeyType(rawValue: "RSA")
    /// Elliptic curve (`"EC"`).
    public static let ellipticCurve = JWKKeyType(rawValue: "EC")
    /// Symmetric octet sequence (`"oct"`), used for HMAC secrets.
    public static let octetSequence = JWKKeyType(rawValue: "oct")
    /// Octet key pair (`"OKP"`, RFC 8037), recognised but not supported.
    public static let octetKeyPair = JWKKeyType(rawValue: "OKP")
}
