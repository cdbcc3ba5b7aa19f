import Foundation
import HTTPTypes
import SanteAsyncHTTPClient
import SanteCore
import SanteHTTP
import SanteMockPlatform
import Testing

@Suite("AsyncHTTPClientTransport under SanteHTTPClient and its middlewares")
struct PipelineTests {
    private func client(_ platform: MockPlatform, middlewares: [any HTTPMiddleware] = []) -> SanteHTTPClient {
        SanteHTTPClient(
            baseURL: platform.baseURL(for: .controls), transport: AsyncHTTPClientTransport(), middlewares: middlewares)
    }

    @Test("A reset before the handler is retried for a GET and the retry succeeds", .timeLimit(.minutes(3)))
    func resetRetried() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(MockFault(.connectionReset), on: MockRoute(path: "/_mock/echo"), count: 1)
            let client = client(platform, middlewares: [RetryMiddleware(clock: TestClock(mode: .automatic))])
            let echo = try await client.getJSON("echo", as: Echo.self)
            #expect(echo.method == "GET")
            #expect(await platform.requestLog.entries(forPath: "/_mock/echo").map(\.handlerRan) == [false, true])
        }
    }

    @Test("A reset after the handler ran fails a POST once, without a retry", .timeLimit(.minutes(3)))
    func resetAfterCommitNotRetried() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(
                MockFault(.connectionReset, phase: .afterHandler), on: MockRoute(path: "/_mock/echo"), count: 1)
            let client = client(platform, middlewares: [RetryMiddleware(clock: TestClock(mode: .automatic))])
            let error = await #expect(throws: SanteHTTPError.self) {
                _ = try await client.sendJSON(.post, "echo", body: ["order": 1], as: Echo.self)
            }
            #expect(error?.code == .transport)
            #expect(error?.requestWasSent != false)
            #expect(await platform.requestLog.entries(forPath: "/_mock/echo").map(\.handlerRan) == [true])
        }
    }

    @Test("A truncated body read through the client is a .transport error", .timeLimit(.minutes(3)))
    func truncatedThroughClient() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(
                MockFault(.truncatedBody, phase: .afterHandler), on: MockRoute(path: "/_mock/bytes"), count: 1)
            let client = client(platform)
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

    @Test("Malformed JSON reaches the decoder, which reports .decoding", .timeLimit(.minutes(3)))
    func malformedJSONDecoding() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(
                MockFault(.malformedJSON, phase: .afterHandler), on: MockRoute(path: "/_mock/echo"), count: 1)
            let error = await #expect(throws: SanteHTTPError.self) {
                _ = try await client(platform).getJSON("echo", as: Echo.self)
            }
            #expect(error?.code == .decoding)
            #expect(error?.httpStatus == 200)
        }
    }

    @Test("Request and response bodies travel intact through the client", .timeLimit(.minutes(3)))
    func bodiesRoundTrip() async throws {
        try await withPlatform { platform in
            let payload = Data((0..<300_000).map { UInt8(($0 * 7) % 256) })
            let client = client(platform)
            let request = try client.makeRequest(.put, path: "echo")
            let echo = try await client.decode(Echo.self, for: request, body: HTTPBody(payload))
            #expect(Data(base64Encoded: echo.bodyBase64) == payload)
        }
    }
}
