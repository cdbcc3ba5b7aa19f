import Foundation

/// Who and what a set of tokens is issued for: the client, the professional, the session and the scope.
struct PSCGrant: Sendable {
    /// The client the tokens are issued to.
    let clientID: String
    /// The professional who signed in.
    let professional: MockProfessional
    /// The session id (`sid`, `session_state`).
    let sessionID: String
    /// When the professional authenticated, in whole seconds since 1970 (`auth_time`).
    let authTime: Int64
    /// The granted scope, space-separated.
    let scope: String
    /// The `nonce` of the authorization request; `nil` for refreshes and CIBA.
    let nonce: String?

    /// The same grant without a `nonce`, for the ID tokens of refreshes.
    var withoutNonce: PSCGrant {
        PSCGrant(
            clientID: clientID, professional: professional, sessionID: sessionID, authTime: authTime, scope: scope,
            nonce: nil)
    }
}

/// An authorization code: single use, short-lived, bound to the client, redirect URI, PKCE challenge and nonce.
struct PSCAuthorizationCode: Sendable {
    let grant: PSCGrant
    let redirectURI: String
    let codeChallenge: String
    /// When the code stops being valid (seconds since 1970, platform clock).
    let expiresAt: Double
    /// Whether the code was already presented at the token endpoint.
    var redeemed = false
    /// The access tokens (`jti`) issued for the code, revoked if the code is presented again.
    var issuedAccessTokenIDs: [String] = []
    /// The refresh token issued for the code, revoked if the code is presented again.
    var issuedRefreshToken: String?
}

/// An opaque refresh token's grant; removed when used (rotation), revoked or its session ends.
struct PSCRefreshGrant: Sendable {
    let grant: PSCGrant
    let issuedAt: Int64
    let expiresAt: Int64
}

/// A sign-in session: what logout ends.
struct PSCSession: Sendable {
    let clientID: String
    let subjectNameID: String
    /// The access tokens (`jti`) issued in the session.
    var accessTokenIDs: [String] = []
    /// The live refresh tokens of the session.
    var refreshTokens: Set<String> = []
}

/// A pending CIBA (backchannel) authentication request.
struct PSCBackchannelRequest: Sendable {
    let clientID: String
    let professional: MockProfessional
    let scope: String
    let bindingMessage: String?
    /// When the request expires (seconds since 1970, platform clock).
    let expiresAt: Double
    /// When the client last called (the request itself, then each poll).
    var lastContactAt: Double
    /// How many polls got `authorization_pending` so far.
    var pendingAnswers = 0
}

/// The result of the authorization endpoint.
enum PSCAuthorizationOutcome: Sendable {
    /// `302` to this URI.
    case redirect(String)
    /// An error answered directly (unknown client, unacceptable redirect URI).
    case failure(PSCOAuthError)
}

/// The result of the logout endpoint.
enum PSCLogoutOutcome: Sendable {
    /// `302` to this post-logout redirect URI.
    case redirect(String)
    /// `204 No Content`.
    case done
}
