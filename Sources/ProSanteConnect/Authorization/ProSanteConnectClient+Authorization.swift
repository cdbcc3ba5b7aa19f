public import Foundation
import SanteCore

extension ProSanteConnectClient {
    /// Builds an authorization request (code flow with PKCE S256): fresh `state`, `nonce` and verifier.
    ///
    /// The URL carries `response_type=code`, `client_id`, `redirect_uri`, `scope`, `state`, `nonce`,
    /// `code_challenge`, `code_challenge_method=S256`, `acr_values` and, when configured, `max_age`.
    /// - Parameters:
    ///   - loginHint: A `login_hint`, such as the professional's `SubjectNameID`, if known.
    ///   - prompt: A `prompt` value (`login`, `none`…), if any.
    ///   - additionalParameters: Other parameters to add; they cannot replace the ones above.
    /// - Returns: The URL and the ``PendingAuthorization`` to keep until the callback.
    /// - Throws: ``ProSanteConnectError`` when discovery fails.
    public func prepareAuthorization(
        loginHint: String? = nil,
        prompt: String? = nil,
        additionalParameters: [String: String] = [:]
    ) async throws -> PreparedAuthorization {
        try await perform("psc.authorize") {
            let metadata = try await directory.metadata()
            let verifier = PKCE.makeVerifier()
            let maximumAge = configuration.maximumAuthenticationAge.map { Int64($0.timeInterval.rounded(.up)) }
            let pending = PendingAuthorization(
                state: SecureRandom.token(), nonce: SecureRandom.token(), codeVerifier: verifier,
                redirectURI: configuration.redirectURI, scopes: configuration.scopes,
                acrValues: configuration.acrValues, maximumAuthenticationAgeSeconds: maximumAge,
                issuer: metadata.issuer, createdAt: now)
            var parameters: [(String, String)] = [
                ("response_type", "code"),
                ("client_id", configuration.clientID),
                ("redirect_uri", configuration.redirectURI.absoluteString),
                ("scope", configuration.scopes.joined(separator: " ")),
                ("state", pending.state),
                ("nonce", pending.nonce),
                ("code_challenge", PKCE.challenge(for: verifier)),
                ("code_challenge_method", PKCE.method),
            ]
            if !configuration.acrValues.isEmpty {
                parameters.append(("acr_values", configuration.acrValues.joined(separator: " ")))
            }
            if let maximumAge { parameters.append(("max_age", String(maximumAge))) }
            if let loginHint { parameters.append(("login_hint", loginHint)) }
            if let prompt { parameters.append(("prompt", prompt)) }
            let reserved = Set(parameters.map(\.0))
            for (name, value) in additionalParameters.sorted(by: { $0.key < $1.key }) where !reserved.contains(name) {
                parameters.append((name, value))
            }
            let url = try Self.url(metadata.authorizationEndpoint, adding: parameters, operation: "psc.authorize")
            return PreparedAuthorization(url: url, pending: pending)
        }
    }

    /// Handles the redirect back from PSC: checks it, exchanges the code and validates the ID token.
    ///
    /// In order: the URL must be the configured redirect URI; `state` must equal the pending one
    /// (constant-time); when the provider advertises RFC 9207, `iss` is required and must equal the
    /// issuer (a present `iss` is always checked); an `error` becomes
    /// ``ProSanteConnectError/Reason/authorizationDenied``; the code is exchanged with the PKCE verifier; the
    /// ID token is verified (signature, `iss`, `aud`, `azp`, `exp`, `iat`, `nonce`, `acr`, `at_hash`,
    /// `auth_time`, `sub`, `typ`).
    /// - Parameters:
    ///   - callbackURL: The URL the browser was redirected to.
    ///   - pending: The value kept since ``prepareAuthorization(loginHint:prompt:additionalParameters:)``;
    ///     use it once.
    /// - Returns: The tokens and the validated ID token.
    /// - Throws: ``ProSanteConnectError``.
    public func completeAuthorization(
        callbackURL: URL, pending: PendingAuthorization
    ) async throws -> ProSanteConnectLogin {
        let operation = "psc.callback"
        return try await perform(operation) {
            let metadata = try await directory.metadata()
            let callback = try AuthorizationCallback(url: callbackURL, expectedRedirectURI: pending.redirectURI)
            try callback.check(
                pending: pending, issuer: metadata.issuer,
                issuerRequired: metadata.authorizationResponseIssuerParameterSupported)
            let code = try callback.authorizationCode()
            return try await exchangeAuthorizationCode(code, pending: pending, metadata: metadata)
        }
    }

    private func exchangeAuthorizationCode(
        _ code: String, pending: PendingAuthorization, metadata: ProviderMetadata
    ) async throws -> ProSanteConnectLogin {
        let operation = "psc.token.authorization_code"
        let fields = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", pending.redirectURI.absoluteString),
            ("code_verifier", pending.codeVerifier),
        ]
        let data = try await postAuthenticatedForm(fields, to: .token, metadata: metadata, operation: operation)
        let expectations = IDTokenExpectations(
            nonce: pending.nonce, acrValues: pending.acrValues,
            maximumAuthenticationAge: pending.maximumAuthenticationAge)
        return try await login(from: data, metadata: metadata, expectations: expectations, operation: operation)
    }

    /// Decodes a token response that must carry an ID token, and validates it.
    func login(
        from data: Data, metadata: ProviderMetadata, expectations: IDTokenExpectations, operation: String
    ) async throws -> ProSanteConnectLogin {
        let response = try TokenEndpointResponse.decode(data, operation: operation)
        guard let rawIDToken = response.idToken else {
            throw ProSanteConnectError(.idTokenMissing, "the token response has no id_token", operation: operation)
        }
        var expectations = expectations
        expectations.accessToken = response.accessToken
        let idToken = try await validateIDToken(
            rawIDToken, metadata: metadata, expectations: expectations, operation: operation)
        return ProSanteConnectLogin(tokens: response.tokens(receivedAt: now), idToken: idToken)
    }

    /// `base` with `parameters` appended to its query, strictly percent-encoded.
    static func url(_ base: URL, adding parameters: [(String, String)], operation: String) throws -> URL {
        guard var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else {
            throw ProSanteConnectError(.invalidResponse, "an endpoint URL is not valid", operation: operation)
        }
        let added = FormEncoding.encodeQuery(parameters)
        let existing = components.percentEncodedQuery.flatMap { $0.isEmpty ? nil : $0 }
        components.percentEncodedQuery = [existing, added].compactMap { $0 }.joined(separator: "&")
        guard let url = components.url else {
            throw ProSanteConnectError(.invalidResponse, "an endpoint URL is not valid", operation: operation)
        }
        return url
    }
}
