import Foundation

extension ProSanteConnectClient {
    /// Verifies an ID token this client received outside ``completeAuthorization(callbackURL:pending:)``,
    /// such as one kept in a session store or handed over by another part of the server.
    ///
    /// The signature is checked under the client's ``ProSanteConnectConfiguration/idTokenSigning`` policy
    /// with the provider's cached JWK set (an unknown `kid` triggers one rate-limited refetch), then the
    /// claims by OpenID Connect Core §3.1.3.7: exact issuer, audience and `azp`, `exp`/`iat` with the
    /// configured leeway, and `acr` among the configuration's ``ProSanteConnectConfiguration/acrValues``.
    /// Once the discovery document and the key set are cached, a verification makes no request.
    ///
    /// ```swift
    /// let idToken = try await client.verifyIDToken(storedIDToken, nonce: session.nonce)
    /// ```
    /// - Parameters:
    ///   - compactSerialization: The ID token, as a compact JWS.
    ///   - nonce: The `nonce` sent with the authorization request, when known; the token must then carry it.
    ///   - accessToken: The access token issued with the ID token, when known; its `at_hash` is then checked.
    /// - Returns: The verified ID token.
    /// - Throws: ``ProSanteConnectError`` naming the failed check (``ProSanteConnectError/Reason/algorithmNotAllowed``,
    ///   ``ProSanteConnectError/Reason/idTokenInvalidIssuer``, ``ProSanteConnectError/Reason/idTokenExpired``…).
    public func verifyIDToken(
        _ compactSerialization: String, nonce: String? = nil, accessToken: String? = nil
    ) async throws -> IDToken {
        let operation = "psc.verifyIDToken"
        return try await perform(operation) {
            let metadata = try await directory.metadata()
            let expectations = IDTokenExpectations(
                nonce: nonce, accessToken: accessToken, acrValues: configuration.acrValues,
                maximumAuthenticationAge: nil, previous: nil)
            return try await validateIDToken(
                compactSerialization, metadata: metadata, expectations: expectations, operation: operation)
        }
    }
}
