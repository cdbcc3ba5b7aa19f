import Foundation
import HTTPTypes
import SanteCore
import Testing

@testable import SanteHTTP

/// The system-clock path: deadlines in one shared timer instead of a sleeping task per request.
@Suite("TimeoutMiddleware on the system clock", .timeLimit(.minutes(1)))
struct TimeoutMiddlewareSystemClockTests {
    /// A transport that answers `/fast` at once and never answers `/slow` (until cancelled).
    struct FastAndSlowTransport: HTTPTransport {
        var cancelled = Counter()
        var started = Counter()

        func send(
            _ request: HTTPRequest, body: HTTPBody?, context: RequestContext
        ) async throws -> (HTTPResponse, HTTPBody?) {
            if request.path == "/slow" {
                started.increment()
                do {
                    try await Task.sleep(for: .seconds(3600))
                } catch {
                    cancelled.increment()
                    throw error
                }
            }
            return (HTTPResponse(status: .ok), HTTPBody(#"{"ok":true}"#))
        }
    }

    func stub(cancelled: Counter = Counter(), started: Counter = Counter()) -> FastAndSlowTransport {
        FastAndSlowTransport(cancelled: cancelled, started: started)
    }

    func request(_ path: String) -> HTTPRequest {
        HTTPRequest(method: .get, scheme: "https", authority: "api.example.fr", path: path)
    }

    @Test("A request slower than its limit fails with .timeout, and the request is cancelled")
    func timesOut() async throws {
        let cancelled = Counter()
        let middleware = TimeoutMiddleware(timeout: .milliseconds(50))
        #expect(middleware.deadlineTimer != nil)
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: stub(cancelled: cancelled), middlewares: [middleware])
        let error = try #require(
            await #expect(throws: SanteHTTPError.self) {
                try await client.send(self.request("/slow"), options: RequestOptions(operation: "slow.get"))
            })
        #expect(error.code == .timeout)
        #expect(error.operation == "slow.get")
        #expect(error.message.contains("50 ms"))
        #expect(cancelled.count == 1)
        #expect(middleware.deadlineTimer?.pendingCount == 0)
    }

    @Test("Fast responses win, and their deadlines leave the table when they finish")
    func fastResponses() async throws {
        let middleware = TimeoutMiddleware(timeout: .seconds(60))
        let client = SanteHTTPClient(baseURL: Fixtures.baseURL, transport: stub(), middlewares: [middleware])
        for _ in 0..<50 {
            let (response, data) = try await client.data(for: request("/fast"))
            #expect(response.status == .ok)
            #expect(data == Data(#"{"ok":true}"#.utf8))
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<50 {
                group.addTask { _ = try await client.data(for: self.request("/fast")) }
            }
            try await group.waitForAll()
        }
        #expect(middleware.deadlineTimer?.pendingCount == 0)
    }

    @Test("A short deadline added after a long one still fires on time")
    func earlierDeadlineRearmsTheTimer() async throws {
        let middleware = TimeoutMiddleware(timeout: .seconds(3600))
        let client = SanteHTTPClient(baseURL: Fixtures.baseURL, transport: stub(), middlewares: [middleware])
        let long = Task { try await client.send(self.request("/slow")) }
        while middleware.deadlineTimer?.pendingCount != 1 { await Task.yield() }
        // With the timer left set for the one-hour deadline, this would outlive the suite's time limit.
        let error = try #require(
            await #expect(throws: SanteHTTPError.self) {
                try await client.send(self.request("/slow"), options: RequestOptions(timeout: .milliseconds(30)))
            })
        #expect(error.code == .timeout)
        #expect(middleware.deadlineTimer?.pendingCount == 1)
        long.cancel()
        let cancelled = try #require(await long.result.failure as? SanteHTTPError)
        #expect(cancelled.code == .cancelled)
        #expect(middleware.deadlineTimer?.pendingCount == 0)
    }

    @Test("Many concurrent requests each meet their own deadline")
    func mixedConcurrentRequests() async throws {
        let middleware = TimeoutMiddleware(timeout: .seconds(60))
        let client = SanteHTTPClient(baseURL: Fixtures.baseURL, transport: stub(), middlewares: [middleware])
        // Slow requests get a short limit of their own; fast ones keep the long default, so a loaded machine
        // cannot turn a fast request into a timeout.
        let outcomes = await withTaskGroup(of: (Bool, SanteErrorCode?).self) { group in
            for index in 0..<40 {
                let slow = index.isMultiple(of: 2)
                let options = RequestOptions(timeout: slow ? .milliseconds(40) : nil)
                group.addTask {
                    do {
                        _ = try await client.data(for: self.request(slow ? "/slow" : "/fast"), options: options)
                        return (slow, nil)
                    } catch let error as SanteHTTPError {
                        return (slow, error.code)
                    } catch {
                        return (slow, .transport)
                    }
                }
            }
            var outcomes: [(Bool, SanteErrorCode?)] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        #expect(outcomes.count == 40)
        #expect(outcomes.filter { $0.0 }.allSatisfy { $0.1 == .timeout })
        #expect(outcomes.filter { !$0.0 }.allSatisfy { $0.1 == nil })
        #expect(middleware.deadlineTimer?.pendingCount == 0)
    }

    @Test("Cancelling the caller cancels the request and removes its deadline")
    func cancellation() async throws {
        let cancelled = Counter()
        let middleware = TimeoutMiddleware(timeout: .seconds(3600))
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: stub(cancelled: cancelled), middlewares: [middleware])
        let task = Task { try await client.send(self.request("/slow")) }
        while middleware.deadlineTimer?.pendingCount != 1 { await Task.yield() }
        task.cancel()
        let error = try #require(await task.result.failure as? SanteHTTPError)
        #expect(error.code == .cancelled)
        #expect(cancelled.count == 1)
        #expect(middleware.deadlineTimer?.pendingCount == 0)
    }

    @Test("A zero limit times out at once")
    func zeroLimit() async throws {
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: stub(), middlewares: [TimeoutMiddleware(timeout: .seconds(60))])
        let error = try #require(
            await #expect(throws: SanteHTTPError.self) {
                try await client.send(self.request("/slow"), options: RequestOptions(timeout: .zero))
            })
        #expect(error.code == .timeout)
    }

    @Test(
        "A limit beyond a century never fires and adds nothing to the table; one just below it is kept",
        arguments: [(Duration.seconds(Int64.max), 0), (.seconds(10_000_000_000), 0), (.seconds(99 * 365 * 86_400), 1)])
    func hugeLimits(limit: Duration, entries: Int) async throws {
        let started = Counter()
        let middleware = TimeoutMiddleware(timeout: limit)
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: stub(started: started), middlewares: [middleware])
        let (response, _) = try await client.data(for: request("/fast"))
        #expect(response.status == .ok)
        let slow = Task { try await client.send(self.request("/slow")) }
        while started.count == 0 { await Task.yield() }
        // A deadline computed wrongly (wrapped round to now) would be in the table, and would soon fire.
        #expect(middleware.deadlineTimer?.pendingCount == entries)
        slow.cancel()
        let error = try #require(await slow.result.failure as? SanteHTTPError)
        #expect(error.code == .cancelled)
        #expect(middleware.deadlineTimer?.pendingCount == 0)
    }

    @Test("A test clock keeps the sleeping race")
    func testClockKeepsTheRace() {
        #expect(TimeoutMiddleware(timeout: .seconds(1), clock: TestClock()).deadlineTimer == nil)
    }
}
