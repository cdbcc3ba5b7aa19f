import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import SanteAsyncHTTPClient
import SanteCore
import SanteHTTP
import SanteMockPlatform
import Testing

@Suite("AsyncHTTPClientTransport against the mock platform")
struct AsyncHTTPClientTransportTests {
    @Test("A request without an absolute http(s) URL is refused as .validation, with nothing sent")
    func relativeRequest() async throws {
        let transport = AsyncHTTPClientTransport()
        for request in [
            HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/fhir/Patient"),
            HTTPRequest(method: .get, scheme: "ftp", authority: "example.org", path: "/file"),
        ] {
            let error = await #expect(throws: SanteHTTPError.self) {
                _ = try await transport.send(request, body: nil, context: RequestContext())
            }
            #expect(error?.code == .validation)
            #expect(error?.requestWasSent == false)
        }
    }

    @Test("Many concurrent requests share the transport's connection pool", .timeLimit(.minutes(3)))
    func concurrentRequests() async throws {
        try await withPlatform { platform in
            let transport = AsyncHTTPClientTransport(
                configuration: AsyncHTTPClientTransport.Configuration(connectTimeout: .seconds(30)))
            let indices = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        let (response, body) = try await transport.send(
                            mockRequest(platform, .get, "/_mock/echo?n=\(index)"), body: nil, context: RequestContext())
                        #expect(response.status == .ok)
                        let echo = try JSONDecoder().decode(Echo.self, from: try await collect(body))
                        return Int(echo.query.dropFirst(2)) ?? -1
                    }
                }
                return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
            }
            #expect(indices == Set(0..<40))
        }
    }

    @Test("A response body outlives the transport that returned it", .timeLimit(.minutes(3)))
    func bodyOutlivesTransport() async throws {
        try await withPlatform { platform in
            @Sendable func fetch() async throws -> HTTPBody? {
                let transport = AsyncHTTPClientTransport()
                return try await transport.send(
                    mockRequest(platform, .get, "/_mock/bytes?count=200000"), body: nil, context: RequestContext()
                ).1
            }
            let body = try await fetch()
            #expect(try await collect(body) == bytesPattern(count: 200_000))
        }
    }

    @Test("A body of unknown length sent with an announced Content-Length keeps it", .timeLimit(.minutes(3)))
    func announcedContentLength() async throws {
        try await withPlatform { platform in
            let stream = AsyncStream<[UInt8]> { continuation in
                continuation.yield(Array("hello ".utf8))
                continuation.yield(Array("world".utf8))
                continuation.finish()
            }
            var fields = HTTPFields()
            fields[.contentLength] = "11"
            fields[.transferEncoding] = "chunked"
            let (_, body) = try await AsyncHTTPClientTransport().send(
                mockRequest(platform, .post, "/_mock/echo", headerFields: fields), body: HTTPBody(stream),
                context: RequestContext())
            let echo = try JSONDecoder().decode(Echo.self, from: try await collect(body))
            #expect(echo.headers["content-length"] == "11")
            #expect(echo.headers["transfer-encoding"] == nil)
            #expect(Data(base64Encoded: echo.bodyBase64) == Data("hello world".utf8))
        }
    }

    @Test("The timeout bounds the wait for the head; a slow body keeps streaming", .timeLimit(.minutes(3)))
    func timeoutCoversTheHeadOnly() async throws {
        try await withPlatform { platform in
            // 12 chunks 1.5 s apart: the body takes 16.5 s, beyond the 12 s timeout (which is generous for the
            // head, as the whole suite runs in parallel on small machines).
            await platform.faults.inject(
                MockFault(.slowDrip(chunkSize: 1000, interval: .milliseconds(1500)), phase: .afterHandler),
                on: MockRoute(path: "/_mock/bytes"), count: 1)
            let transport = AsyncHTTPClientTransport(
                configuration: AsyncHTTPClientTransport.Configuration(timeout: .seconds(12)))
            let started = ContinuousClock.now
            let (_, body) = try await transport.send(
                mockRequest(platform, .get, "/_mock/bytes?count=12000"), body: nil, context: RequestContext())
            #expect(try await collect(body) == bytesPattern(count: 12_000))
            #expect(ContinuousClock.now - started > .seconds(16))
        }
    }

    @Test("The read timeout ends a body that stalls, with .timeout", .timeLimit(.minutes(3)))
    func readTimeoutDuringBody() async throws {
        try await withPlatform { platform in
            // The first chunk comes with the head, the next one 120 s later: the 20 s read timeout fires between.
            // (20 s, not less: the whole suite runs in parallel on 2 cores, and the head must not time out.)
            await platform.faults.inject(
                MockFault(.slowDrip(chunkSize: 1000, interval: .seconds(120)), phase: .afterHandler),
                on: MockRoute(path: "/_mock/bytes"), count: 1)
            let transport = AsyncHTTPClientTransport(
                configuration: AsyncHTTPClientTransport.Configuration(readTimeout: .seconds(20)))
            let (response, body) = try await transport.send(
                mockRequest(platform, .get, "/_mock/bytes?count=5000"), body: nil, context: RequestContext())
            #expect(response.status == .ok)
            let reading = ContinuousClock.now
            let error = await #expect(throws: SanteHTTPError.self) { _ = try await collect(body) }
            #expect(error?.code == .timeout)
            #expect(error?.requestWasSent == true)
            #expect(ContinuousClock.now - reading < .seconds(100))
        }
    }

    @Test("Cancelling the task that reads a streaming body ends it with .cancelled", .timeLimit(.minutes(3)))
    func cancelWhileReadingBody() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(
                MockFault(.slowDrip(chunkSize: 100, interval: .seconds(30)), phase: .afterHandler),
                on: MockRoute(path: "/_mock/bytes"), count: 1)
            let transport = AsyncHTTPClientTransport()
            let (_, body) = try await transport.send(
                mockRequest(platform, .get, "/_mock/bytes?count=2000"), body: nil, context: RequestContext())
            let reader = Task { try await collect(body) }
            try await Task.sleep(for: .milliseconds(200))
            let cancelled = ContinuousClock.now
            reader.cancel()
            let error = try #require(await reader.result.failure as? SanteHTTPError)
            #expect(error.code == .cancelled)
            // Well before the next chunk is due: cancellation does not wait for the network.
            #expect(ContinuousClock.now - cancelled < .seconds(10))
        }
    }

    @Test("A caller's HTTPClient is used as is and never shut down by the transport", .timeLimit(.minutes(3)))
    func callerOwnedClient() async throws {
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        do {
            try await withPlatform { platform in
                do {
                    let transport = AsyncHTTPClientTransport(
                        configuration: AsyncHTTPClientTransport.Configuration(client: client))
                    let (response, body) = try await transport.send(
                        mockRequest(platform, .get, "/_mock/echo"), body: nil, context: RequestContext())
                    #expect(response.status == .ok)
                    _ = try await collect(body)
                }
                // The transport is gone; the client still works.
                let direct = try await client.execute(
                    HTTPClientRequest(url: platform.baseURL.absoluteString + "/_mock/echo"), timeout: .seconds(10))
                let bytes = try await direct.body.collect(upTo: 1 << 20)
                let echo = try JSONDecoder().decode(Echo.self, from: Data(bytes.readableBytesView))
                #expect(echo.path == "/_mock/echo")
            }
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()

        // Once the caller shuts the client down, requests fail with a clear .configuration error.
        let transport = AsyncHTTPClientTransport(configuration: AsyncHTTPClientTransport.Configuration(client: client))
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await transport.send(
                HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1:9", path: "/"), body: nil,
                context: RequestContext())
        }
        #expect(error?.code == .configuration)
        #expect(error?.requestWasSent == false)
    }
}
