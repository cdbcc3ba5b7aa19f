import Foundation
import HTTPTypes
import SanteCore
import SanteMockPlatform
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The answer to one test request.
struct HTTPResult: Sendable {
    let status: Int
    let response: HTTPURLResponse
    let body: Data

    func header(_ name: String) -> String? {
        response.value(forHTTPHeaderField: name)
    }

    /// The body parsed as a JSON object.
    func jsonObject() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
    }
}

struct UnexpectedResponse: Error {}

/// Plain HTTP requests through URLSession. Every request uses a fresh ephemeral session, hence a fresh
/// connection, so that a connection fault never hits a pooled connection (which a client may retry).
enum TestHTTP {
    static func send(
        _ method: String = "GET", _ url: URL, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> HTTPResult {
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else {
            throw UnexpectedResponse()
        }
        return HTTPResult(status: http.statusCode, response: http, body: data)
    }

    static func send(_ url: URL) async throws -> HTTPResult {
        try await send("GET", url)
    }

    static func sendJSON(_ method: String, _ url: URL, json: String) async throws -> HTTPResult {
        try await send(method, url, body: Data(json.utf8), headers: ["Content-Type": "application/json"])
    }
}

/// Runs `body` with a started platform and stops it afterwards, even when `body` throws.
func withPlatform(
    _ configuration: MockPlatform.Configuration = MockPlatform.Configuration(),
    _ body: (MockPlatform) async throws -> Void
) async throws {
    let platform = try await MockPlatform.start(configuration)
    do {
        try await body(platform)
    } catch {
        await platform.stop()
        throw error
    }
    await platform.stop()
}

extension MockPlatform {
    /// A URL on this platform: `baseURL` + `path` (which may carry a query).
    func url(_ path: String) throws -> URL {
        try #require(URL(string: baseURL.absoluteString + path))
    }
}
