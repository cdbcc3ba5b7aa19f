import Foundation
import HTTPTypes
import Hummingbird
import SanteCore

/// The HTTP plumbing of the provider's routes: forms, JSON answers, redirects and OAuth errors.
enum PSCHTTP {
    /// The parameters of the request's query string.
    static func query(_ request: Request) -> FormParameters {
        FormParameters(request.uri.query ?? "")
    }

    /// The parameters of an `application/x-www-form-urlencoded` body.
    /// - Throws: ``PSCOAuthError`` (`invalid_request`) for another content type; a body above the platform's
    ///   maximum is refused by Hummingbird.
    static func form(_ request: Request, context: MockRequestContext) async throws -> FormParameters {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let text = String(buffer: body)
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard text.isEmpty || contentType.hasPrefix("application/x-www-form-urlencoded") else {
            throw PSCOAuthError.invalidRequest("the body must be application/x-www-form-urlencoded")
        }
        return FormParameters(text)
    }

    /// The client credentials of a request with this form, and the connection's client certificate.
    static func credentials(
        _ request: Request, form: FormParameters, context: MockRequestContext
    ) -> PSCClientCredentials {
        PSCClientCredentials(
            authorization: request.headers[.authorization], form: form, certificate: context.clientCertificate)
    }

    /// Runs `body`, answering an OAuth error as JSON.
    static func answering(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as PSCOAuthError {
            return error.response
        }
    }

    /// A JSON answer that must not be cached (tokens, introspection).
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) throws -> Response {
        var response = try MockJSON.response(value, status: status)
        response.headers[.cacheControl] = "no-store"
        if let pragma = HTTPField.Name("Pragma") {
            response.headers[pragma] = "no-cache"
        }
        return response
    }

    /// `302 Found` to `location`.
    static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .found, headers: headers)
    }
}
