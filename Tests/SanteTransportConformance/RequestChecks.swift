import Foundation
import HTTPTypes
import SanteHTTP
import Testing

/// Checks on what reaches the server.
enum RequestChecks {
    static func requestHeadPreserved(_ target: ConformanceTarget) async throws {
        let transport = target.transport()
        let query = "a=1&b=x%20y&c=%C3%A9t%C3%A9&empty="
        let customName = try #require(HTTPField.Name("X-Conformance"))
        for method in [HTTPRequest.Method.get, .delete] {
            var fields = HTTPFields()
            fields[customName] = "value with spaces; and=signs"
            fields[.accept] = "application/json"
            let request = target.request(method, "/_mock/echo?" + query, headerFields: fields)
            let (response, body) = try await transport.send(request, body: nil, context: RequestContext())
            #expect(response.status == .ok)
            #expect(response.headerFields[.contentType]?.hasPrefix("application/json") == true)
            let echo = try JSONDecoder().decode(Echo.self, from: try await collect(body))
            #expect(echo.method == method.rawValue)
            #expect(echo.path == "/_mock/echo")
            #expect(echo.query == query)
            #expect(echo.headers["x-conformance"] == "value with spaces; and=signs")
            #expect(echo.headers["accept"] == "application/json")
            #expect(echo.bodyByteCount == 0)
        }
    }

    static func requestBodyIntact(_ target: ConformanceTarget) async throws {
        let payload = distinctivePayload(count: 10_000)
        var fields = HTTPFields()
        fields[.contentType] = "application/octet-stream"
        let request = target.request(.post, "/_mock/echo", headerFields: fields)
        let (response, body) = try await target.transport().send(
            request, body: HTTPBody(payload), context: RequestContext())
        #expect(response.status == .ok)
        let echo = try JSONDecoder().decode(Echo.self, from: try await collect(body))
        #expect(echo.method == "POST")
        #expect(echo.bodyByteCount == payload.count)
        #expect(echo.body == payload)
        #expect(echo.headers["content-length"] == "10000")
        #expect(echo.headers["transfer-encoding"] == nil)
        #expect(echo.headers["content-type"] == "application/octet-stream")
    }

    static func requestBodyOfUnknownLength(_ target: ConformanceTarget) async throws {
        let payload = distinctivePayload(count: 5 * 4096)
        let chunks = stride(from: 0, to: payload.count, by: 4096).map { Array(payload[$0..<$0 + 4096]) }
        let stream = AsyncStream<[UInt8]> { continuation in
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish()
        }
        let body = HTTPBody(stream, length: .unknown)
        let request = target.request(.put, "/_mock/echo")
        let (response, responseBody) = try await target.transport().send(
            request, body: body, context: RequestContext())
        #expect(response.status == .ok)
        let echo = try JSONDecoder().decode(Echo.self, from: try await collect(responseBody))
        #expect(echo.body == payload)
        if target.subject.streamsRequestBodies {
            #expect(echo.headers["transfer-encoding"]?.lowercased() == "chunked")
            #expect(echo.headers["content-length"] == nil)
        } else {
            // A buffering transport reads the body first, then announces its length.
            #expect(echo.headers["content-length"] == String(payload.count))
        }
    }
}
