public import Foundation
public import SanteCore

/// The token issued by an RFC 8693 exchange.
///
/// The ANS sample issues a 4-hour token bound to the client certificate (`cnf.x5t#S256`, RFC 8705): send
/// it over the same mTLS transport. The ``description`` never shows a token.
public struct TokenExchangeResponse: Sendable, Hashable, CustomStringConvertible {
    /// `access_token`: the issued token (whatever its type, RFC 8693 names it so).
    public var accessToken: String
    /// `issued_token_type`.
    public var issuedTokenType: String?
    /// `token_type`: `Bearer`, or `N_A` for a token that is not an access token.
    public var tokenType: String
    /// When the token expires, if the server said (`expires_in`).
    public var expiresAt: Date?
    /// `scope`, if the server listed it.
    public var scopes: [String]?
    /// `refresh_token`, if any.
    public var refreshToken: String?
    /// Members not modelled above.
    public var additionalMembers: [String: JSONValue]

    /// Creates a response.
    /// - Parameters:
    ///   - accessToken: The issued token.
    ///   - issuedTokenType: Its type.
    ///   - tokenType: `Bearer` or `N_A`.
    ///   - expiresAt: Its expiry.
    ///   - scopes: Its scopes.
    ///   - refreshToken: A refresh token.
    ///   - additionalMembers: Other members.
    public init(
        accessToken: String, issuedTokenType: String?, tokenType: String, expiresAt: Date? = nil,
        scopes: [String]? = nil, refreshToken: String? = nil, additionalMembers: [String: JSONValue] = [:]
    ) {
        self.accessToken = accessToken
        self.issuedTokenType = issuedTokenType
        self.tokenType = tokenType
        self.expiresAt = expiresAt
        self.scopes = scopes
        self.refreshToken = refreshToken
        self.additionalMembers = additionalMembers
    }

    /// The token type and expiry; never the token.
    public var description: String {
        "TokenExchangeResponse(\(issuedTokenType ?? tokenType)\(expiresAt.map { ", expires \($0)" } ?? ""))"
    }
}
