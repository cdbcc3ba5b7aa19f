import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP

/// The client's few ways of talking HTTP to the provider, through the SanteHTTP pipeline, with response
/// size limits and errors turned into ``ProSanteConnectError``.
struct ProviderHTTP: Sendable {
    let http: SanteHTTPClient

    /// A GET that must answer 2xx; the body is read up to `limit` bytes.
    func get(
        _ url: URL, accept: String, headerFields: HTTPFields = [:], operation: String, limit: Int
    ) async throws -> (HTTPResponse, Data) {
        var fields = headerFields
        fields[.accept] = accept
        let request = try makeRequest(.get, url, headerFields: fields, operation: operation)
        return try await exchange(request, body: nil, operation: operation, limit: limit, oauthErrors: false)
    }

    /// A GET whose answer must be 2xx or 3xx (a redirect is not followed); the body is discarded.
    func getAcceptingRedirect(_ url: URL, operation: String) async throws -> Int {
        let request = try makeRequest(.get, url, headerFields: [:], operation: operation)
        let options = RequestOptions(operation: operation)
        do {
            let (response, responseBody) = try await http.send(request, options: options)
            guard response.status.kind == .successful || response.status.kind == .redirection else {
                let failure = try await http.statusError(
                    response, body: responseBody, request: request, options: options)
                throw statusFailure(failure, operation: operation, oauthErrors: false)
            }
            _ = try? await responseBody?.collect(upTo: 1 << 20)
            return response.status.code
        } catch {
            throw ProSanteConnectErrorMapping.map(error, operation: operation)
        }
    }

    /// A form POST to an OAuth endpoint; a non-2xx answer becomes an ``ProSanteConnectError/Reason/oauth``
    /// error carrying the decoded OAuth body.
    func postForm(
        _ url: URL, fields: [(String, String)], headerFields: HTTPFields = [:], operation: String, limit: Int
    ) async throws -> (HTTPResponse, Data) {
        var headers = headerFields
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.accept] = "application/json"
        let request = try makeRequest(.post, url, headerFields: headers, operation: operation)
        let body = HTTPBody(FormEncoding.encodeForm(fields))
        return try await exchange(request, body: body, operation: operation, limit: limit, oauthErrors: true)
    }

    private func makeRequest(
        _ method: HTTPRequest.Method, _ url: URL, headerFields: HTTPFields, operation: String
    ) throws -> HTTPRequest {
        do {
            return try http.makeRequest(method, path: url.absoluteString, headerFields: headerFields)
        } catch {
            throw ProSanteConnectErrorMapping.map(error, operation: operation)
        }
    }

    private func exchange(
        _ request: HTTPRequest, body: HTTPBody?, operation: String, limit: Int, oauthErrors: Bool
    ) async throws -> (HTTPResponse, Data) {
        let options = RequestOptions(operation: operation)
        do {
            let (response, responseBody) = try await http.send(request, body: body, options: options)
            guard response.status.kind == .successful else {
                let failure = try await http.statusError(
                    response, body: responseBody, request: request, options: options)
                throw statusFailure(failure, operation: operation, oauthErrors: oauthErrors)
            }
            do {
                let data = try await responseBody?.collect(upTo: limit) ?? Data()
                return (response, data)
            } catch is HTTPBody.TooManyBytesError {
                throw ProSanteConnectError(
                    .responseTooLarge, "the response body is larger than the limit of \(limit) bytes",
                    operation: operation, httpStatus: response.status.code)
            }
        } catch {
            throw ProSanteConnectErrorMapping.map(error, operation: operation)
        }
    }

    private func statusFailure(
        _ failure: SanteHTTPError, operation: String, oauthErrors: Bool
    ) -> ProSanteConnectError {
        let status = failure.httpStatus ?? 0
        var oauthError = failure.decodedResponseBody(as: OAuthError.self)
        if oauthError == nil, oauthErrors, status == 401 {
            // FoundationNetworking drops the body of a 401 carrying a Basic challenge; RFC 6749 §5.2
            // makes such a 401 an invalid_client answer.
            oauthError = OAuthError(error: .invalidClient, errorDescription: "the provider refused the client (401)")
        }
        if let oauthError, oauthErrors || status < 500 {
            return ProSanteConnectError(
                .oauth, "the provider answered \(oauthError.error.rawValue)", operation: operation,
                httpStatus: status, oauthError: oauthError, underlyingError: failure)
        }
        return ProSanteConnectError(
            .requestFailed, "the provider answered HTTP \(status)", operation: operation, code: .httpStatus,
            httpStatus: status, oauthError: oauthError, underlyingError: failure)
    }
}

/// Turns any error met by the client into a ``ProSanteConnectError``.
enum ProSanteConnectErrorMapping {
    static func map(_ error: any Error, operation: String) -> ProSanteConnectError {
        switch error {
        case let error as ProSanteConnectError:
            return error.attributed(to: operation)
        case is CancellationError:
            return ProSanteConnectError(.cancelled, "the task was cancelled", operation: operation)
        case let error as SanteHTTPError:
            if error.code == .cancelled {
                return ProSanteConnectError(
                    .cancelled, "the task was cancelled", operation: operation, underlyingError: error)
            }
            return ProSanteConnectError(
                .requestFailed, error.message, operation: operation, code: error.code, httpStatus: error.httpStatus,
                underlyingError: error)
        default:
            return ProSanteConnectError(
                .requestFailed, "the operation failed with \(String(describing: type(of: error)))",
                operation: operation, code: .transport, underlyingError: error)
        }
    }
}

extension ProSanteConnectErrorMapping {
    /// A token store failure, unless it already is a ``ProSanteConnectError``.
    static func storeFailure(_ error: any Error, message: String) -> ProSanteConnectError {
        if let error = error as? ProSanteConnectError { return error }
        return ProSanteConnectError(
            .tokenStoreFailed, message, operation: "psc.token_store", underlyingError: error)
    }
}
