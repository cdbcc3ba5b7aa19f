import Foundation
import HTTPTypes
import SanteCore
import Testing

@testable import SanteHTTP

@Suite("URLSessionTransport against a canned server")
struct URLSessionTransportServerTests {
    static func raw(_ statusLine: String, headers: [String] = [], body: String = "") -> String {
        let lines = [statusLine] + headers + ["Content-Length: \(body.utf8.count)", "Connection: close"]
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    static let responses = [
        "/basic": raw(
            "HTTP/1.1 401 Unauthorized", headers: ["WWW-Authenticate: Basic realm=\"token\""],
            body: #"{"error":"invalid_client"}"#),
        "/bearer": raw(
            "HTTP/1.1 401 Unauthorized", headers: ["WWW-Authenticate: Bearer error=\"invalid_token\""],
            body: #"{"error":"invalid_token"}"#),
        "/redirect": raw("HTTP/1.1 302 Found", headers: ["Location: /target?code=abc"]),
        "/target?code=abc": raw("HTTP/1.1 200 OK", body: "target"),
    ]

    func withServer(_ body: (CannedHTTPServer) async throws -> Void) async throws {
        let server = try CannedHTTPServer(responses: Self.responses)
        defer { server.stop() }
        try await body(server)
    }

    func request(_ server: CannedHTTPServer, _ path: String) -> HTTPRequest {
        HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1:\(server.port)", path: path)
    }

    @Test("A 401 with a Basic challenge comes back as a 401 instead of hanging", .timeLimit(.minutes(3)))
    func basicChallenge() async throws {
        try await withServer { server in
            let transport = URLSessionTransport(configuration: .init(requestTimeout: .seconds(20)))
            let started = ContinuousClock.now
            let (response, _) = try await transport.send(
                request(server, "/basic"), body: nil, context: RequestContext())
            #expect(response.status.code == 401)
            #expect(response.headerFields[.wwwAuthenticate] == "Basic realm=\"token\"")
            #expect(ContinuousClock.now - started < .seconds(15), "answered well before the 20 s timeout")
        }
    }

    @Test("A 401 with a Bearer challenge keeps its body", .timeLimit(.minutes(3)))
    func bearerChallenge() async throws {
        try await withServer { server in
            let (response, body) = try await URLSessionTransport().send(
                request(server, "/bearer"), body: nil, context: RequestContext())
            #expect(response.status.code == 401)
            #expect(try await text(body) == #"{"error":"invalid_token"}"#)
        }
    }

    @Test("Redirects are not followed by default", .timeLimit(.minutes(3)))
    func redirectNotFollowed() async throws {
        try await withServer { server in
            let (response, _) = try await URLSessionTransport().send(
                request(server, "/redirect"), body: nil, context: RequestContext())
            #expect(response.status.code == 302)
            #expect(response.headerFields[.location] == "/target?code=abc")
        }
    }

    @Test("Redirects are followed when the configuration asks", .timeLimit(.minutes(3)))
    func redirectFollowed() async throws {
        try await withServer { server in
            let transport = URLSessionTransport(configuration: .init(followsRedirects: true))
            let (response, body) = try await transport.send(
                request(server, "/redirect"), body: nil, context: RequestContext())
            #expect(response.status.code == 200)
            #expect(try await text(body) == "target")
        }
    }
}
