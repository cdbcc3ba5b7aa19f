public import HTTPTypes
public import SanteCore

/// Fails a request with a `.timeout` ``SanteHTTPError`` when the rest of the pipeline takes too long.
///
/// The time allowed is the request's ``RequestOptions/timeout`` when set, otherwise this middleware's
/// ``timeout`` (the client's default); `nil` for both means no limit. The rest of the pipeline races
/// against a sleep on the injected ``SanteClock`` and is cancelled when the sleep wins, so tests drive
/// timeouts with a `TestClock` instead of waiting. On ``SystemClock`` the middleware does not sleep: each
/// request's deadline goes into a table served by one timer per middleware, which costs far less per
/// request than a sleeping task and keeps nothing after the request ends. That timer counts the system's
/// uptime, which on Apple platforms stops while the device sleeps: time asleep does not count against the
/// limit. A limit beyond a century is no limit.
///
/// Placed outside the retry middleware (the standard order), the limit covers the whole logical request,
/// back-off included; placed inside, it limits each attempt. The limit covers the time until the
/// response head arrives; a streaming response body is then bounded by the transport's own timeouts.
public struct TimeoutMiddleware: HTTPMiddleware {
    /// The default time allowed, used when the request options give none.
    public let timeout: Duration?
    private let clock: any SanteClock
    /// The shared timer used on the system clock; `nil` on other clocks, which race a `sleep` instead.
    let deadlineTimer: DeadlineTimer?

    /// Creates the middleware.
    /// - Parameters:
    ///   - timeout: The default time allowed; `nil` means no limit unless the request sets one.
    ///   - clock: The clock to measure time with (default ``SystemClock``).
    public init(timeout: Duration?, clock: any SanteClock = SystemClock()) {
        self.timeout = timeout
        self.clock = clock
        self.deadlineTimer = clock is SystemClock ? DeadlineTimer() : nil
    }

    /// Runs the rest of the pipeline against the time allowed.
    /// - Throws: ``SanteHTTPError`` with code `.timeout` when time runs out, or what the pipeline throws.
    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext,
        next: HTTPHandler
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let limit = context.options.timeout ?? timeout else {
            return try await next(request, body, context)
        }
        let outcome: RaceOutcome
        if let deadlineTimer {
            outcome = try await Self.race(next, request, body, context, limit: limit, timer: deadlineTimer)
        } else {
            outcome = try await Self.race(next, request, body, context, limit: limit, clock: clock)
        }
        switch outcome {
        case .finished(let response, let body):
            return (response, body)
        case .timedOut:
            throw SanteHTTPError(
                code: .timeout,
                message: "no response within \(Self.describe(limit))",
                operation: context.operation,
                method: request.method,
                url: HTTPRedactor.default.redactedURL(of: request),
                isRetryable: true
            )
        }
    }

    private enum RaceOutcome: Sendable {
        case finished(HTTPResponse, HTTPBody?)
        case timedOut
    }

    /// Runs the pipeline in a child task and registers its deadline with the shared timer: no second task
    /// and no timer of its own per request. When the deadline wins, leaving the scope cancels the child and
    /// waits for it, so `next` does not outlive this call.
    private static func race(
        _ next: HTTPHandler,
        _ request: HTTPRequest,
        _ body: HTTPBody?,
        _ context: RequestContext,
        limit: Duration,
        timer: DeadlineTimer
    ) async throws -> RaceOutcome {
        let race = TimeoutRace()
        guard let entry = timer.add(race, after: limit) else {
            // A limit of more than a century: nothing to race.
            let (response, body) = try await next(request, body, context)
            return .finished(response, body)
        }
        async let result = runDeciding(race, next, request, body, context)
        switch await race.outcome() {
        case .finished:
            timer.remove(entry)
            let (response, body) = try await result.get()
            return .finished(response, body)
        case .timedOut:
            return .timedOut
        }
    }

    private static func runDeciding(
        _ race: TimeoutRace,
        _ next: HTTPHandler,
        _ request: HTTPRequest,
        _ body: HTTPBody?,
        _ context: RequestContext
    ) async -> Result<(HTTPResponse, HTTPBody?), any Error> {
        defer { race.decide(.finished) }
        do {
            return .success(try await next(request, body, context))
        } catch {
            return .failure(error)
        }
    }

    /// Races the pipeline against a sleep on `clock` (a test clock, or any clock other than the system's).
    private static func race(
        _ next: HTTPHandler,
        _ request: HTTPRequest,
        _ body: HTTPBody?,
        _ context: RequestContext,
        limit: Duration,
        clock: any SanteClock
    ) async throws -> RaceOutcome {
        // The task group waits for both children before returning, so `next` does not outlive this call.
        try await withoutActuallyEscaping(next) { next in
            try await withThrowingTaskGroup(of: RaceOutcome.self) { group in
                group.addTask {
                    let (response, body) = try await next(request, body, context)
                    return .finished(response, body)
                }
                group.addTask {
                    try await clock.sleep(for: limit)
                    return .timedOut
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { return RaceOutcome.timedOut }
                return first
            }
        }
    }

    static func describe(_ duration: Duration) -> String {
        let seconds = duration.timeInterval
        if seconds < 1 { return "\(Int((seconds * 1000).rounded())) ms" }
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
