import Foundation
import SanteCore

extension ProSanteConnectClient {
    /// Exchanges a token (RFC 8693), typically the PSC access token for a token of an ANS API.
    ///
    /// The client authenticates as configured; with ``ClientAuthentication/tlsClientAuth`` the transport
    /// presents the IGC-Santé certificate. A `private_key_jwt` assertion names PSC's token endpoint as its
    /// audience even when the request goes to another server.
    /// - Parameter request: The exchange.
    /// - Returns: The issued token.
    /// - Throws: ``ProSanteConnectError``: ``ProSanteConnectError/Reason/oauth`` (such as `invalid_target`),
    ///   ``ProSanteConnectError/Reason/invalidTokenResponse``, ``ProSanteConnectError/Reason/insecureEndpoint``.
    public func exchangeToken(_ request: TokenExchangeRequest) async throws -> TokenExchangeResponse {
        let operation = "psc.token.exchange"
        return try await perform(operation) {
            let metadata = try await directory.metadata()
            var fields: [(String, String)] = [
                ("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange"),
                ("subject_token", request.subjectToken),
                ("subject_token_type", request.subjectTokenType),
            ]
            if let actorToken = request.actorToken {
                fields.append(("actor_token", actorToken))
                if let actorTokenType = request.actorTokenType {
                    fields.append(("actor_token_type", actorTokenType))
                }
            }
            fields += request.audiences.map { ("audience", $0) }
            fields += request.resources.map { ("resource", $0.absoluteString) }
            if !request.scopes.isEmpty { fields.append(("scope", request.scopes.joined(separator: " "))) }
            if let requestedTokenType = request.requestedTokenType {
                fields.append(("requested_token_type", requestedTokenType))
            }
            let data: Data
            if let tokenEndpoint = request.tokenEndpoint {
                try EndpointSecurity.check(tokenEndpoint, name: "token exchange endpoint", operation: operation)
                let authenticated = try authenticator.authenticate(
                    fields, metadata: metadata, now: now, operation: operation)
                (_, data) = try await http.postForm(
                    tokenEndpoint, fields: authenticated.fields, headerFields: authenticated.headerFields,
                    operation: operation, limit: configuration.responseSizeLimits.tokenEndpoint)
            } else {
                data = try await postAuthenticatedForm(fields, to: .token, metadata: metadata, operation: operation)
            }
            let response = try TokenEndpointResponse.decode(data, operation: operation, allowsAnyTokenType: true)
            return TokenExchangeResponse(
                accessToken: response.accessToken, issuedTokenType: response.issuedTokenType,
                tokenType: response.tokenType, expiresAt: response.expiresIn.map { now + TimeInterval($0) },
                scopes: response.scope.map { $0.split(separator: " ").map(String.init) },
                refreshToken: response.refreshToken,
                additionalMembers: response.additionalMembers.merging(
                    [
                        "refresh_expires_in": response.refreshExpiresIn.map(JSONValue.integer),
                        "id_token": response.idToken.map(JSONValue.string),
                        "session_state": response.sessionState.map(JSONValue.string),
                    ].compactMapValues { $0 }
                ) { kept, _ in kept })
        }
    }
}
