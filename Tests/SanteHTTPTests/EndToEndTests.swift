import Foundation
import HTTPTypes
import Logging
import SanteCore
import SanteMockPlatform
import Testing

@testable import SanteHTTP

/// The JSON the mock's `/_mock/echo` route answers with.
struct Echo: Decodable {
    let method: String
    let path: String
    let query: String
    let headers: [String: String]
    let bodyByteCount: Int
}

/// Starts a mock platform on 127.0.0.1:0, runs `body`, and stops the platform whatever happens.
func withPlatform<Result>(_ body: (MockPlatform) async throws -> Result) async throws -> Result {
    let platform = try await MockPlatform.start(MockPlatform.Configuration(host: "127.0.0.1", port: 0, seed: 1))
    do {
        let result = try await body(platform)
        await platform.stop()
        return result
    } catch {
        await platform.stop()
        throw error
    }
}

/// A client on the mock's controls (`/_mock`) through a fresh URLSessionTransport.
func controlsClient(
    _ platform: MockPlatform,
    middlewares: [any HTTPMiddleware] = [],
    transport: URLSessionTransport = URLSessionTransport()
) -> SanteHTTPClient {
    SanteHTTPClient(baseURL: platform.baseURL(for: .controls), transport: transport, middlewares: middlewares)
}

@Suite("End to end: URLSessionTransport against the mock platform")
struct EndToEndTests {
    @Test("A 503 is retried and the retry succeeds", .timeLimit(.minutes(3)))
    func retryOn503() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(
                MockFault(.status(503)), on: MockRoute(method: .get, path: "/_mock/echo"), count: 1)
            let clock = TestClock(mode: .automatic)
            let client = controlsClient(platform, middlewares: [RetryMiddleware(clock: clock, random: { 1 })])
            let echo = try await client.getJSON("echo", query: [URLQueryItem(name: "a", value: "1")], as: Echo.self)
            #expect(echo.method == "GET")
            #expect(echo.query == "a=1")
            let log = await platform.requestLog.entries(forPath: "/_mock/echo")
            #expect(log.map(\.status) == [503, 200])
            #expect(log.map(\.handlerRan) == [false, true])
            #expect(clock.recordedSleeps == [.milliseconds(500)])
        }
    }

    @Test("Retry-After from the server sets the client's wait", .timeLimit(.minutes(3)))
    func retryAfterHonoured() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(
                MockFault(.status(503, retryAfter: "2")), on: MockRoute(path: "/_mock/echo"), count: 1)
            let clock = TestClock(mode: .automatic)
            let client = controlsClient(platform, middlewares: [RetryMiddleware(clock: clock, random: { 0 })])
            let echo = try await client.getJSON("echo", as: Echo.self)
            #expect(echo.method == "GET")
            #expect(clock.recordedSleeps == [.seconds(2)])
            #expect(await platform.requestLog.entries(forPath: "/_mock/echo").count == 2)
        }
    }

    @Test("A POST without an idempotency key is not retried; with one it is", .timeLimit(.minutes(3)))
    func postRetryRules() async throws {
        try await withPlatform { platform in
            let clock = TestClock(mode: .automatic)
            let client = controlsClient(
                platform,
                middlewares: [
                    IdempotencyKeyMiddleware(headerName: .idempotencyKey), RetryMiddleware(clock: clock),
                ])
            await platform.faults.inject(
                MockFault(.status(503)), on: MockRoute(method: .post, path: "/_mock/echo"), count: 1)
            let error = await #expect(throws: SanteHTTPError.self) {
                _ = try await client.sendJSON(.post, "echo", body: ["a": 1], as: Echo.self)
            }
            #expect(error?.httpStatus == 503)
            #expect(await platform.requestLog.entries(forPath: "/_mock/echo").count == 1)

            await platform.requestLog.clear()
            await platform.faults.inject(
                MockFault(.status(503)), on: MockRoute(method: .post, path: "/_mock/echo"), count: 1)
            let echo = try await client.sendJSON(
                .post, "echo", body: ["a": 1], as: Echo.self, options: RequestOptions(idempotencyKey: "idem-7"))
            #expect(echo.headers["idempotency-key"] == "idem-7")
            #expect(echo.bodyByteCount == 7)
            #expect(await platform.requestLog.entries(forPath: "/_mock/echo").count == 2)
        }
    }

    @Test("A connection reset after the handler ran fails a POST once, without a retry", .timeLimit(.minutes(3)))
    func resetAfterCommit() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(
                MockFault(.connectionReset, phase: .afterHandler), on: MockRoute(path: "/_mock/echo"), count: 1)
            let client = controlsClient(platform, middlewares: [RetryMiddleware(clock: TestClock(mode: .automatic))])
            let error = await #expect(throws: SanteHTTPError.self) {
                _ = try await client.sendJSON(.post, "echo", body: ["order": 1], as: Echo.self)
            }
            #expect(error?.code == .transport)
            #expect(error?.requestWasSent != false)
            let log = await platform.requestLog.entries(forPath: "/_mock/echo")
            #expect(log.count == 1)
            #expect(log.first?.handlerRan == true)
            #expect(log.first?.status == nil)
        }
    }

    @Test("On a reused connection, a reset after the handler fails a POST at once", .timeLimit(.minutes(3)))
    func resetOnReusedConnection() async throws {
        try await withPlatform { platform in
            let transport = URLSessionTransport(configuration: .init(requestTimeout: .seconds(20)))
            let client = controlsClient(platform, transport: transport)
            let first = try await client.sendJSON(.post, "echo", body: ["n": 1], as: Echo.self)
            #if canImport(FoundationNetworking)
                #expect(first.headers["connection"] == "close")
            #endif
            await platform.requestLog.clear()
            await platform.faults.inject(
                MockFault(.connectionReset, phase: .afterHandler), on: MockRoute(path: "/_mock/echo"), count: 1)
            let started = ContinuousClock.now
            let error = await #expect(throws: SanteHTTPError.self) {
                _ = try await client.sendJSON(.post, "echo", body: ["n": 2], as: Echo.self)
            }
            #expect(error?.code == .transport)
            #expect(ContinuousClock.now - started < .seconds(40), "a reset fails the request, it does not stall it")
            #expect(await platform.requestLog.entries(forPath: "/_mock/echo").map(\.handlerRan) == [true])
        }
    }

    @Test("A connection reset before the handler is retried for a GET", .timeLimit(.minutes(3)))
    func resetBeforeHandlerRetried() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(MockFault(.connectionReset), on: MockRoute(path: "/_mock/echo"), count: 1)
            let client = controlsClient(platform, middlewares: [RetryMiddleware(clock: TestClock(mode: .automatic))])
            let echo = try await client.getJSON("echo", as: Echo.self)
            #expect(echo.method == "GET")
            let log = await platform.requestLog.entries(forPath: "/_mock/echo")
            #expect(log.map(\.handlerRan) == [false, true])
        }
    }

    @Test("A slow server hits the client's timeout", .timeLimit(.minutes(3)))
    func timeout() async throws {
        try await withPlatform { platform in
            // The server would answer after 60 s; the bound below only proves the timeout fired long before.
            await platform.faults.inject(MockFault(.latency(.seconds(60))), on: MockRoute(path: "/_mock/echo"))
            let client = controlsClient(
                platform, middlewares: [TimeoutMiddleware(timeout: .milliseconds(200), clock: SystemClock())])
            let started = ContinuousClock.now
            let error = await #expect(throws: SanteHTTPError.self) {
                _ = try await client.getJSON("echo", as: Echo.self, options: RequestOptions(operation: "echo.read"))
            }
            #expect(error?.code == .timeout)
            #expect(error?.operation == "echo.read")
            #expect(ContinuousClock.now - started < .seconds(40))
        }
    }

    @Test("The transport's own request timeout gives .timeout too", .timeLimit(.minutes(3)))
    func transportTimeout() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(MockFault(.latency(.seconds(60))), on: MockRoute(path: "/_mock/echo"))
            let transport = URLSessionTransport(configuration: .init(requestTimeout: .milliseconds(300)))
            let client = controlsClient(platform, transport: transport)
            let started = ContinuousClock.now
            let error = await #expect(throws: SanteHTTPError.self) {
                _ = try await client.getJSON("echo", as: Echo.self)
            }
            #expect(error?.code == .timeout)
            #expect(ContinuousClock.now - started < .seconds(40))
        }
    }

    @Test("Cancelling an in-flight request ends it promptly with .cancelled", .timeLimit(.minutes(3)))
    func cancellation() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(MockFault(.latency(.seconds(60))), on: MockRoute(path: "/_mock/echo"))
            let client = controlsClient(platform)
            let started = ContinuousClock.now
            let task = Task { try await client.getJSON("echo", as: Echo.self) }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            let error = try #require(await task.result.failure as? SanteHTTPError)
            #expect(error.code == .cancelled)
            #expect(ContinuousClock.now - started < .seconds(40))
        }
    }

    @Test("A truncated body gives a clear .transport error", .timeLimit(.minutes(3)))
    func truncatedBody() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(
                MockFault(.truncatedBody, phase: .afterHandler), on: MockRoute(path: "/_mock/bytes"), count: 1)
            let client = controlsClient(platform)
            let request = try client.makeRequest(
                .get, path: "bytes", query: [URLQueryItem(name: "count", value: "4000")])
            let error = await #expect(throws: SanteHTTPError.self) {
                _ = try await client.data(for: request, options: RequestOptions(retryEligibility: .never))
            }
            #expect(error?.code == .transport)
            #expect(error?.message.contains("truncated") == true)
            #expect(error?.requestWasSent == true)
        }
    }

    @Test("Malformed JSON gives a .decoding error", .timeLimit(.minutes(3)))
    func malformedJSON() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(
                MockFault(.malformedJSON, phase: .afterHandler), on: MockRoute(path: "/_mock/echo"), count: 1)
            let error = await #expect(throws: SanteHTTPError.self) {
                _ = try await controlsClient(platform).getJSON("echo", as: Echo.self)
            }
            #expect(error?.code == .decoding)
            #expect(error?.httpStatus == 200)
            #expect(error?.codingPath != nil)
            #expect(error?.responseBody?.isEmpty == false)
        }
    }

    @Test("A slow drip still completes with every byte", .timeLimit(.minutes(3)))
    func slowDrip() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(
                MockFault(.slowDrip(chunkSize: 128, interval: .milliseconds(20)), phase: .afterHandler),
                on: MockRoute(path: "/_mock/bytes"), count: 1)
            let accounting = HTTPAccounting()
            let client = controlsClient(platform, middlewares: [AccountingMiddleware(accounting: accounting)])
            let request = try client.makeRequest(
                .get, path: "bytes", query: [URLQueryItem(name: "count", value: "1024")])
            let (response, data) = try await client.data(for: request)
            #expect(response.status == .ok)
            #expect(data.count == 1024)
            #expect(Array(data) == (0..<1024).map { UInt8($0 % 251) })
            #expect(await platform.requestLog.entries(forPath: "/_mock/bytes").first?.faultApplied == "slowDrip")
            let host = "127.0.0.1:\(platform.port)"
            #expect(accounting.snapshot().hosts[host]?.bytesReceived == 1024)
        }
    }

    @Test("Logs of a request with a token and an INS in the query are redacted", .timeLimit(.minutes(3)))
    func redactedLogs() async throws {
        try await withPlatform { platform in
            let store = LogStore()
            let token = "eyJraWQiOiJ0ZXN0In0.cGF5bG9hZA.c2lnbmF0dXJl"
            let ins = "285022A12345678"
            let client = controlsClient(
                platform,
                middlewares: try SanteHTTPClient.standardMiddlewares(
                    tokenProvider: ClosureTokenProvider { token }, logger: store.logger(),
                    clock: TestClock(mode: .automatic), timeoutClock: SystemClock()))
            let echo = try await client.getJSON(
                "echo",
                query: [
                    URLQueryItem(name: "identifier", value: "urn:oid:1.2.250.1.213.1.4.8|\(ins)"),
                    URLQueryItem(name: "_count", value: "1"),
                ],
                as: Echo.self)
            #expect(echo.headers["authorization"] == "Bearer \(token)")
            #expect(echo.query.contains(ins))
            #expect(echo.headers["user-agent"] == "SanteKit/0.1.0")
            #expect(echo.headers["x-request-id"] != nil)

            let logged = store.fullText
            #expect(!logged.contains(token))
            #expect(!logged.contains(ins))
            #expect(logged.contains("[REDACTED]"))
            #expect(logged.contains("_count=1"))
            #expect(store.all.map(\.message) == ["HTTP request", "HTTP response"])
        }
    }

    @Test("Request and response bodies travel intact both ways", .timeLimit(.minutes(3)))
    func bodiesRoundTrip() async throws {
        try await withPlatform { platform in
            let payload = Data((0..<300_000).map { UInt8($0 % 256) })
            let client = controlsClient(platform)
            let request = try client.makeRequest(.put, path: "echo")
            struct FullEcho: Decodable { let bodyBase64: String }
            let echo = try await client.decode(FullEcho.self, for: request, body: HTTPBody(payload))
            #expect(Data(base64Encoded: echo.bodyBase64) == payload)
        }
    }
}
