/// The `error` code of an OAuth 2.0 or OpenID Connect error response (RFC 6749 §4.1.2.1 and §5.2,
/// OpenID Connect Core §3.1.2.6, CIBA §11, RFC 8693 §2.2.2).
///
/// An extensible set of string constants: a code the provider invents is kept as it is, never lost.
public struct OAuthErrorCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The code exactly as the provider wrote it, such as `"invalid_grant"`.
    public let rawValue: String

    /// Creates a code from its string form.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a code from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Decodes the code from a JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the code as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The code's string form.
    public var description: String { rawValue }

    /// The request is missing a parameter, or is otherwise malformed.
    public static let invalidRequest: OAuthErrorCode = "invalid_request"
    /// The client could not be authenticated.
    public static let invalidClient: OAuthErrorCode = "invalid_client"
    /// The code, refresh token or `auth_req_id` is invalid, expired, revoked or was issued to another client.
    public static let invalidGrant: OAuthErrorCode = "invalid_grant"
    /// The client may not use this grant type or response type.
    public static let unauthorizedClient: OAuthErrorCode = "unauthorized_client"
    /// The grant type is not supported by the provider.
    public static let unsupportedGrantType: OAuthErrorCode = "unsupported_grant_type"
    /// The response type is not supported by the provider.
    public static let unsupportedResponseType: OAuthErrorCode = "unsupported_response_type"
    /// The scope is invalid, unknown or malformed.
    public static let invalidScope: OAuthErrorCode = "invalid_scope"
    /// The user (or the provider) refused the request.
    public static let accessDenied: OAuthErrorCode = "access_denied"
    /// The provider met an unexpected condition.
    public static let serverError: OAuthErrorCode = "server_error"
    /// The provider is temporarily unable to handle the request.
    public static let temporarilyUnavailable: OAuthErrorCode = "temporarily_unavailable"
    /// The user must log in (`prompt=none` could not be honoured).
    public static let loginRequired: OAuthErrorCode = "login_required"
    /// The user must consent.
    public static let consentRequired: OAuthErrorCode = "consent_required"
    /// The user must interact with the provider.
    public static let interactionRequired: OAuthErrorCode = "interaction_required"
    /// CIBA: the user has not answered yet; poll again after the interval.
    public static let authorizationPending: OAuthErrorCode = "authorization_pending"
    /// CIBA: polling too fast; add 5 seconds to the interval.
    public static let slowDown: OAuthErrorCode = "slow_down"
    /// CIBA: the `auth_req_id` expired; start again.
    public static let expiredToken: OAuthErrorCode = "expired_token"
    /// CIBA: the `login_hint` designates no user the provider knows.
    public static let unknownUserID: OAuthErrorCode = "unknown_user_id"
    /// RFC 8693: the requested audience or resource is not acceptable.
    public static let invalidTarget: OAuthErrorCode = "invalid_target"
    /// RFC 7009: the provider cannot revoke this type of token.
    public static let unsupportedTokenType: OAuthErrorCode = "unsupported_token_type"
}
