import Foundation
import SanteCore

/// A userinfo answer: JSON, or a signed JWT (`application/jwt`).
enum PSCUserInfoResponse: Sendable {
    case json(JSONValue)
    case jwt(String)
}

extension IdentityServiceState {
    /// The token types of RFC 8693 the mock accepts and issues.
    enum TokenType {
        static let jwt = "urn:ietf:params:oauth:token-type:jwt"
        static let accessToken = "urn:ietf:params:oauth:token-type:access_token"
    }

    /// The claims of a live access token of this platform (signature, issuer, expiry, `typ: Bearer`, not
    /// revoked), or `nil`.
    func liveAccessTokenClaims(_ token: String) -> JWTClaims? {
        guard let claims = try? tokenVerifier().verifiedClaims(token),
            claims[claim: MockPSCAccessToken.typeClaim]?.stringValue == MockPSCAccessToken.type,
            claims[claim: MockPSCAccessToken.subjectNameIDClaim]?.stringValue != nil,
            let tokenID = claims.jwtID, !revokedTokens.contains(tokenID)
        else {
            return nil
        }
        return claims
    }

    /// RFC 8693 token exchange: a live mock PSC access token becomes a new access token for `audience`,
    /// living ``MockPSCAccessToken/exchangedLifetime``, with `act` naming the client (or the actor token's
    /// subject). Through mutual TLS (`tls_client_auth`), the new token is bound to the client's certificate
    /// (`cnf.x5t#S256`), as in the ANS sample.
    func exchange(
        _ parameters: FormParameters, client: MockPSCClient, certificateThumbprint: String?
    ) throws(PSCOAuthError) -> JSONValue {
        let acceptedTypes = [TokenType.jwt, TokenType.accessToken]
        guard let subjectToken = parameters["subject_token"] else {
            throw .invalidRequest("subject_token is required")
        }
        guard let subjectTokenType = parameters["subject_token_type"], acceptedTypes.contains(subjectTokenType) else {
            throw .invalidRequest("subject_token_type must be \(TokenType.jwt) or \(TokenType.accessToken)")
        }
        if let requested = parameters["requested_token_type"], !acceptedTypes.contains(requested) {
            throw .invalidRequest("requested_token_type must be \(TokenType.accessToken) or \(TokenType.jwt)")
        }
        guard let subject = liveAccessTokenClaims(subjectToken) else {
            throw .invalidRequest("subject_token is not a valid access token of this provider")
        }
        var actor = client.clientID
        if let actorToken = parameters["actor_token"] {
            guard parameters["actor_token_type"] != nil,
                let actorClaims = try? tokenVerifier().verifiedClaims(actorToken),
                let actorSubject = actorClaims.subject
            else {
                throw .invalidRequest("actor_token must be a valid token of this provider, with actor_token_type")
            }
            actor = actorSubject
        }
        let signer = try currentSigner()
        let now = Int64(self.now.rounded(.down))
        let lifetime = MockPSCAccessToken.exchangedLifetime.components.seconds
        let scope = parameters["scope"] ?? subject[claim: "scope"]?.stringValue ?? ""
        let audience = parameters["audience"] ?? parameters["resource"] ?? MockPSCAccessToken.exchangedAudience
        var additional: [String: JSONValue] = [
            MockPSCAccessToken.typeClaim: .string(MockPSCAccessToken.type),
            "azp": .string(client.clientID),
            "client_id": .string(client.clientID),
            "scope": .string(scope),
            "act": ["sub": .string(actor)],
        ]
        additional[MockPSCAccessToken.subjectNameIDClaim] = subject[claim: MockPSCAccessToken.subjectNameIDClaim]
        additional["acr"] = subject[claim: "acr"]
        additional[MockPSCAccessToken.confirmationClaim] = certificateThumbprint.map(
            MockPSCAccessToken.confirmation(certificateThumbprint:))
        let claims = JWTClaims(
            issuer: subject.issuer, subject: subject.subject, audience: .single(audience),
            expirationTime: NumericDate(secondsSince1970: Double(now + lifetime)),
            issuedAt: NumericDate(secondsSince1970: Double(now)), jwtID: PSCRandom.uuid(), additionalClaims: additional)
        let token = try signer.sign(claims, key: signer.keys.rsa, algorithm: .rs256)
        return [
            "access_token": .string(token),
            "issued_token_type": .string(TokenType.accessToken),
            "token_type": "Bearer",
            "expires_in": .integer(lifetime),
            "scope": .string(scope),
        ]
    }

    /// Token introspection (RFC 7662): any authenticated client may introspect. `SubjectNameID` appears
    /// only for access tokens, as in PSC.
    func introspect(_ parameters: FormParameters, credentials: PSCClientCredentials) throws(PSCOAuthError) -> JSONValue
    {
        _ = try authenticate(credentials, at: try endpoints().introspection)
        guard let token = parameters["token"] else {
            throw .invalidRequest("token is required")
        }
        let issuer = try endpoints().issuer.absoluteString
        if let record = refreshGrants[token], now < Double(record.expiresAt) {
            return [
                "active": true,
                "token_type": "Refresh",
                "iss": .string(issuer),
                "client_id": .string(record.grant.clientID),
                "sub": .string(PSCUserInfo.subject(of: record.grant.professional)),
                "scope": .string(record.grant.scope),
                "sid": .string(record.grant.sessionID),
                "iat": .integer(record.issuedAt),
                "exp": .integer(record.expiresAt),
            ]
        }
        guard let claims = liveAccessTokenClaims(token) else {
            return ["active": false]
        }
        var answer: [String: JSONValue] = ["active": true, "token_type": "Bearer"]
        let names = [
            "iss", "sub", "aud", "exp", "iat", "jti", "scope", "azp", "sid", "acr", "act", "cnf", "SubjectNameID",
        ]
        for name in names {
            answer[name] = claims[claim: name]
        }
        answer["client_id"] = claims[claim: "azp"]
        answer["username"] = claims[claim: MockPSCAccessToken.subjectNameIDClaim]
        return .object(answer)
    }

    /// Token revocation (RFC 7009): revokes a refresh token or an access token of the calling client;
    /// unknown tokens and other clients' tokens are ignored (the answer is 200 either way).
    func revoke(_ parameters: FormParameters, credentials: PSCClientCredentials) throws(PSCOAuthError) {
        let client = try authenticate(credentials, at: try endpoints().revocation)
        guard let token = parameters["token"] else {
            throw .invalidRequest("token is required")
        }
        if let record = refreshGrants[token] {
            guard record.grant.clientID == client.clientID else { return }
            refreshGrants[token] = nil
            sessions[record.grant.sessionID]?.refreshTokens.remove(token)
            return
        }
        if let claims = liveAccessTokenClaims(token), claims[claim: "azp"]?.stringValue == client.clientID,
            let tokenID = claims.jwtID
        {
            revokedTokens.revoke([tokenID])
        }
    }

    /// The userinfo endpoint: the professional of a live access token, as JSON or as a JWT signed with
    /// the client's `userinfo_signed_response_alg` (with `iss` and `aud`). A certificate-bound token is
    /// accepted only from a connection that presented that certificate (RFC 8705 §3).
    func userinfo(
        accessToken: String, certificate: PresentedClientCertificate?
    ) throws(PSCOAuthError) -> PSCUserInfoResponse {
        guard let claims = liveAccessTokenClaims(accessToken),
            let subjectNameID = claims[claim: MockPSCAccessToken.subjectNameIDClaim]?.stringValue,
            let professional = environment.identities.professional(subjectNameID: subjectNameID)
        else {
            throw .invalidToken("the access token is not valid")
        }
        if let bound = MockTokenVerifier.boundCertificateThumbprint(claims), bound != certificate?.thumbprint {
            throw .invalidToken("the access token is bound to a client certificate the connection did not present")
        }
        var userinfo = PSCUserInfo.claims(of: professional)
        if takeFaults(for: .userinfo).contains(.userinfoSubjectMismatch) {
            userinfo["sub"] = .string(PSCUserInfo.subject(forSubjectNameID: "899990000999"))
        }
        guard let clientID = claims[claim: "azp"]?.stringValue, let client = clients[clientID],
            let algorithm = client.userinfoSignedResponseAlgorithm
        else {
            return .json(.object(userinfo))
        }
        let issuer = try endpoints().issuer.absoluteString
        userinfo["iss"] = .string(issuer)
        userinfo["aud"] = .string(client.clientID)
        userinfo["iat"] = .integer(Int64(now.rounded(.down)))
        let jwtClaims: JWTClaims
        do {
            jwtClaims = try JSONDecoder().decode(JWTClaims.self, from: MockJSON.encode(JSONValue.object(userinfo)))
        } catch {
            throw .serverError("the userinfo claims could not be encoded")
        }
        return .jwt(try currentSigner().sign(jwtClaims, algorithm: algorithm, client: client))
    }
}
