import Foundation
import HTTPTypes
import SanteCore
import Testing

@testable import SanteHTTP

/// A timeout middleware on the system clock puts its deadline in the context; when every step below it honours the
/// deadline and the transport enforces it, it leaves the deadline to the transport instead of racing.
@Suite("Deadline propagation", .timeLimit(.minutes(1)))
struct DeadlinePropagationTests {
    /// A transport that says it enforces deadlines but does not: it records the deadline it saw and answers after
    /// `delay`, with `status`. A race above it shows as a `.timeout`; no race shows as its answer.
    struct RecordingTransport: HTTPTransport, DeadlineEnforcingTransport {
        var delay: Duration = .zero
        var status: HTTPResponse.Status = .ok
        var headerFields: HTTPFields = [:]
        let deadlines = Recorder<RequestDeadline?>()

        func send(
            _ request: HTTPRequest, body: HTTPBody?, context: RequestContext
        ) async throws -> (HTTPResponse, HTTPBody?) {
            deadlines.record(context.deadline)
            if delay > .zero { try await Task.sleep(for: delay) }
            return (HTTPResponse(status: status, headerFields: headerFields), nil)
        }
    }

    /// The same, without claiming to enforce deadlines.
    struct PlainTransport: HTTPTransport {
        var inner: RecordingTransport

        func send(
            _ request: HTTPRequest, body: HTTPBody?, context: RequestContext
        ) async throws -> (HTTPResponse, HTTPBody?) {
            try await inner.send(request, body: body, context: context)
        }
    }

    func client(_ transport: any HTTPTransport, _ middlewares: [any HTTPMiddleware]) -> SanteHTTPClient {
        SanteHTTPClient(baseURL: Fixtures.baseURL, transport: transport, middlewares: middlewares)
    }

    @Test("Standard middlewares over an enforcing transport: the deadline travels and nothing races")
    func leftToTheTransport() async throws {
        let transport = RecordingTransport(delay: .milliseconds(300))
        let middlewares = try SanteHTTPClient.standardMiddlewares(
            timeout: .milliseconds(50), logger: LogStore().logger())
        let (response, _) = try await client(transport, middlewares).send(Fixtures.request())
        // The transport ignored the deadline and answered after 300 ms: had the middleware raced, this would be a
        // `.timeout`.
        #expect(response.status == .ok)
        let deadline = try #require(transport.deadlines.all.first ?? nil)
        #expect(deadline.limit == .milliseconds(50))
        #expect(deadline.hasPassed)
    }

    @Test("A middleware that does not honour deadlines, below the timeout, keeps the race")
    func customMiddlewareKeepsTheRace() async throws {
        let transport = RecordingTransport(delay: .seconds(30))
        let passThrough = ClosureMiddleware { request, body, context, next in try await next(request, body, context) }
        let middlewares: [any HTTPMiddleware] = [TimeoutMiddleware(timeout: .milliseconds(50)), passThrough]
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client(transport, middlewares).send(Fixtures.request())
        }
        #expect(error?.code == .timeout)
        #expect(error?.message == "no response within 50 ms")
        // The deadline still reaches the transport, which may enforce it too.
        #expect(transport.deadlines.all.first??.limit == .milliseconds(50))
    }

    @Test("A transport that does not enforce deadlines keeps the race")
    func plainTransportKeepsTheRace() async throws {
        let inner = RecordingTransport(delay: .seconds(30))
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client(PlainTransport(inner: inner), [TimeoutMiddleware(timeout: .milliseconds(50))])
                .send(Fixtures.request())
        }
        #expect(error?.code == .timeout)
    }

    @Test("Nested timeouts: the earliest deadline travels, whichever middleware set it")
    func earliestDeadlineTravels() async throws {
        let transport = RecordingTransport()
        let outerFirst: [any HTTPMiddleware] = [
            TimeoutMiddleware(timeout: .milliseconds(100)), TimeoutMiddleware(timeout: .seconds(10)),
        ]
        let innerFirst: [any HTTPMiddleware] = [
            TimeoutMiddleware(timeout: .seconds(10)), TimeoutMiddleware(timeout: .milliseconds(100)),
        ]
        _ = try await client(transport, outerFirst).send(Fixtures.request())
        _ = try await client(transport, innerFirst).send(Fixtures.request())
        #expect(transport.deadlines.all.map { $0?.limit } == [.milliseconds(100), .milliseconds(100)])
        // A request's own timeout replaces the middleware's.
        _ = try await client(transport, [TimeoutMiddleware(timeout: .seconds(10))])
            .send(Fixtures.request(), options: RequestOptions(timeout: .seconds(2)))
        #expect(transport.deadlines.all.last??.limit == .seconds(2))
    }

    @Test("No deadline without a limit, beyond a century, or on a test clock")
    func noDeadline() async throws {
        let transport = RecordingTransport()
        _ = try await client(transport, [TimeoutMiddleware(timeout: nil)]).send(Fixtures.request())
        _ = try await client(transport, [TimeoutMiddleware(timeout: .seconds(Int64.max))]).send(Fixtures.request())
        _ = try await client(transport, [TimeoutMiddleware(timeout: .seconds(1), clock: TestClock())])
            .send(Fixtures.request())
        #expect(transport.deadlines.all.count == 3)
        #expect(transport.deadlines.all.allSatisfy { $0 == nil })
    }

    @Test("The retry middleware does not start a back-off that would end past the deadline")
    func retryStopsBeforeTheDeadline() async throws {
        // Retry-After asks for 5 s; the request has 1 s: the 503 comes back at once, after one attempt.
        let transport = RecordingTransport(status: .serviceUnavailable, headerFields: [.retryAfter: "5"])
        let accounting = HTTPAccounting()
        let middlewares = try SanteHTTPClient.standardMiddlewares(
            retryPolicy: RetryPolicy(maximumAttempts: 3, maximumBackoff: .seconds(10)),
            timeout: .seconds(1), logger: LogStore().logger(), accounting: accounting)
        let started = ContinuousClock.now
        let (response, _) = try await client(transport, middlewares).send(Fixtures.request())
        #expect(response.status == .serviceUnavailable)
        #expect(accounting.snapshot().total.requests == 1)
        #expect(ContinuousClock.now - started < .seconds(1))

        // With time for the back-off, it retries as before.
        let roomy = try SanteHTTPClient.standardMiddlewares(
            retryPolicy: RetryPolicy(
                maximumAttempts: 2, initialBackoff: .milliseconds(1), maximumBackoff: .milliseconds(5)),
            timeout: .seconds(30), logger: LogStore().logger(), accounting: accounting)
        accounting.reset()
        _ = try await client(RecordingTransport(status: .serviceUnavailable), roomy).send(Fixtures.request())
        #expect(accounting.snapshot().total.requests == 2)
    }

    @Test("RequestDeadline: passing, room for a wait, the earliest of two, no deadline beyond a century")
    func requestDeadline() throws {
        let timer = DeadlineTimer()
        let soon = try #require(RequestDeadline(after: .seconds(1), timer: timer))
        let later = try #require(RequestDeadline(after: .seconds(60), timer: timer))
        #expect(!soon.hasPassed)
        #expect(soon.leavesTime(for: .milliseconds(100)))
        #expect(!soon.leavesTime(for: .seconds(2)))
        #expect(!soon.leavesTime(for: .seconds(Int64.max)))
        #expect(soon.earliest(with: later) == soon)
        #expect(later.earliest(with: soon) == soon)
        #expect(later.earliest(with: nil) == later)
        #expect(try #require(RequestDeadline(after: .zero, timer: timer)).hasPassed)
        #expect(RequestDeadline(after: .seconds(Int64.max), timer: timer) == nil)
    }
}
