import Foundation
import SanteCore

/// A successful token endpoint response (RFC 6749 §5.1, OpenID Connect Core §3.1.3.3, RFC 8693 §2.2.1),
/// with Keycloak's extras.
struct TokenEndpointResponse: Decodable, Sendable {
    var accessToken: String
    var tokenType: String
    var expiresIn: Int64?
    var refreshToken: String?
    var refreshExpiresIn: Int64?
    var idToken: String?
    var scope: String?
    var sessionState: String?
    var issuedTokenType: String?
    var additionalMembers: [String: JSONValue]

    init(from decoder: any Decoder) throws {
        var members = try JSONMembers(from: decoder)
        accessToken = try members.requireString("access_token")
        tokenType = try members.requireString("token_type")
        expiresIn = try members.takeInteger("expires_in")
        refreshToken = try members.takeString("refresh_token")
        refreshExpiresIn = try members.takeInteger("refresh_expires_in")
        idToken = try members.takeString("id_token")
        scope = try members.takeString("scope")
        sessionState = try members.takeString("session_state")
        issuedTokenType = try members.takeString("issued_token_type")
        additionalMembers = members.remaining
    }

    /// Decodes a token endpoint body, refusing an empty access token or a token type other than Bearer.
    static func decode(_ data: Data, operation: String, allowsAnyTokenType: Bool = false) throws -> Self {
        let response: TokenEndpointResponse
        do {
            response = try JSONDecoder().decode(TokenEndpointResponse.self, from: data)
        } catch {
            throw ProSanteConnectError(
                .invalidTokenResponse, "the token response is not a valid JSON token response", operation: operation,
                underlyingError: error)
        }
        guard !response.accessToken.isEmpty else {
            throw ProSanteConnectError(.invalidTokenResponse, "the access token is empty", operation: operation)
        }
        guard allowsAnyTokenType || response.tokenType.lowercased() == "bearer" else {
            throw ProSanteConnectError(
                .invalidTokenResponse, "the token type is \"\(response.tokenType)\", not Bearer", operation: operation)
        }
        return response
    }

    /// The token set, with absolute expiry instants computed from `now`.
    func tokens(receivedAt now: Date, previous: ProSanteConnectTokens? = nil) -> ProSanteConnectTokens {
        ProSanteConnectTokens(
            accessToken: accessToken,
            tokenType: tokenType,
            accessTokenExpiresAt: expiresIn.map { now + TimeInterval($0) },
            refreshToken: refreshToken ?? previous?.refreshToken,
            refreshTokenExpiresAt: refreshToken == nil
                ? previous?.refreshTokenExpiresAt
                : refreshExpiresIn.flatMap { $0 > 0 ? now + TimeInterval($0) : nil },
            idToken: idToken ?? previous?.idToken,
            scopes: scope.map { $0.split(separator: " ").map(String.init) } ?? previous?.scopes,
            sessionState: sessionState ?? previous?.sessionState,
            receivedAt: now)
    }
}
