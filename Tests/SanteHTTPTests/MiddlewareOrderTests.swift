import Foundation
import HTTPTypes
import Logging
import SanteCore
import Testing

@testable import SanteHTTP

@Suite("Middleware chain")
struct MiddlewareOrderTests {
    func tracing(_ name: String, into recorder: Recorder<String>) -> ClosureMiddleware {
        ClosureMiddleware { request, body, context, next in
            recorder.record("\(name) in")
            let result = try await next(request, body, context)
            recorder.record("\(name) out")
            return result
        }
    }

    @Test("The first middleware listed is the outermost")
    func order() async throws {
        let recorder = Recorder<String>()
        let stub = StubTransport()
        stub.expect(
            .get, "/fhir/Patient",
            respond: .handler { _ in
                recorder.record("transport")
                return (HTTPResponse(status: .ok), nil)
            })
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: stub,
            middlewares: [tracing("A", into: recorder), tracing("B", into: recorder), tracing("C", into: recorder)])
        _ = try await client.send(Fixtures.request())
        #expect(recorder.all == ["A in", "B in", "C in", "transport", "C out", "B out", "A out"])
    }

    @Test("A middleware can change the request and the response")
    func changes() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", headerFields: [.accept: "application/fhir+json"], respond: .status(200))
        let middleware = ClosureMiddleware { request, body, context, next in
            var request = request
            request.headerFields[.accept] = "application/fhir+json"
            let (response, _) = try await next(request, body, context)
            return (response, HTTPBody("replaced"))
        }
        let client = SanteHTTPClient(baseURL: Fixtures.baseURL, transport: stub, middlewares: [middleware])
        let (_, data) = try await client.data(for: Fixtures.request())
        #expect(String(decoding: data, as: UTF8.self) == "replaced")
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("The standard stack is request id, user agent, idempotency key, timeout, retry, auth, logging, accounting")
    func standardOrder() throws {
        let middlewares = try SanteHTTPClient.standardMiddlewares(
            tokenProvider: ClosureTokenProvider { "t" }, idempotencyKeyHeaderName: .idempotencyKey,
            logger: LogStore().logger(), accounting: HTTPAccounting())
        let names = middlewares.map { String(describing: type(of: $0)) }
        #expect(
            names == [
                "RequestIDMiddleware", "UserAgentMiddleware", "IdempotencyKeyMiddleware", "TimeoutMiddleware",
                "RetryMiddleware", "AuthenticationMiddleware", "LoggingMiddleware", "AccountingMiddleware",
            ])
        let minimal = try SanteHTTPClient.standardMiddlewares(logger: LogStore().logger())
        #expect(minimal.count == 5)
    }

    @Test("The standard stack puts every header on every attempt, with a token per attempt")
    func standardStackEndToEnd() async throws {
        let stub = StubTransport()
        stub.expect(.post, "/fhir/Patient", respond: .status(503))
        stub.expect(.post, "/fhir/Patient", respond: .json(#"{"id":"p1"}"#, status: 201))
        let tokens = SequenceTokenProvider()
        let accounting = HTTPAccounting()
        let store = LogStore()
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: stub,
            middlewares: try SanteHTTPClient.standardMiddlewares(
                tokenProvider: tokens, appProduct: "Test/1", idempotencyKeyHeaderName: .idempotencyKey,
                logger: store.logger(), accounting: accounting, clock: TestClock(mode: .automatic),
                timeoutClock: SystemClock()))
        struct Created: Decodable { let id: String }
        let created = try await client.sendJSON(
            .post, "Patient", body: ["name": "x"], as: Created.self,
            options: RequestOptions(operation: "patient.create", idempotencyKey: "idem-1"))
        #expect(created.id == "p1")
        let requests = stub.recordedRequests.map(\.request.headerFields)
        #expect(requests.map { $0[.authorization] } == ["Bearer token-1", "Bearer token-2"])
        #expect(requests.map { $0[.userAgent] } == ["SanteKit/0.1.0 Test/1", "SanteKit/0.1.0 Test/1"])
        #expect(requests.map { $0[.idempotencyKey] } == ["idem-1", "idem-1"])
        #expect(requests[0][.requestID] != nil && requests[0][.requestID] == requests[1][.requestID])
        #expect(accounting.snapshot().total.retries == 1)
        #expect(store.all.count == 4)
    }
}
