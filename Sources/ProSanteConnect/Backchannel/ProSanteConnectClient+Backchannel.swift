import Foundation
import SanteCore

extension ProSanteConnectClient {
    /// Asks PSC to authenticate a professional on their own device (CIBA, poll mode), then polls until
    /// they answer. Equivalent to ``startBackchannelAuthentication(_:)`` then
    /// ``pollBackchannelAuthentication(_:)``.
    /// - Parameter request: Who to ask, and what to show them.
    /// - Returns: The tokens and the validated ID token.
    /// - Throws: ``ProSanteConnectError`` (see both steps).
    public func authenticateWithBackchannel(
        _ request: BackchannelAuthenticationRequest
    ) async throws -> ProSanteConnectLogin {
        let pending = try await startBackchannelAuthentication(request)
        return try await pollBackchannelAuthentication(pending)
    }

    /// Sends a CIBA request to the `backchannel_authentication_endpoint` (never a hard-coded URL: ANS's own
    /// connector once pointed production at the sandbox's).
    /// - Parameter request: Who to ask, and what to show them.
    /// - Returns: The accepted request, to poll with ``pollBackchannelAuthentication(_:)``.
    /// - Throws: ``ProSanteConnectError``: ``ProSanteConnectError/Reason/endpointNotAdvertised`` without CIBA,
    ///   ``ProSanteConnectError/Reason/oauth`` (such as `unknown_user_id` or `unauthorized_client`),
    ///   ``ProSanteConnectError/Reason/invalidResponse``.
    public func startBackchannelAuthentication(
        _ request: BackchannelAuthenticationRequest
    ) async throws -> BackchannelAuthentication {
        let operation = "psc.ciba.authenticate"
        return try await perform(operation) {
            let metadata = try await directory.metadata()
            let scopes = request.scopes ?? configuration.scopes
            let acrValues = request.acrValues ?? configuration.acrValues
            var fields: [(String, String)] = [
                ("scope", scopes.joined(separator: " ")),
                ("login_hint", request.loginHint),
            ]
            if !acrValues.isEmpty { fields.append(("acr_values", acrValues.joined(separator: " "))) }
            if let bindingMessage = request.bindingMessage { fields.append(("binding_message", bindingMessage)) }
            if let channel = request.channel { fields.append(("channel", channel)) }
            if let expiry = request.requestedExpirySeconds { fields.append(("requested_expiry", String(expiry))) }
            let reserved = Set(fields.map(\.0))
            for (name, value) in request.additionalParameters.sorted(by: { $0.key < $1.key })
            where !reserved.contains(name) {
                fields.append((name, value))
            }
            let startedAt = now
            let data = try await postAuthenticatedForm(
                fields, to: .backchannelAuthentication, metadata: metadata, operation: operation)
            let response: BackchannelAuthenticationResponse
            do {
                response = try JSONDecoder().decode(BackchannelAuthenticationResponse.self, from: data)
            } catch {
                throw ProSanteConnectError(
                    .invalidResponse, "the backchannel response is not {auth_req_id, expires_in, interval}",
                    operation: operation, underlyingError: error)
            }
            return BackchannelAuthentication(
                authenticationRequestID: response.authenticationRequestID,
                expiresAt: startedAt + TimeInterval(response.expiresIn),
                intervalSeconds: max(1, response.interval ?? 5), scopes: scopes, acrValues: acrValues,
                startedAt: startedAt)
        }
    }

    /// Polls the token endpoint for a CIBA request until the professional answers.
    ///
    /// Each poll waits the interval first, on the configured clock, and none is sent once the request's
    /// deadline has passed. `authorization_pending` polls again;
    /// `slow_down` adds 5 seconds to the interval for the rest of the request; `access_denied` throws
    /// ``ProSanteConnectError/Reason/authorizationDenied``; `expired_token`, or the request's deadline
    /// passing, throws ``ProSanteConnectError/Reason/backchannelAuthenticationExpired``. Cancelling the task
    /// stops the polling with ``ProSanteConnectError/Reason/cancelled``.
    /// - Parameter authentication: The accepted request.
    /// - Returns: The tokens and the validated ID token (without `nonce`: CIBA has none).
    /// - Throws: ``ProSanteConnectError``.
    public func pollBackchannelAuthentication(
        _ authentication: BackchannelAuthentication
    ) async throws -> ProSanteConnectLogin {
        let operation = "psc.ciba.poll"
        return try await perform(operation) {
            let metadata = try await directory.metadata()
            var interval = authentication.intervalSeconds
            let fields = [
                ("grant_type", "urn:openid:params:grant-type:ciba"),
                ("auth_req_id", authentication.authenticationRequestID),
            ]
            while true {
                try await configuration.clock.sleep(for: .seconds(interval))
                guard now < authentication.expiresAt else {
                    throw ProSanteConnectError(
                        .backchannelAuthenticationExpired, "the professional did not answer before the request expired",
                        operation: operation)
                }
                do {
                    let data = try await postAuthenticatedForm(
                        fields, to: .token, metadata: metadata, operation: operation)
                    let expectations = IDTokenExpectations(acrValues: authentication.acrValues)
                    return try await login(
                        from: data, metadata: metadata, expectations: expectations, operation: operation)
                } catch let error as ProSanteConnectError where error.reason == .oauth {
                    switch error.oauthError?.error {
                    case .authorizationPending?:
                        continue
                    case .slowDown?:
                        interval += 5
                    case .accessDenied?:
                        throw ProSanteConnectError(
                            .authorizationDenied, "the professional refused the request", operation: operation,
                            httpStatus: error.httpStatus, oauthError: error.oauthError, underlyingError: error)
                    case .expiredToken?:
                        throw ProSanteConnectError(
                            .backchannelAuthenticationExpired, "the request expired before the professional answered",
                            operation: operation, httpStatus: error.httpStatus, oauthError: error.oauthError,
                            underlyingError: error)
                    default:
                        throw error
                    }
                }
            }
        }
    }
}

/// The backchannel endpoint's answer (CIBA §7.3).
private struct BackchannelAuthenticationResponse: Decodable {
    var authenticationRequestID: String
    var expiresIn: Int64
    var interval: Int?

    init(from decoder: any Decoder) throws {
        var members = try JSONMembers(from: decoder)
        authenticationRequestID = try members.requireString("auth_req_id")
        guard let expiresIn = try members.takeInteger("expires_in"), expiresIn > 0 else {
            throw DecodingError.keyNotFound(
                MemberKey("expires_in"),
                .init(codingPath: decoder.codingPath, debugDescription: "expires_in is missing or not positive"))
        }
        self.expiresIn = expiresIn
        interval = try members.takeInteger("interval").map { Int(clamping: $0) }
    }
}
