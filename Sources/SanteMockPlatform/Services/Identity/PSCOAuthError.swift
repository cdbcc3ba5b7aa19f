import Foundation
import HTTPTypes
import Hummingbird
import SanteCore

/// An OAuth 2.0 error answer of the mock Pro Santé Connect: `{"error": …, "error_description": …}`.
struct PSCOAuthError: Error, Sendable {
    /// The OAuth error code, such as `invalid_grant`.
    let code: String
    /// A readable explanation, never containing a secret.
    let description: String
    /// The HTTP status: 400 unless stated otherwise.
    var status: HTTPResponse.Status = .badRequest
    /// A `WWW-Authenticate` challenge, if any.
    var challenge: String?

    init(_ code: String, _ description: String, status: HTTPResponse.Status = .badRequest, challenge: String? = nil) {
        self.code = code
        self.description = description
        self.status = status
        self.challenge = challenge
    }

    static func invalidRequest(_ description: String) -> PSCOAuthError {
        PSCOAuthError("invalid_request", description)
    }

    static func invalidGrant(_ description: String) -> PSCOAuthError {
        PSCOAuthError("invalid_grant", description)
    }

    static func serverError(_ description: String) -> PSCOAuthError {
        PSCOAuthError("server_error", description, status: .internalServerError)
    }

    /// An `invalid_client` answer: 401 with a Basic challenge when the client tried HTTP Basic, else 400.
    static func invalidClient(_ description: String, triedBasic: Bool) -> PSCOAuthError {
        triedBasic
            ? PSCOAuthError(
                "invalid_client", description, status: .unauthorized, challenge: #"Basic realm="esante-wallet""#)
            : PSCOAuthError("invalid_client", description)
    }

    /// A bearer token refused at the userinfo endpoint: 401 with a Bearer challenge (RFC 6750 §3).
    static func invalidToken(_ description: String) -> PSCOAuthError {
        PSCOAuthError(
            "invalid_token", description, status: .unauthorized,
            challenge: #"Bearer realm="esante-wallet", error="invalid_token""#)
    }

    /// The JSON response, with `Cache-Control: no-store`.
    var response: Response {
        let value: JSONValue = ["error": .string(code), "error_description": .string(description)]
        let data = (try? MockJSON.encode(value)) ?? Data(#"{"error":"server_error"}"#.utf8)
        var response = MockJSON.response(bytes: data, status: status)
        response.headers[.cacheControl] = "no-store"
        if let challenge {
            response.headers[.wwwAuthenticate] = challenge
        }
        return response
    }
}

/// Random handles: codes, refresh tokens, `auth_req_id`s.
enum PSCRandom {
    /// `byteCount` random bytes from the system's secure generator, base64url-encoded.
    static func token(byteCount: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Base64URL.encode(bytes)
    }

    /// A random lower-case UUID.
    static func uuid() -> String {
        UUID().uuidString.lowercased()
    }
}
