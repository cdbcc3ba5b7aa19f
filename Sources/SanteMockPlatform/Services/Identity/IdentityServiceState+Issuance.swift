import Foundation
import SanteCore

extension IdentityServiceState {
    /// The current keys, or a `server_error`.
    func currentSigner() throws(PSCOAuthError) -> PSCTokenSigner {
        do {
            return PSCTokenSigner(keys: try keyRing.current())
        } catch {
            throw .serverError("the mock's signing keys are unavailable: \(error.message)")
        }
    }

    /// Issues an access token, a refresh token and an ID token for `grant` (code, refresh and CIBA grants),
    /// records them in the grant's session, and returns the token response. With a `certificateThumbprint`,
    /// the access token carries `cnf: {"x5t#S256": …}` (RFC 8705 §3.1).
    /// - Returns: The token response and what was issued, for the caller's bookkeeping.
    /// - Throws: ``PSCOAuthError`` (`server_error`) when signing fails.
    func issueTokens(
        for grant: PSCGrant, client: MockPSCClient, certificateThumbprint: String?
    ) throws(PSCOAuthError) -> PSCIssuedTokens {
        let endpoints = try endpoints()
        let signer = try currentSigner()
        let now = Int64(self.now.rounded(.down))
        let issuer = endpoints.issuer.absoluteString

        let accessTokenID = PSCRandom.uuid()
        var additionalClaims: [String: JSONValue] = [
            MockPSCAccessToken.typeClaim: .string(MockPSCAccessToken.type),
            "azp": .string(client.clientID),
            "scope": .string(grant.scope),
            "acr": .string(PSCIDToken.authenticationContext),
            "sid": .string(grant.sessionID),
            MockPSCAccessToken.subjectNameIDClaim: .string(grant.professional.subjectNameID),
        ]
        additionalClaims[MockPSCAccessToken.confirmationClaim] = certificateThumbprint.map(
            MockPSCAccessToken.confirmation(certificateThumbprint:))
        let accessClaims = JWTClaims(
            issuer: issuer, subject: PSCUserInfo.subject(of: grant.professional), audience: .single(client.clientID),
            expirationTime: NumericDate(secondsSince1970: Double(now + Self.accessTokenSeconds)),
            issuedAt: NumericDate(secondsSince1970: Double(now)), jwtID: accessTokenID,
            additionalClaims: additionalClaims)
        let accessToken = try signer.sign(accessClaims, key: signer.keys.rsa, algorithm: .rs256)

        let refreshToken = PSCRandom.token()
        refreshGrants[refreshToken] = PSCRefreshGrant(
            grant: grant.withoutNonce, issuedAt: now, expiresAt: now + Self.refreshTokenSeconds)
        var session =
            sessions[grant.sessionID]
            ?? PSCSession(clientID: client.clientID, subjectNameID: grant.professional.subjectNameID)
        session.accessTokenIDs.append(accessTokenID)
        session.refreshTokens.insert(refreshToken)
        sessions[grant.sessionID] = session

        let idTokenBuilder = PSCIDToken(issuer: issuer, signer: signer, client: client, now: now)
        let idToken = try idTokenBuilder.token(
            for: grant, accessToken: accessToken, faults: takeFaults(for: .idToken))

        let response: JSONValue = [
            "access_token": .string(accessToken),
            "token_type": "Bearer",
            "expires_in": .integer(Self.accessTokenSeconds),
            "refresh_token": .string(refreshToken),
            "refresh_expires_in": .integer(Self.refreshTokenSeconds),
            "id_token": .string(idToken),
            "scope": .string(grant.scope),
            "session_state": .string(grant.sessionID),
            "not-before-policy": 0,
        ]
        return PSCIssuedTokens(response: response, accessTokenID: accessTokenID, refreshToken: refreshToken)
    }

    /// Ends a session: its refresh tokens stop working and its access tokens are revoked.
    func endSession(_ sessionID: String) {
        guard let session = sessions.removeValue(forKey: sessionID) else { return }
        for refreshToken in session.refreshTokens {
            refreshGrants[refreshToken] = nil
        }
        revokedTokens.revoke(session.accessTokenIDs)
    }

    static var accessTokenSeconds: Int64 { MockPSCAccessToken.lifetime.components.seconds }
    static var refreshTokenSeconds: Int64 { MockPSCAccessToken.refreshLifetime.components.seconds }
}

/// What ``IdentityServiceState/issueTokens(for:client:)`` issued.
struct PSCIssuedTokens: Sendable {
    /// The token endpoint's JSON answer.
    let response: JSONValue
    /// The access token's `jti`.
    let accessTokenID: String
    /// The opaque refresh token.
    let refreshToken: String
}
