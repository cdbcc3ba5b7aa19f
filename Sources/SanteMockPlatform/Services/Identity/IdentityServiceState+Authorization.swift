import Crypto
import Foundation
import SanteCore

extension IdentityServiceState {
    /// The lifetime of an authorization code: 60 seconds on the platform clock.
    static let authorizationCodeSeconds: Double = 60

    /// The authorization endpoint: approves at once for a seeded professional (`login_hint`, or the first
    /// one) and redirects with a code, the `state` and the issuer (RFC 9207).
    ///
    /// Errors about the client or the redirect URI are answered directly (400); the others are redirected
    /// with `error`, `error_description`, `state` and `iss`. The redirect faults apply to every redirect.
    func authorize(_ parameters: FormParameters) -> PSCAuthorizationOutcome {
        guard let clientID = parameters["client_id"] else {
            return .failure(.invalidRequest("client_id is required"))
        }
        guard let client = clients[clientID] else {
            return .failure(PSCOAuthError("unauthorized_client", "unknown client_id \(clientID)"))
        }
        guard let redirectURI = parameters["redirect_uri"], !parameters.repeatedNames.contains("redirect_uri") else {
            return .failure(.invalidRequest("redirect_uri is required, once"))
        }
        guard client.acceptsRedirect(redirectURI) else {
            return .failure(.invalidRequest("redirect_uri is not registered for the client \(clientID)"))
        }
        let state = parameters["state"]
        do throws(PSCOAuthError) {
            let grant = try authorizationGrant(parameters, client: client)
            let code = PSCRandom.token()
            authorizationCodes[code] = PSCAuthorizationCode(
                grant: grant, redirectURI: redirectURI, codeChallenge: parameters["code_challenge"] ?? "",
                expiresAt: now + Self.authorizationCodeSeconds)
            return .redirect(redirect(to: redirectURI, [("code", code)], state: state))
        } catch {
            let pairs = [("error", error.code), ("error_description", error.description)]
            return .redirect(redirect(to: redirectURI, pairs, state: state))
        }
    }

    /// Checks an authorization request whose client and redirect URI are valid, and builds its grant.
    private func authorizationGrant(
        _ parameters: FormParameters, client: MockPSCClient
    ) throws(PSCOAuthError) -> PSCGrant {
        if let repeated = parameters.repeatedNames.first {
            throw .invalidRequest("the parameter \(repeated) is repeated")
        }
        guard parameters["response_type"] == "code" else {
            throw PSCOAuthError("unsupported_response_type", "only response_type=code is supported")
        }
        let scope = parameters["scope"] ?? ""
        guard scope.split(separator: " ").contains("openid") else {
            throw PSCOAuthError("invalid_scope", "the scope must contain openid")
        }
        guard let challenge = parameters["code_challenge"] else {
            throw .invalidRequest("code_challenge is required (PKCE with S256)")
        }
        guard parameters["code_challenge_method"] == "S256" else {
            throw .invalidRequest("code_challenge_method must be S256")
        }
        guard challenge.count == 43, (try? Base64URL.decode(challenge))?.count == 32 else {
            throw .invalidRequest("code_challenge must be the base64url SHA-256 of the verifier (43 characters)")
        }
        let professional = try professional(loginHint: parameters["login_hint"], error: "access_denied")
        return PSCGrant(
            clientID: client.clientID, professional: professional, sessionID: PSCRandom.uuid(),
            authTime: Int64(now.rounded(.down)), scope: scope, nonce: parameters["nonce"])
    }

    /// The professional named by a `login_hint` (`SubjectNameID`, or `SubjectNameID/card number`), or the
    /// first seeded one without a hint.
    /// - Throws: ``PSCOAuthError`` with the code `error` for an unknown professional.
    func professional(loginHint: String?, error: String) throws(PSCOAuthError) -> MockProfessional {
        let professionals = environment.identities.professionals
        guard let loginHint else {
            guard let first = professionals.first else {
                throw PSCOAuthError(error, "no professional is seeded")
            }
            return first
        }
        let subjectNameID = String(loginHint.split(separator: "/", maxSplits: 1).first ?? "")
        guard let professional = environment.identities.professional(subjectNameID: subjectNameID) else {
            throw PSCOAuthError(error, "no seeded professional has the SubjectNameID \(subjectNameID)")
        }
        return professional
    }

    /// `redirectURI` with `pairs`, `state` when given, and `iss` (altered by the redirect faults).
    private func redirect(to redirectURI: String, _ pairs: [(String, String)], state: String?) -> String {
        var pairs = pairs
        if let state {
            pairs.append(("state", state))
        }
        let faults = takeFaults(for: .redirect)
        let issuer = (try? endpoints().issuer.absoluteString) ?? ""
        if faults.contains(.wrongIssuerInRedirect) {
            pairs.append(("iss", issuer + "-other"))
        } else if !faults.contains(.missingIssuerInRedirect) {
            pairs.append(("iss", issuer))
        }
        return FormURLEncoding.appending(pairs, to: redirectURI)
    }

    /// The `authorization_code` grant: the code is consumed by its first presentation, whatever the outcome.
    func redeem(
        code: String?, parameters: FormParameters, client: MockPSCClient, certificateThumbprint: String?
    ) throws(PSCOAuthError) -> JSONValue {
        guard let code else {
            throw .invalidRequest("code is required")
        }
        guard var record = authorizationCodes[code], record.grant.clientID == client.clientID else {
            throw .invalidGrant("unknown authorization code")
        }
        guard !record.redeemed else {
            // RFC 6749 §4.1.2: revoke what the code obtained when it is presented again.
            revokedTokens.revoke(record.issuedAccessTokenIDs)
            if let refreshToken = record.issuedRefreshToken {
                refreshGrants[refreshToken] = nil
            }
            throw .invalidGrant("the authorization code was already used")
        }
        record.redeemed = true
        authorizationCodes[code] = record
        guard now < record.expiresAt else {
            throw .invalidGrant("the authorization code expired")
        }
        guard parameters["redirect_uri"] == record.redirectURI else {
            throw .invalidGrant("redirect_uri differs from the authorization request's")
        }
        guard let verifier = parameters["code_verifier"] else {
            throw .invalidGrant("code_verifier is required")
        }
        let digest = Base64URL.encode(Array(SHA256.hash(data: Data(verifier.utf8))))
        guard (43...128).contains(verifier.count), Self.constantTimeEqual(digest, record.codeChallenge) else {
            throw .invalidGrant("the code_verifier does not match the code_challenge (S256)")
        }
        let issued = try issueTokens(for: record.grant, client: client, certificateThumbprint: certificateThumbprint)
        record.issuedAccessTokenIDs.append(issued.accessTokenID)
        record.issuedRefreshToken = issued.refreshToken
        authorizationCodes[code] = record
        return issued.response
    }
}
