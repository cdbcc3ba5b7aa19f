import Foundation
import SanteCore

extension IdentityServiceState {
    /// The end-session endpoint: ends the session of `id_token_hint` (its refresh tokens stop working, its
    /// access tokens are revoked), then redirects to `post_logout_redirect_uri` with `state`, or answers
    /// 204 when there is no redirect (server-to-server logout).
    ///
    /// `id_token_hint` must be an ID token of this platform for a known client (its signature and `iss` are
    /// checked, not its expiry). A `post_logout_redirect_uri` needs the client (from the hint or
    /// `client_id`) to accept it.
    /// - Throws: ``PSCOAuthError`` (`invalid_request`) for a bad hint or redirect URI.
    func logout(_ parameters: FormParameters) throws(PSCOAuthError) -> PSCLogoutOutcome {
        var client = parameters["client_id"].flatMap { clients[$0] }
        if parameters["client_id"] != nil, client == nil {
            throw .invalidRequest("unknown client_id")
        }
        var sessionID: String?
        if let hint = parameters["id_token_hint"] {
            let (hintClient, claims) = try verifyIDTokenHint(hint)
            if let client, client.clientID != hintClient.clientID {
                throw .invalidRequest("client_id differs from the id_token_hint's client")
            }
            client = hintClient
            sessionID = claims[claim: "sid"]?.stringValue
        }
        if let sessionID {
            endSession(sessionID)
        }
        guard let redirectURI = parameters["post_logout_redirect_uri"] else {
            return .done
        }
        guard let client else {
            throw .invalidRequest("post_logout_redirect_uri needs id_token_hint or client_id")
        }
        guard client.acceptsPostLogoutRedirect(redirectURI) else {
            throw .invalidRequest("post_logout_redirect_uri is not registered for the client \(client.clientID)")
        }
        let pairs = parameters["state"].map { [("state", $0)] } ?? []
        return .redirect(FormURLEncoding.appending(pairs, to: redirectURI))
    }

    /// Verifies an ID token of this platform (signature with the current keys or the client secret, with
    /// the client's algorithm; `iss`), whatever its expiry.
    private func verifyIDTokenHint(_ hint: String) throws(PSCOAuthError) -> (MockPSCClient, JWTClaims) {
        let invalid = PSCOAuthError.invalidRequest("id_token_hint is not an ID token of this provider")
        guard let unverified = try? JWS.parseUnverified(hint).claims() else { throw invalid }
        let clientID = unverified[claim: "azp"]?.stringValue ?? unverified.audience?.values.first
        guard let clientID, let client = clients[clientID] else { throw invalid }
        let keys = try currentSigner().keys
        var candidates = keys.verificationKeys
        var ps256 = keys.ps256.verificationKey
        ps256.algorithm = .ps256
        candidates.append(ps256)
        if let secret = client.clientSecret {
            candidates.append(JWSVerificationKey(hmacSecret: Data(secret.utf8), algorithm: .hs256))
        }
        let verifier = JWSVerifier(allowedAlgorithms: [client.idTokenSignedResponseAlgorithm], keys: candidates)
        guard let claims = try? verifier.verify(hint).claims(), claims.issuer == (try endpoints().issuer.absoluteString)
        else {
            throw invalid
        }
        return (client, claims)
    }
}
