/// The `token_type_hint` of revocation and introspection requests (RFC 7009, RFC 7662).
public struct TokenTypeHint: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The hint as sent, such as `"refresh_token"`.
    public let rawValue: String

    /// Creates a hint.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// An access token.
    public static let accessToken = TokenTypeHint(rawValue: "access_token")
    /// A refresh token.
    public static let refreshToken = TokenTypeHint(rawValue: "refresh_token")

    /// The hint as sent.
    public var description: String { rawValue }
}
