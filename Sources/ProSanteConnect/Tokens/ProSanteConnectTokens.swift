public import Foundation
import SanteCore

/// The tokens of one session, as a ``TokenStore`` keeps them.
///
/// Lifetimes are absolute instants computed when the tokens were received (on the configured clock).
/// PSC access tokens live 2 minutes and refresh tokens 30 minutes. The ``description`` never shows a token.
///
/// Its JSON form (snake_case members, instants as seconds since 1970) is stable across releases.
public struct ProSanteConnectTokens: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The access token, for the `Authorization: Bearer` header.
    public var accessToken: String
    /// The token type (`Bearer`).
    public var tokenType: String
    /// When the access token expires, if the provider said (`expires_in`).
    public var accessTokenExpiresAt: Date?
    /// The refresh token, if any.
    public var refreshToken: String?
    /// When the refresh token expires, if the provider said (Keycloak's `refresh_expires_in`).
    public var refreshTokenExpiresAt: Date?
    /// The latest ID token, as received.
    public var idToken: String?
    /// The granted scopes, if the provider listed them.
    public var scopes: [String]?
    /// Keycloak's `session_state`, if any.
    public var sessionState: String?
    /// When these tokens were received.
    public var receivedAt: Date

    /// Creates a token set.
    /// - Parameters:
    ///   - accessToken: The access token.
    ///   - tokenType: The token type (default `Bearer`).
    ///   - accessTokenExpiresAt: When the access token expires.
    ///   - refreshToken: The refresh token.
    ///   - refreshTokenExpiresAt: When the refresh token expires.
    ///   - idToken: The ID token, as received.
    ///   - scopes: The granted scopes.
    ///   - sessionState: Keycloak's `session_state`.
    ///   - receivedAt: When the tokens were received.
    public init(
        accessToken: String,
        tokenType: String = "Bearer",
        accessTokenExpiresAt: Date? = nil,
        refreshToken: String? = nil,
        refreshTokenExpiresAt: Date? = nil,
        idToken: String? = nil,
        scopes: [String]? = nil,
        sessionState: String? = nil,
        receivedAt: Date
    ) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.accessTokenExpiresAt = accessTokenExpiresAt
        self.refreshToken = refreshToken
        self.refreshTokenExpiresAt = refreshTokenExpiresAt
        self.idToken = idToken
        self.scopes = scopes
        self.sessionState = sessionState
        self.receivedAt = receivedAt
    }

    /// Whether the access token is expired at `now`, or will be within `margin`.
    /// - Parameters:
    ///   - now: The current instant.
    ///   - margin: How early to consider it expired.
    /// - Returns: `true` when it must be refreshed; `false` when the provider gave no lifetime.
    public func accessTokenNeedsRefresh(at now: Date, margin: Duration) -> Bool {
        guard let accessTokenExpiresAt else { return false }
        return now >= accessTokenExpiresAt - margin.timeInterval
    }

    /// Whether the refresh token is missing or expired at `now`.
    /// - Parameter now: The current instant.
    /// - Returns: `true` when the session cannot be refreshed.
    public func refreshTokenIsUnusable(at now: Date) -> Bool {
        guard refreshToken != nil else { return true }
        guard let refreshTokenExpiresAt else { return false }
        return now >= refreshTokenExpiresAt
    }

    /// The ID token's parts, read without verification (it was verified when received).
    var decodedIDToken: IDToken? { idToken.flatMap(IDToken.unverified) }

    /// Which tokens are present and when they expire; never the tokens.
    public var description: String {
        var parts = ["access token"]
        if let accessTokenExpiresAt { parts.append("expires \(accessTokenExpiresAt)") }
        if refreshToken != nil { parts.append("refresh token") }
        if idToken != nil { parts.append("ID token") }
        return "ProSanteConnectTokens(\(parts.joined(separator: ", ")))"
    }

    private enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case accessTokenExpiresAt = "access_token_expires_at"
        case refreshToken = "refresh_token"
        case refreshTokenExpiresAt = "refresh_token_expires_at"
        case idToken = "id_token"
        case scopes
        case sessionState = "session_state"
        case receivedAt = "received_at"
    }

    /// Decodes the stored form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = try container.decode(String.self, forKey: .accessToken)
        tokenType = try container.decodeIfPresent(String.self, forKey: .tokenType) ?? "Bearer"
        accessTokenExpiresAt = try container.decodeIfPresent(NumericDate.self, forKey: .accessTokenExpiresAt)?.date
        refreshToken = try container.decodeIfPresent(String.self, forKey: .refreshToken)
        refreshTokenExpiresAt = try container.decodeIfPresent(NumericDate.self, forKey: .refreshTokenExpiresAt)?.date
        idToken = try container.decodeIfPresent(String.self, forKey: .idToken)
        scopes = try container.decodeIfPresent([String].self, forKey: .scopes)
        sessionState = try container.decodeIfPresent(String.self, forKey: .sessionState)
        receivedAt = try container.decode(NumericDate.self, forKey: .receivedAt).date
    }

    /// Encodes the stored form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accessToken, forKey: .accessToken)
        try container.encode(tokenType, forKey: .tokenType)
        try container.encodeIfPresent(accessTokenExpiresAt.map(NumericDate.init), forKey: .accessTokenExpiresAt)
        try container.encodeIfPresent(refreshToken, forKey: .refreshToken)
        try container.encodeIfPresent(refreshTokenExpiresAt.map(NumericDate.init), forKey: .refreshTokenExpiresAt)
        try container.encodeIfPresent(idToken, forKey: .idToken)
        try container.encodeIfPresent(scopes, forKey: .scopes)
        try container.encodeIfPresent(sessionState, forKey: .sessionState)
        try container.encode(NumericDate(receivedAt), forKey: .receivedAt)
    }
}
