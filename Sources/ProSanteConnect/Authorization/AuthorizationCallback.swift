import Foundation

/// The parameters of the redirect back from the authorization endpoint (RFC 6749 §4.1.2, RFC 9207).
struct AuthorizationCallback {
    let parameters: [String: String]
    private let operation = "psc.callback"

    /// Parses the callback URL, which must be the redirect URI sent (scheme, host, port and path).
    init(url: URL, expectedRedirectURI: URL) throws {
        guard let received = URLComponents(url: url, resolvingAgainstBaseURL: false),
            let expected = URLComponents(url: expectedRedirectURI, resolvingAgainstBaseURL: false),
            received.scheme?.lowercased() == expected.scheme?.lowercased(),
            received.host?.lowercased() == expected.host?.lowercased(),
            received.port == expected.port,
            Self.normalizedPath(received.percentEncodedPath) == Self.normalizedPath(expected.percentEncodedPath)
        else {
            throw ProSanteConnectError(
                .redirectURIMismatch, "the callback URL is not the configured redirect URI", operation: operation)
        }
        var parameters: [String: String] = [:]
        for (name, value) in FormEncoding.decode(received.percentEncodedQuery ?? "") where parameters[name] == nil {
            parameters[name] = value
        }
        self.parameters = parameters
    }

    private static func normalizedPath(_ path: String) -> String {
        path.isEmpty ? "/" : path
    }

    /// Checks `state` and `iss`, then turns an `error` into ``ProSanteConnectError/Reason/authorizationDenied``.
    func check(pending: PendingAuthorization, issuer: String, issuerRequired: Bool) throws {
        guard let state = parameters["state"], ConstantTime.equals(state, pending.state) else {
            throw ProSanteConnectError(
                .stateMismatch, "the callback's state is missing or is not the one sent", operation: operation)
        }
        if let receivedIssuer = parameters["iss"] {
            guard receivedIssuer == issuer, receivedIssuer == pending.issuer else {
                throw ProSanteConnectError(
                    .issuerMismatchInRedirect, "the callback's iss is not the provider's issuer", operation: operation)
            }
        } else if issuerRequired {
            throw ProSanteConnectError(
                .missingIssuerInRedirect, "the provider announces RFC 9207 but the callback has no iss",
                operation: operation)
        }
        if let error = parameters["error"] {
            let oauthError = OAuthError(
                error: OAuthErrorCode(rawValue: error), errorDescription: parameters["error_description"],
                errorURI: parameters["error_uri"])
            throw ProSanteConnectError(
                .authorizationDenied, "the provider refused the authorization (\(error))", operation: operation,
                oauthError: oauthError)
        }
    }

    /// The authorization code.
    func authorizationCode() throws -> String {
        guard let code = parameters["code"], !code.isEmpty else {
            throw ProSanteConnectError(
                .missingAuthorizationCode, "the callback has neither code nor error", operation: operation)
        }
        return code
    }
}
