import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP

/// The one way the open-data clients send requests: build, send through the `SanteHTTPClient` pipeline,
/// decode, and turn every failure into an ``OpenDataError``.
struct OpenDataRequester: Sendable {
    let http: SanteHTTPClient

    /// Builds a request for a path relative to the base URL, or an absolute URL (a paging link).
    func request(
        _ method: HTTPRequest.Method = .get,
        _ path: String,
        query: [URLQueryItem] = [],
        headers: HTTPFields = [:],
        operation: String
    ) throws -> HTTPRequest {
        do {
            return try http.makeRequest(method, path: path, query: query, headerFields: headers)
        } catch {
            throw OpenDataError.wrap(error, operation: operation)
        }
    }

    /// Sends a request and decodes the JSON body of a 2xx response.
    func decode<Value: Decodable>(
        _ type: Value.Type,
        _ request: HTTPRequest,
        operation: String,
        decoder: JSONDecoder = JSONDecoder()
    ) async throws -> Value {
        do {
            guard let readsBytes = Value.self as? any JSONBytesDecodable.Type, decoder.hasDefaultOptions else {
                return try await http.decode(
                    type, for: request, options: RequestOptions(operation: operation), decoder: decoder)
            }
            // Types that read themselves from bytes skip `JSONDecoder`; a body they cannot read goes to it, so
            // the error is the one `decode` gives.
            var request = request
            if !request.headerFields.contains(.accept) { request.headerFields[.accept] = "application/json" }
            let options = RequestOptions(operation: operation)
            let (response, data) = try await http.data(for: request, options: options)
            let value = data.withUnsafeBytes { bytes in try? readsBytes.init(jsonBytes: bytes) }
            if let value = value as? Value { return value }
            return try http.decodeJSON(
                type, from: data, response: response, request: request, options: options, decoder: decoder)
        } catch {
            throw OpenDataError.wrap(error, operation: operation)
        }
    }

    /// Sends a GET for `path` and decodes the JSON body.
    func get<Value: Decodable>(
        _ type: Value.Type,
        _ path: String,
        query: [URLQueryItem] = [],
        headers: HTTPFields = [:],
        operation: String,
        decoder: JSONDecoder = JSONDecoder()
    ) async throws -> Value {
        let request = try request(.get, path, query: query, headers: headers, operation: operation)
        return try await decode(type, request, operation: operation, decoder: decoder)
    }

    /// Sends a request and returns a 2xx response with its body still streaming; any other status
    /// becomes an ``OpenDataError`` with the server's error body decoded.
    func stream(_ request: HTTPRequest, operation: String) async throws -> (HTTPResponse, HTTPBody) {
        do {
            let (response, body) = try await http.send(request, options: RequestOptions(operation: operation))
            guard response.status.kind == .successful else {
                throw try await http.statusError(
                    response, body: body, request: request, options: RequestOptions(operation: operation))
            }
            return (response, body ?? HTTPBody())
        } catch {
            throw OpenDataError.wrap(error, operation: operation)
        }
    }

    /// The API key from `provider`, or a `.missingAPIKey` error.
    static func apiKey(from provider: (any OpenDataAPIKeyProvider)?, operation: String) async throws -> String {
        guard let provider else {
            throw OpenDataError(
                reason: .missingAPIKey, message: "this operation needs an API key and the client has no key provider",
                operation: operation)
        }
        do {
            return try await provider.apiKey()
        } catch {
            throw OpenDataError(
                reason: .missingAPIKey,
                message: "the API key provider failed (\(String(describing: type(of: error))))",
                operation: operation, underlyingError: error)
        }
    }
}

extension HTTPField.Name {
    // These names are valid tokens, so the failable initialiser never fails; the fallback only avoids a
    // force unwrap.
    /// data.gouv.fr's API key header.
    static let dataGouvAPIKey = HTTPField.Name("X-API-KEY") ?? .authorization
    /// flask-restx's field mask header.
    static let fieldMask = HTTPField.Name("X-Fields") ?? .via
    /// The Annuaire Santé's API key header.
    static let esanteAPIKey = HTTPField.Name("ESANTE-API-KEY") ?? .authorization
}
