import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP

/// The one way the Notify client sends requests: build, send through the pipeline, decode, and turn every
/// failure into a ``NotifyError``.
struct NotifyRequester: Sendable {
    let http: SanteHTTPClient

    /// Builds a request for a path relative to the base URL, or an absolute URL (a paging link).
    func request(
        _ method: HTTPRequest.Method, _ path: String, query: [URLQueryItem] = [], operation: String
    ) throws(NotifyError) -> HTTPRequest {
        do {
            var headers = HTTPFields()
            headers[.accept] = "application/json"
            return try http.makeRequest(method, path: path, query: query, headerFields: headers)
        } catch {
            throw NotifyError.wrap(error, operation: operation)
        }
    }

    /// Sends a GET and decodes the JSON answer.
    func get<Value: Decodable>(
        _ type: Value.Type, _ path: String, query: [URLQueryItem] = [], operation: String
    ) async throws(NotifyError) -> Value {
        let request = try request(.get, path, query: query, operation: operation)
        do {
            return try await http.decode(type, for: request, options: RequestOptions(operation: operation))
        } catch {
            throw NotifyError.wrap(error, operation: operation)
        }
    }

    /// Sends a POST with a JSON body and decodes the JSON answer, throwing the pipeline's raw error (so
    /// the caller can tell a lost response from an answered failure).
    func postRaw<Body: Encodable, Value: Decodable>(
        _ body: Body, _ type: Value.Type, _ path: String, operation: String
    ) async throws -> Value {
        let request = try request(.post, path, operation: operation)
        return try await http.send(request, json: body, as: type, options: RequestOptions(operation: operation))
    }

    /// Sends a POST with a JSON body and decodes the JSON answer.
    func post<Body: Encodable, Value: Decodable>(
        _ body: Body, _ type: Value.Type, _ path: String, operation: String
    ) async throws(NotifyError) -> Value {
        do {
            return try await postRaw(body, type, path, operation: operation)
        } catch {
            throw NotifyError.wrap(error, operation: operation)
        }
    }

    /// A path segment for an id, refusing an empty one.
    static func segment(_ id: String, operation: String) throws(NotifyError) -> String {
        let trimmed = id.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty,
            let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", "_", "."]))
        else {
            throw NotifyError(.invalidInput, "the id is empty", operation: operation, isRetryable: false)
        }
        return encoded
    }
}
