import Foundation
import HTTPTypes
import SanteCore
import Testing

@testable import SanteHTTP

@Suite("Accounting")
struct AccountingMiddlewareTests {
    @Test("Requests, retries, errors, statuses and bytes are counted per host and in total")
    func counts() async throws {
        let accounting = HTTPAccounting()
        let stub = StubTransport()
        stub.expect(.put, "/fhir/Patient/1", respond: .status(503, body: Data("busy".utf8)))
        stub.expect(.put, "/fhir/Patient/1", respond: .json(#"{"id":"1"}"#))
        stub.expect(.get, "/data/x", respond: .status(404, body: Data("nope".utf8)))
        stub.expect(.post, "/data/y", respond: .error(Fixtures.transportError(requestWasSent: true)))
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: stub,
            middlewares: [
                RetryMiddleware(policy: RetryPolicy(maximumAttempts: 2), clock: TestClock(mode: .automatic)),
                AccountingMiddleware(accounting: accounting),
            ])

        let (_, data) = try await client.data(
            for: Fixtures.request(.put, path: "/fhir/Patient/1"), body: HTTPBody("0123456789"))
        #expect(data == Data(#"{"id":"1"}"#.utf8))
        let other = HTTPRequest(method: .get, scheme: "https", authority: "Data.Example.FR", path: "/data/x")
        _ = try await client.send(other)
        await #expect(throws: SanteHTTPError.self) {
            _ = try await client.send(
                HTTPRequest(method: .post, scheme: "https", authority: "data.example.fr", path: "/data/y"))
        }

        let snapshot = accounting.snapshot()
        let api = try #require(snapshot.hosts["api.example.fr"])
        #expect(api.requests == 2)
        #expect(api.retries == 1)
        #expect(api.errors == 0)
        #expect(api.serverErrorResponses == 1)
        #expect(api.bytesSent == 20)
        #expect(api.bytesReceived == 4 + 10)  // the drained 503 body, then the JSON
        let data2 = try #require(snapshot.hosts["data.example.fr"])
        #expect(data2.requests == 2)
        #expect(data2.errors == 1)
        #expect(data2.clientErrorResponses == 1)
        #expect(data2.bytesReceived == 0)  // the 404 body was never read
        #expect(snapshot.total.requests == 4)
        #expect(snapshot.total.bytesSent == 20)
        #expect(snapshot.hosts.count == 2)
    }

    @Test("Bytes are counted as a body streams, and the account can be reset")
    func streamingAndReset() async throws {
        let accounting = HTTPAccounting()
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Binary/1", respond: .status(200, body: Data(repeating: 1, count: 100_000)))
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: stub, middlewares: [AccountingMiddleware(accounting: accounting)])
        let (_, body) = try await client.send(Fixtures.request(path: "/fhir/Binary/1"))
        #expect(accounting.snapshot().total.bytesReceived == 0)
        var iterator = try #require(body).makeAsyncIterator()
        _ = try await iterator.next()
        #expect(accounting.snapshot().total.bytesReceived == 65_536)
        _ = try await iterator.next()
        #expect(accounting.snapshot().total.bytesReceived == 100_000)
        accounting.reset()
        #expect(accounting.snapshot() == HTTPAccountingSnapshot())
    }
}
