public import Foundation
public import HTTPTypes
import Logging
import SanteCore

/// The response type for operations whose successful response has no body worth decoding
/// (such as `204 No Content`).
public struct EmptyResponse: Decodable, Sendable, Hashable {
    /// Creates the value.
    public init() {}
    /// Decodes anything (the body is not read).
    public init(from decoder: any Decoder) throws {}
}

extension SanteHTTPClient {
    /// Sends a request, requires a 2xx status, and decodes the JSON response body.
    ///
    /// - Parameters:
    ///   - type: The type to decode; ``EmptyResponse`` skips decoding.
    ///   - request: The request; an `Accept: application/json` header is added when it has none.
    ///   - body: The request body, if any.
    ///   - options: Per-request options.
    ///   - decoder: The JSON decoder.
    /// - Returns: The decoded value.
    /// - Throws: ``SanteHTTPError``: `.httpStatus` for a non-2xx status, `.decoding` (with the coding path)
    ///   when the body does not decode, `.transport`, `.timeout` or `.cancelled`.
    public func decode<Response: Decodable>(
        _ type: Response.Type = Response.self,
        for request: HTTPRequest,
        body: HTTPBody? = nil,
        options: RequestOptions = RequestOptions(),
        decoder: JSONDecoder = DefaultJSONCoders.decoder
    ) async throws -> Response {
        var request = request
        if !request.headerFields.contains(.accept) {
            request.headerFields[.accept] = "application/json"
        }
        let (response, data) = try await self.data(for: request, body: body, options: options)
        return try decodeJSON(
            type, from: data, response: response, request: request, options: options, decoder: decoder)
    }

    /// Encodes `value` as the JSON request body, sends the request, requires a 2xx status and decodes the
    /// JSON response body.
    ///
    /// - Parameters:
    ///   - request: The request; `Content-Type` is set to `contentType` and `Accept` to
    ///     `application/json` when absent.
    ///   - value: The value to encode as the body.
    ///   - type: The type to decode; ``EmptyResponse`` skips decoding.
    ///   - options: Per-request options.
    ///   - encoder: The JSON encoder.
    ///   - decoder: The JSON decoder.
    ///   - contentType: The request's media type (default `application/json`; FHIR uses
    ///     `application/fhir+json`).
    /// - Returns: The decoded value.
    /// - Throws: ``SanteHTTPError``: `.validation` when the value does not encode, and the errors of
    ///   ``decode(_:for:body:options:decoder:)``.
    public func send<Body: Encodable, Response: Decodable>(
        _ request: HTTPRequest,
        json value: Body,
        as type: Response.Type = Response.self,
        options: RequestOptions = RequestOptions(),
        encoder: JSONEncoder = DefaultJSONCoders.encoder,
        decoder: JSONDecoder = DefaultJSONCoders.decoder,
        contentType: String = "application/json"
    ) async throws -> Response {
        let encoded: Data
        do {
            encoded = try encoder.encode(value)
        } catch {
            throw SanteHTTPError(
                code: .validation,
                message: "the request body could not be encoded as JSON"
                    + ((error as? EncodingError).map { " at \(Self.codingPathDescription(Self.codingPath(of: $0)))" }
                        ?? ""),
                operation: options.operation,
                method: request.method,
                url: redactor.redactedURL(of: request),
                requestWasSent: false,
                isRetryable: false,
                underlyingError: error
            )
        }
        var request = request
        request.headerFields[.contentType] = contentType
        return try await decode(type, for: request, body: HTTPBody(encoded), options: options, decoder: decoder)
    }

    /// Builds a GET request for `path`, sends it and decodes the JSON response.
    ///
    /// - Parameters:
    ///   - path: A path relative to the base URL, or an absolute URL.
    ///   - query: Query items.
    ///   - headerFields: Header fields.
    ///   - type: The type to decode.
    ///   - options: Per-request options.
    ///   - decoder: The JSON decoder.
    /// - Returns: The decoded value.
    /// - Throws: ``SanteHTTPError``.
    public func getJSON<Response: Decodable>(
        _ path: String,
        query: [URLQueryItem] = [],
        headerFields: HTTPFields = [:],
        as type: Response.Type = Response.self,
        options: RequestOptions = RequestOptions(),
        decoder: JSONDecoder = DefaultJSONCoders.decoder
    ) async throws -> Response {
        let request = try makeRequest(.get, path: path, query: query, headerFields: headerFields)
        return try await decode(type, for: request, options: options, decoder: decoder)
    }

    /// Builds a request for `path` with `value` as its JSON body, sends it and decodes the JSON response.
    ///
    /// - Parameters:
    ///   - method: The method (such as `.post` or `.put`).
    ///   - path: A path relative to the base URL, or an absolute URL.
    ///   - query: Query items.
    ///   - headerFields: Header fields.
    ///   - value: The value to encode as the body.
    ///   - type: The type to decode.
    ///   - options: Per-request options.
    ///   - encoder: The JSON encoder.
    ///   - decoder: The JSON decoder.
    ///   - contentType: The request's media type (default `application/json`).
    /// - Returns: The decoded value.
    /// - Throws: ``SanteHTTPError``.
    public func sendJSON<Body: Encodable, Response: Decodable>(
        _ method: HTTPRequest.Method,
        _ path: String,
        query: [URLQueryItem] = [],
        headerFields: HTTPFields = [:],
        body value: Body,
        as type: Response.Type = Response.self,
        options: RequestOptions = RequestOptions(),
        encoder: JSONEncoder = DefaultJSONCoders.encoder,
        decoder: JSONDecoder = DefaultJSONCoders.decoder,
        contentType: String = "application/json"
    ) async throws -> Response {
        let request = try makeRequest(method, path: path, query: query, headerFields: headerFields)
        return try await send(
            request, json: value, as: type, options: options, encoder: encoder, decoder: decoder,
            contentType: contentType)
    }

    /// Decodes a JSON body already received, turning failures into `.decoding` errors with the coding path.
    ///
    /// When `decoder` has the default options, the body is read straight from its bytes, several times faster than
    /// `JSONDecoder` and to exactly its result: whenever anything in that read fails (even a failure the type
    /// catches), or the type asks for `Data`, `URL` or `Decimal`, the body goes to `decoder`, whose value or error
    /// is the answer.
    ///
    /// - Parameters:
    ///   - type: The type to decode; ``EmptyResponse`` skips decoding.
    ///   - data: The body.
    ///   - response: The response the body came with (its headers go into the error).
    ///   - request: The request, for the method and the redacted URL.
    ///   - options: The request options, for the operation.
    ///   - decoder: The JSON decoder.
    /// - Returns: The decoded value.
    /// - Throws: ``SanteHTTPError`` with code `.decoding`, carrying the coding path and a body snippet.
    public func decodeJSON<Response: Decodable>(
        _ type: Response.Type,
        from data: Data,
        response: HTTPResponse,
        request: HTTPRequest,
        options: RequestOptions = RequestOptions(),
        decoder: JSONDecoder = DefaultJSONCoders.decoder
    ) throws -> Response {
        // A metadata comparison, cheaper than a dynamic cast on every call.
        if Response.self == EmptyResponse.self, let empty = EmptyResponse() as? Response { return empty }
        do {
            // Straight from the bytes when the options are the defaults; JSONDecoder's value or error either way.
            return try decoder.decodeUsingBytesFirst(type, from: data)
        } catch {
            let path = (error as? DecodingError).map(Self.codingPath(of:)) ?? []
            let pathText = Self.codingPathDescription(path)
            let reason = (error as? DecodingError).map(Self.reason(of:)) ?? "invalid data"
            logger.debug(
                "response body did not decode",
                metadata: [
                    "santekit.operation": .string(options.operation ?? ""),
                    "decoding.type": .string(String(describing: type)),
                    "decoding.path": .string(pathText),
                ])
            throw SanteHTTPError(
                code: .decoding,
                message: redactor.redactedText(
                    "the response body did not decode as \(String(describing: type)) at \(pathText): \(reason)"),
                operation: options.operation,
                method: request.method,
                url: redactor.redactedURL(of: request),
                httpStatus: response.status.code,
                responseHeaders: response.headerFields,
                responseBody: data,
                requestWasSent: true,
                codingPath: pathText,
                isRetryable: false,
                underlyingError: error
            )
        }
    }

    static func codingPath(of error: DecodingError) -> [any CodingKey] {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.codingPath
        case .keyNotFound(let key, let context):
            return context.codingPath + [key]
        @unknown default:
            return []
        }
    }

    static func codingPath(of error: EncodingError) -> [any CodingKey] {
        switch error {
        case .invalidValue(_, let context): return context.codingPath
        @unknown default: return []
        }
    }

    /// `entry[2].resource.id`, or `(root)` for an empty path.
    static func codingPathDescription(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text.isEmpty ? "(root)" : text
    }

    /// The kind of decoding failure, without any value from the body.
    private static func reason(of error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let expected, _): "expected a value of type \(expected)"
        case .valueNotFound(let expected, _): "expected a value of type \(expected), found null"
        case .keyNotFound(let key, _): "the member \"\(key.stringValue)\" is missing"
        case .dataCorrupted: "the data is not valid"
        @unknown default: "invalid data"
        }
    }
}

extension SanteHTTPError {
    /// Decodes the response body snippet as JSON, for a client reading its server's error format.
    /// - Parameters:
    ///   - type: The error body type (such as an `OperationOutcome` or an OAuth error).
    ///   - decoder: The JSON decoder.
    /// - Returns: The decoded body, or `nil` when there is no body or it does not decode.
    public func decodedResponseBody<Body: Decodable>(
        as type: Body.Type,
        decoder: JSONDecoder = DefaultJSONCoders.decoder
    ) -> Body? {
        guard let responseBody, !responseBody.isEmpty else { return nil }
        return try? decoder.decode(type, from: responseBody)
    }
}
