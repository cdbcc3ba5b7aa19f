import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP

/// The one way the DMP client sends requests: build, send through the pipeline, decode FHIR, and turn
/// every failure into a ``DMPError``.
struct DMPRequester: Sendable {
    let http: SanteHTTPClient

    static let fhirJSON = "application/fhir+json"

    /// Builds a request with `Accept: application/fhir+json`.
    func request(
        _ method: HTTPRequest.Method,
        _ path: String,
        query: [URLQueryItem] = [],
        headers: HTTPFields = [:],
        operation: String
    ) throws(DMPError) -> HTTPRequest {
        var fields = headers
        if fields[.accept] == nil { fields[.accept] = Self.fhirJSON }
        do {
            return try http.makeRequest(method, path: path, query: query, headerFields: fields)
        } catch {
            throw DMPError.wrap(error, operation: operation)
        }
    }

    /// Sends a request and returns the 2xx response with its bytes.
    func data(
        _ request: HTTPRequest,
        body: HTTPBody? = nil,
        options: RequestOptions
    ) async throws(DMPError) -> (HTTPResponse, Data) {
        do {
            return try await http.data(for: request, body: body, options: options)
        } catch {
            throw DMPError.wrap(error, operation: options.operation ?? "dmp")
        }
    }

    /// Sends a request and decodes a FHIR resource from the 2xx response.
    func decode<Value: Decodable>(
        _ type: Value.Type,
        _ request: HTTPRequest,
        body: HTTPBody? = nil,
        options: RequestOptions
    ) async throws(DMPError) -> (HTTPResponse, Value) {
        let (response, data) = try await self.data(request, body: body, options: options)
        do {
            return (response, try FHIRJSON.decode(type, from: data, operation: options.operation))
        } catch {
            var failure = DMPError.wrap(error, operation: options.operation ?? "dmp")
            failure.httpStatus = response.status.code
            throw failure
        }
    }

    /// Sends a request and returns a 2xx response with its body still streaming.
    func stream(_ request: HTTPRequest, options: RequestOptions) async throws(DMPError) -> (HTTPResponse, HTTPBody) {
        do {
            let (response, body) = try await http.send(request, options: options)
            guard response.status.kind == .successful else {
                throw try await http.statusError(response, body: body, request: request, options: options)
            }
            return (response, body ?? HTTPBody())
        } catch {
            throw DMPError.wrap(error, operation: options.operation ?? "dmp")
        }
    }

    /// Encodes a FHIR value as a request body.
    static func body<Value: Encodable>(_ value: Value, operation: String) throws(DMPError) -> HTTPBody {
        do {
            return HTTPBody(try FHIRJSON.encode(value, operation: operation))
        } catch {
            throw DMPError.wrap(error, operation: operation)
        }
    }
}

extension HTTPField.Name {
    // Valid tokens: the failable initialiser never fails; the fallback only avoids a force unwrap.
    /// `Prefer` (RFC 7240).
    static let prefer = HTTPField.Name("Prefer") ?? .via
}
