public import Foundation

extension ProSanteConnectClient {
    /// The URL that ends the professional's PSC session from the browser (RP-initiated logout).
    ///
    /// It carries `id_token_hint`, `client_id`, and `post_logout_redirect_uri` and `state` when given.
    /// The post-logout URI must be registered with PSC. PSC may come back without `state` (a Keycloak
    /// quirk), so treat it as optional on return. Clear the local tokens yourself (or call
    /// ``ProSanteConnectTokenManager/endSession()``).
    /// - Parameters:
    ///   - idTokenHint: The session's ID token, as received.
    ///   - postLogoutRedirectURI: Where PSC sends the browser afterwards, if anywhere.
    ///   - state: A value PSC hands back with the redirect, if any.
    /// - Returns: The logout URL on the `end_session_endpoint`.
    /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/endpointNotAdvertised`` when
    ///   the provider has no end-session endpoint, or a discovery failure.
    public func logoutURL(
        idTokenHint: String?, postLogoutRedirectURI: URL? = nil, state: String? = nil
    ) async throws -> URL {
        let operation = "psc.logout"
        return try await perform(operation) {
            let metadata = try await directory.metadata()
            guard let endpoint = metadata.endSessionEndpoint else {
                throw ProSanteConnectError(
                    .endpointNotAdvertised, "the provider does not advertise an end_session_endpoint",
                    operation: operation)
            }
            var parameters: [(String, String)] = []
            if let idTokenHint { parameters.append(("id_token_hint", idTokenHint)) }
            parameters.append(("client_id", configuration.clientID))
            if let postLogoutRedirectURI {
                parameters.append(("post_logout_redirect_uri", postLogoutRedirectURI.absoluteString))
            }
            if let state { parameters.append(("state", state)) }
            return try Self.url(endpoint, adding: parameters, operation: operation)
        }
    }

    /// Ends the professional's PSC session from the server: a GET of the end-session endpoint with only
    /// `id_token_hint`, as the ANS samples do. A 2xx or 3xx answer is success.
    ///
    /// A ``ProSanteConnectTokenManager`` clears its tokens even when this call fails
    /// (``ProSanteConnectTokenManager/logout()``).
    /// - Parameter idTokenHint: The session's ID token, as received.
    /// - Throws: ``ProSanteConnectError``.
    public func logout(idTokenHint: String) async throws {
        let operation = "psc.logout"
        try await perform(operation) {
            let metadata = try await directory.metadata()
            guard let endpoint = metadata.endSessionEndpoint else {
                throw ProSanteConnectError(
                    .endpointNotAdvertised, "the provider does not advertise an end_session_endpoint",
                    operation: operation)
            }
            let url = try Self.url(endpoint, adding: [("id_token_hint", idTokenHint)], operation: operation)
            _ = try await http.getAcceptingRedirect(url, operation: operation)
        }
    }
}
