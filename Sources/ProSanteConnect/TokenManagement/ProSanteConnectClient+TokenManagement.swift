import Foundation

extension ProSanteConnectClient {
    /// Revokes a token at the `revocation_endpoint` (RFC 7009). Revoking a refresh token ends the
    /// provider's session for it.
    /// - Parameters:
    ///   - token: The access or refresh token.
    ///   - typeHint: Which kind it is, if known.
    /// - Throws: ``ProSanteConnectError``: ``ProSanteConnectError/Reason/endpointNotAdvertised``,
    ///   ``ProSanteConnectError/Reason/oauth`` (such as `unsupported_token_type`).
    public func revoke(_ token: String, typeHint: TokenTypeHint? = nil) async throws {
        let operation = "psc.revoke"
        try await perform(operation) {
            let metadata = try await directory.metadata()
            var fields = [("token", token)]
            if let typeHint { fields.append(("token_type_hint", typeHint.rawValue)) }
            _ = try await postAuthenticatedForm(fields, to: .revocation, metadata: metadata, operation: operation)
        }
    }

    /// Introspects a token at the `introspection_endpoint` (RFC 7662).
    /// - Parameters:
    ///   - token: The access or refresh token.
    ///   - typeHint: Which kind it is, if known.
    /// - Returns: The answer; check ``TokenIntrospection/active`` first.
    /// - Throws: ``ProSanteConnectError``: ``ProSanteConnectError/Reason/endpointNotAdvertised``,
    ///   ``ProSanteConnectError/Reason/oauth``, ``ProSanteConnectError/Reason/invalidResponse``.
    public func introspect(_ token: String, typeHint: TokenTypeHint? = nil) async throws -> TokenIntrospection {
        let operation = "psc.introspect"
        return try await perform(operation) {
            let metadata = try await directory.metadata()
            var fields = [("token", token)]
            if let typeHint { fields.append(("token_type_hint", typeHint.rawValue)) }
            let data = try await postAuthenticatedForm(
                fields, to: .introspection, metadata: metadata, operation: operation)
            do {
                return try JSONDecoder().decode(TokenIntrospection.self, from: data)
            } catch {
                throw ProSanteConnectError(
                    .invalidResponse, "the introspection answer is not a JSON object with active",
                    operation: operation, underlyingError: error)
            }
        }
    }
}
