import Foundation
import HTTPTypes
import SanteCore
import Testing

@testable import SanteHTTP

@Suite("TimeoutMiddleware")
struct TimeoutMiddlewareTests {
    /// A stub whose only answer never comes (until cancelled).
    func hangingStub() -> StubTransport {
        let stub = StubTransport()
        stub.expect(
            .get, "/fhir/Patient",
            respond: .handler { _ in
                try await Task.sleep(for: .seconds(3600))
                return (HTTPResponse(status: .ok), nil)
            })
        return stub
    }

    @Test("A request slower than the timeout fails with .timeout when the TestClock passes it")
    func timesOut() async throws {
        let clock = TestClock()
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: hangingStub(),
            middlewares: [TimeoutMiddleware(timeout: .seconds(5), clock: clock)])
        let task = Task {
            try await client.send(Fixtures.request(), options: RequestOptions(operation: "patient.search"))
        }
        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(5))
        let error = try #require(await task.result.failure as? SanteHTTPError)
        #expect(error.code == .timeout)
        #expect(error.operation == "patient.search")
        #expect(error.message.contains("5 s"))
        #expect(error.url == "https://api.example.fr/fhir/Patient")
        #expect(clock.recordedSleeps == [.seconds(5)])
    }

    @Test("The request's own timeout overrides the client's")
    func requestOverride() async throws {
        let clock = TestClock()
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: hangingStub(),
            middlewares: [TimeoutMiddleware(timeout: .seconds(60), clock: clock)])
        let task = Task {
            try await client.send(Fixtures.request(), options: RequestOptions(timeout: .milliseconds(1500)))
        }
        await clock.waitForSleepers(1)
        #expect(clock.recordedSleeps == [.milliseconds(1500)])
        clock.advance(by: .milliseconds(1500))
        let error = try #require(await task.result.failure as? SanteHTTPError)
        #expect(error.code == .timeout)
        #expect(error.message.contains("1500 ms") || error.message.contains("1.5 s"))
    }

    @Test("A response before the deadline wins the race")
    func fastResponse() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .json(#"{"a":1}"#))
        let clock = TestClock()
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: stub,
            middlewares: [TimeoutMiddleware(timeout: .seconds(5), clock: clock)])
        let (response, data) = try await client.data(for: Fixtures.request())
        #expect(response.status == .ok)
        #expect(data == Data(#"{"a":1}"#.utf8))
        #expect(clock.sleeperCount == 0)
    }

    @Test("Without any timeout nothing races the request")
    func noTimeout() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(204))
        let clock = TestClock()
        let middleware = TimeoutMiddleware(timeout: nil, clock: clock)
        _ = try await run(middleware) { request, body, context in
            try await stub.send(request, body: body, context: context)
        }
        #expect(clock.recordedSleeps.isEmpty)
    }

    @Test("Cancelling the caller cancels a request waiting on its timeout")
    func cancellation() async throws {
        let clock = TestClock()
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: hangingStub(),
            middlewares: [TimeoutMiddleware(timeout: .seconds(5), clock: clock)])
        let task = Task { try await client.send(Fixtures.request()) }
        await clock.waitForSleepers(1)
        task.cancel()
        let error = try #require(await task.result.failure as? SanteHTTPError)
        #expect(error.code == .cancelled)
    }

    @Test("Durations are described readably")
    func describe() {
        #expect(TimeoutMiddleware.describe(.milliseconds(200)) == "200 ms")
        #expect(TimeoutMiddleware.describe(.seconds(2)) == "2 s")
        #expect(TimeoutMiddleware.describe(.milliseconds(2500)) == "2.5 s")
    }
}
