import Foundation
import HTTPTypes
import SanteCore

extension ProSanteConnectClient {
    /// Fetches the professional's userinfo for a fresh login, checking it belongs to the ID token's `sub`.
    /// - Parameter login: The login from ``completeAuthorization(callbackURL:pending:)`` or CIBA.
    /// - Returns: The typed userinfo.
    /// - Throws: ``ProSanteConnectError`` (see ``userInfo(accessToken:expectedSubject:)``).
    public func userInfo(for login: ProSanteConnectLogin) async throws -> ProSanteConnectUserInfo {
        try await userInfo(accessToken: login.tokens.accessToken, expectedSubject: login.idToken.subject)
    }

    /// Fetches the userinfo with a Bearer access token.
    ///
    /// The response is JSON, or `application/jwt` (a signed userinfo, verified under the same key and
    /// algorithm rules as ID tokens, with `iss` = the issuer and `aud` listing this client). Its `sub` must
    /// equal `expectedSubject`, the ID token's `sub`.
    /// - Parameters:
    ///   - accessToken: The access token.
    ///   - expectedSubject: The ID token's `sub`.
    /// - Returns: The typed userinfo.
    /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/userinfoSubjectMismatch``,
    ///   ``ProSanteConnectError/Reason/userinfoInvalid``,
    ///   ``ProSanteConnectError/Reason/userinfoUnsupportedContentType``, a signature reason,
    ///   ``ProSanteConnectError/Reason/userinfoInvalidIssuer``, ``ProSanteConnectError/Reason/userinfoInvalidAudience``,
    ///   or a request failure (HTTP 401 when the access token was refused).
    public func userInfo(accessToken: String, expectedSubject: String) async throws -> ProSanteConnectUserInfo {
        let operation = "psc.userinfo"
        return try await perform(operation) {
            let metadata = try await directory.metadata()
            let url = try endpoint(.userinfo, in: metadata, operation: operation)
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(accessToken)"
            let (response, data) = try await http.get(
                url, accept: "application/json, application/jwt", headerFields: headers, operation: operation,
                limit: configuration.responseSizeLimits.userinfo)
            let mediaType = response.headerFields[.contentType]?.split(separator: ";").first
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let json: Data
            switch mediaType {
            case "application/jwt":
                json = try await verifiedUserInfoPayload(data, metadata: metadata, operation: operation)
            case "application/json", nil:
                json = data
            case let other?:
                throw ProSanteConnectError(
                    .userinfoUnsupportedContentType, "the userinfo has the unexpected media type \(other)",
                    operation: operation, httpStatus: response.status.code)
            }
            let userInfo: ProSanteConnectUserInfo
            do {
                userInfo = try JSONDecoder().decode(ProSanteConnectUserInfo.self, from: json)
            } catch {
                throw ProSanteConnectError(
                    .userinfoInvalid, "the userinfo is not a JSON object with a sub", operation: operation,
                    underlyingError: error)
            }
            guard userInfo.subject == expectedSubject else {
                throw ProSanteConnectError(
                    .userinfoSubjectMismatch, "the userinfo's sub is not the ID token's", operation: operation)
            }
            return userInfo
        }
    }

    /// Verifies a signed userinfo response and returns its claims' JSON.
    private func verifiedUserInfoPayload(
        _ data: Data, metadata: ProviderMetadata, operation: String
    ) async throws -> Data {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let verified = try await signatureVerifier.verify(text, operation: operation, malformedReason: .userinfoInvalid)
        let claims: JWTClaims
        do {
            claims = try verified.claims()
        } catch {
            throw ProSanteConnectError(
                .userinfoInvalid, "the signed userinfo's claims are not valid", operation: operation,
                underlyingError: error)
        }
        guard claims.issuer == metadata.issuer else {
            throw ProSanteConnectError(
                .userinfoInvalidIssuer, "the signed userinfo's iss is not the provider's issuer", operation: operation)
        }
        guard claims.audience?.contains(configuration.clientID) == true else {
            throw ProSanteConnectError(
                .userinfoInvalidAudience, "the signed userinfo's aud does not list this client", operation: operation)
        }
        return verified.payload
    }
}
