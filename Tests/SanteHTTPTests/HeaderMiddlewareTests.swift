import Foundation
import HTTPTypes
import SanteCore
import Testing

@testable import SanteHTTP

@Suite("User agent, request id and idempotency key")
struct HeaderMiddlewareTests {
    func headers(
        through middlewares: [any HTTPMiddleware],
        request: HTTPRequest = Fixtures.request(),
        options: RequestOptions = RequestOptions()
    ) async throws -> HTTPFields {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        let client = SanteHTTPClient(baseURL: Fixtures.baseURL, transport: stub, middlewares: middlewares)
        _ = try await client.send(request, options: options)
        return try #require(stub.recordedRequests.first).request.headerFields
    }

    @Test("The version constant is 0.1.0")
    func version() {
        #expect(SanteKitVersion.current == "0.1.0")
    }

    @Test("The user agent is SanteKit/<version>")
    func defaultUserAgent() async throws {
        let fields = try await headers(through: [try UserAgentMiddleware()])
        #expect(fields[.userAgent] == "SanteKit/0.1.0")
    }

    @Test("The application's product token follows SanteKit's")
    func appProduct() async throws {
        let fields = try await headers(through: [try UserAgentMiddleware(appProduct: "MonCabinet/2.3")])
        #expect(fields[.userAgent] == "SanteKit/0.1.0 MonCabinet/2.3")
    }

    @Test("A request's own User-Agent is kept")
    func existingUserAgent() async throws {
        let fields = try await headers(
            through: [try UserAgentMiddleware()], request: Fixtures.request(headerFields: [.userAgent: "Custom/1"]))
        #expect(fields[.userAgent] == "Custom/1")
    }

    @Test("An invalid product token is refused", arguments: ["", "Mon Cabinet/2", "a/b/c", "Café/1", "x/", "a\r\nb"])
    func invalidProduct(product: String) {
        #expect {
            _ = try UserAgentMiddleware(appProduct: product)
        } throws: { error in
            (error as? SanteHTTPError)?.code == .configuration
        }
    }

    @Test("A fresh request id is added to each logical request")
    func requestID() async throws {
        let first = try await headers(through: [RequestIDMiddleware()])
        let second = try await headers(through: [RequestIDMiddleware()])
        let firstID = try #require(first[.requestID])
        #expect(UUID(uuidString: firstID) != nil)
        #expect(firstID == firstID.lowercased())
        #expect(first[.requestID] != second[.requestID])
    }

    @Test("The request id stays the same on every retry")
    func requestIDStableAcrossRetries() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(503))
        stub.expect(.get, "/fhir/Patient", respond: .status(503))
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: stub,
            middlewares: [RequestIDMiddleware(), RetryMiddleware(clock: TestClock(mode: .automatic))])
        _ = try await client.send(Fixtures.request())
        let ids = stub.recordedRequests.map { $0.request.headerFields[.requestID] }
        #expect(ids.count == 3)
        #expect(Set(ids).count == 1)
        #expect(ids.first != nil)
    }

    @Test("An existing request id is kept, and the generator and header name can be chosen")
    func requestIDOptions() async throws {
        let kept = try await headers(
            through: [RequestIDMiddleware()], request: Fixtures.request(headerFields: [.requestID: "abc"]))
        #expect(kept[.requestID] == "abc")
        let correlation = fieldName("X-Correlation-ID")
        let custom = try await headers(through: [
            RequestIDMiddleware(headerName: correlation, makeIdentifier: { "fixed" })
        ])
        #expect(custom[correlation] == "fixed")
        #expect(custom[.requestID] == nil)
    }

    @Test("The idempotency key is sent under the configured header name")
    func idempotencyKeyHeader() async throws {
        let fields = try await headers(
            through: [IdempotencyKeyMiddleware(headerName: .idempotencyKey)],
            options: RequestOptions(idempotencyKey: "key-1"))
        #expect(fields[.idempotencyKey] == "key-1")
        let none = try await headers(through: [IdempotencyKeyMiddleware(headerName: .idempotencyKey)])
        #expect(none[.idempotencyKey] == nil)
    }

    @Test("Without the middleware, the idempotency key is not sent")
    func idempotencyKeyNotSentByDefault() async throws {
        let fields = try await headers(through: [], options: RequestOptions(idempotencyKey: "key-1"))
        #expect(!fields.contains { $0.value == "key-1" })
    }
}
