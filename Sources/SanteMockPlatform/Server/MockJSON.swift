import Foundation
import HTTPTypes
import Hummingbird
import SanteCore

/// Builds the JSON responses of the mock.
enum MockJSON {
    /// The `Content-Type` of every JSON response.
    static let contentType = "application/json; charset=utf-8"

    /// Encodes `value` as compact JSON with sorted keys.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// A response carrying `value` as JSON.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encode(value)
        return response(bytes: data, status: status)
    }

    /// A response carrying already-encoded JSON bytes.
    static func response(bytes: some Sequence<UInt8>, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A JSON error response: `{"error": "<reason phrase>", "message": "...", "status": N}`.
    static func error(_ status: HTTPResponse.Status, message: String, headers extraHeaders: HTTPFields = [:])
        -> Response
    {
        let value: JSONValue = [
            "error": .string(status.displayName),
            "message": .string(message),
            "status": .integer(Int64(status.code)),
        ]
        // Encoding a JSONValue built from strings and integers cannot fail; fall back to a fixed body anyway.
        let data = (try? encode(value)) ?? Data(#"{"error":"encoding failed"}"#.utf8)
        var response = response(bytes: data, status: status)
        for field in extraHeaders {
            response.headers.append(field)
        }
        return response
    }

    /// A `400 Bad Request` listing validation issues.
    static func validationError(_ issues: [ValidationIssue]) -> Response {
        error(.badRequest, message: issues.map(\.description).joined(separator: "; "))
    }
}
