import Foundation
import HTTPTypes
import Logging
import SanteCore
import Testing

@testable import SanteHTTP

@Suite("LoggingMiddleware")
struct LoggingMiddlewareTests {
    let secretToken = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0.c2ln"
    let ins = "185057812345678"

    func sendLogged(
        _ stub: StubTransport,
        store: LogStore,
        redactor: HTTPRedactor = .default,
        request: HTTPRequest,
        body: HTTPBody? = nil,
        extra: [any HTTPMiddleware] = []
    ) async throws -> HTTPResponse {
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: stub,
            middlewares: extra + [LoggingMiddleware(logger: store.logger(), redactor: redactor)])
        return try await client.send(request, body: body, options: RequestOptions(operation: "patient.read")).0
    }

    @Test("Tokens, API keys, cookies, secret query values, INS and bodies never reach the log")
    func redaction() async throws {
        let store = LogStore()
        let stub = StubTransport()
        stub.expect(
            .post, "/fhir/Patient",
            respond: .json(#"{"name":"Dupont"}"#, headerFields: [.setCookie: "session=abcdef123"]))
        let request = Fixtures.request(
            .post, path: "/fhir/Patient?identifier=\(ins)&access_token=qwerty&_count=5",
            headerFields: [
                .authorization: "Bearer \(secretToken)", .apiKey: "api-key-value", .cookie: "sid=cookie-value",
                .accept: "application/json",
            ])
        _ = try await sendLogged(stub, store: store, request: request, body: HTTPBody(#"{"nir":"1850578123456"}"#))

        let logged = store.fullText
        for secret in [
            secretToken, "api-key-value", "cookie-value", "abcdef123", "qwerty", ins, "1850578123456", "Dupont",
        ] {
            #expect(!logged.contains(secret), "leaked \(secret)")
        }
        #expect(logged.contains("[REDACTED]"))
        #expect(logged.contains("_count=5"))
        #expect(logged.contains("application/json"))
        #expect(logged.contains("http.request.body=23 bytes"))
        #expect(store.all.map(\.message) == ["HTTP request", "HTTP response"])
    }

    @Test("Start and end messages carry method, URL, status, attempt and operation")
    func metadata() async throws {
        let store = LogStore()
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(204))
        _ = try await sendLogged(
            stub, store: store, request: Fixtures.request(headerFields: [.requestID: "req-1"]))
        let response = try #require(store.all.last)
        #expect(response.level == .debug)
        #expect(response.metadata["http.method"]?.description == "GET")
        #expect(response.metadata["http.url"]?.description == "https://api.example.fr/fhir/Patient")
        #expect(response.metadata["http.status"]?.description == "204")
        #expect(response.metadata["http.attempt"]?.description == "1")
        #expect(response.metadata["santekit.operation"]?.description == "patient.read")
        #expect(response.metadata["http.request_id"]?.description == "req-1")
        #expect(response.metadata["http.duration_ms"] != nil)
    }

    @Test("Failures are logged at warning with the error code, and every attempt is logged")
    func failures() async throws {
        let store = LogStore()
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .error(Fixtures.transportError(requestWasSent: false)))
        stub.expect(.get, "/fhir/Patient", respond: .status(503))
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        _ = try await sendLogged(
            stub, store: store, request: Fixtures.request(),
            extra: [RetryMiddleware(clock: TestClock(mode: .automatic))])
        let records = store.all
        #expect(records.count == 6)
        let failure = try #require(records.first { $0.message == "HTTP request failed" })
        #expect(failure.level == .warning)
        #expect(failure.metadata["error.code"]?.description == "transport")
        #expect(failure.metadata["error.request_was_sent"]?.description == "false")
        let serverError = try #require(records.first { $0.metadata["http.status"]?.description == "503" })
        #expect(serverError.level == .warning)
        #expect(records.compactMap { $0.metadata["http.attempt"]?.description } == ["1", "1", "2", "2", "3", "3"])
    }

    @Test("The allow-list lets a chosen header through")
    func allowList() async throws {
        let store = LogStore()
        let stub = StubTransport()
        stub.expect(.post, "/fhir/Patient", respond: .status(201))
        _ = try await sendLogged(
            stub, store: store, redactor: HTTPRedactor(allowedHeaderNames: ["Idempotency-Key"]),
            request: Fixtures.request(.post, headerFields: [.idempotencyKey: "idem-42", .authorization: "Bearer x1y2"]))
        #expect(store.fullText.contains("idem-42"))
        #expect(!store.fullText.contains("x1y2"))
    }

    @Test("A logger above debug level records only failures")
    func levels() async throws {
        let store = LogStore()
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: stub,
            middlewares: [LoggingMiddleware(logger: store.logger(level: .info))])
        _ = try await client.send(Fixtures.request())
        #expect(store.all.isEmpty)
    }
}
