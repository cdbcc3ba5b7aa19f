import Foundation
import SanteCore

extension ProSanteConnectClient {
    /// Exchanges the refresh token for new tokens (`grant_type=refresh_token`).
    ///
    /// The answer keeps what it does not replace (a refresh token that did not rotate, the ID token when
    /// none came back). A new ID token is verified and must keep the session's `iss`, `sub`, `aud`, `azp`
    /// and `auth_time`, with `nonce` absent or unchanged (OpenID Connect Core §12.2).
    ///
    /// Prefer a ``ProSanteConnectTokenManager``: it refreshes once for all concurrent callers and stores
    /// the rotated refresh token before using it.
    /// - Parameter tokens: The session's current tokens.
    /// - Returns: The new tokens.
    /// - Throws: ``ProSanteConnectError``: ``ProSanteConnectError/Reason/sessionEnded`` without a usable
    ///   refresh token, ``ProSanteConnectError/Reason/oauth`` (such as `invalid_grant` once the refresh
    ///   token expired or was used), ``ProSanteConnectError/Reason/refreshedIDTokenMismatch`` or another
    ///   ID token reason.
    public func refresh(_ tokens: ProSanteConnectTokens) async throws -> ProSanteConnectTokens {
        let operation = "psc.token.refresh"
        return try await perform(operation) {
            guard let refreshToken = tokens.refreshToken else {
                throw ProSanteConnectError(.sessionEnded, "the session has no refresh token", operation: operation)
            }
            let metadata = try await directory.metadata()
            let fields = [("grant_type", "refresh_token"), ("refresh_token", refreshToken)]
            let data = try await postAuthenticatedForm(fields, to: .token, metadata: metadata, operation: operation)
            let response = try TokenEndpointResponse.decode(data, operation: operation)
            if let rawIDToken = response.idToken {
                guard let previous = tokens.decodedIDToken else {
                    throw ProSanteConnectError(
                        .refreshedIDTokenMismatch, "a refreshed ID token came back but the session has none",
                        operation: operation)
                }
                let expectations = IDTokenExpectations(
                    accessToken: response.accessToken, acrValues: [], previous: previous)
                _ = try await validateIDToken(
                    rawIDToken, metadata: metadata, expectations: expectations, operation: operation)
            }
            return response.tokens(receivedAt: now, previous: tokens)
        }
    }
}
