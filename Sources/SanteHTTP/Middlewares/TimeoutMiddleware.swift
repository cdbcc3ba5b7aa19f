public import HTTPTypes
public import SanteCore

/// Fails a request with a `.timeout` ``SanteHTTPError`` when the rest of the pipeline takes too long.
///
/// The time allowed is the request's ``RequestOptions/timeout`` when set, otherwise this middleware's
/// ``timeout`` (the client's default); `nil` for both means no limit. A limit beyond a century is no limit.
///
/// How the limit is kept depends on the clock and on what lies below the middleware:
/// - On a clock other than ``SystemClock`` (a `TestClock` in tests), the rest of the pipeline races against a
///   sleep on that clock and is cancelled when the sleep wins, so tests drive timeouts by advancing the clock.
/// - On ``SystemClock``, the request's deadline travels with it to the transport. When every step between this
///   middleware and the transport is one of SanteKit's standard middlewares, and the transport is
///   ``URLSessionTransport`` or the AsyncHTTPClient transport, the transport itself ends the request when the
///   deadline passes, with this middleware's error: the middleware adds no task and no thread hop. Otherwise (a
///   middleware of your own below it, or another transport) the rest of the pipeline runs in a child task whose
///   deadline sits in a table served by one timer per middleware, which keeps nothing after the request ends.
///   Deadlines count the system's uptime, which on Apple platforms stops while the device sleeps: time asleep
///   does not count against the limit.
///
/// Placed outside the retry middleware (the standard order), the limit covers the whole logical request,
/// back-off included: on the system clock the retry middleware does not start a back-off that would end past the
/// deadline, and returns the last response (or throws the last error) instead. Placed inside, it limits each
/// attempt. The limit covers the time until the response head arrives; a streaming response body is then bounded
/// by the transport's own timeouts. When the transport keeps the deadline, a wait for an access token counts
/// against the limit but is not cut short by it: the token provider's own timeouts bound it (SanteKit's providers
/// use their client's).
public struct TimeoutMiddleware: HTTPMiddleware, DeadlineHonouringMiddleware {
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
            guard let deadline = RequestDeadline(after: limit, timer: deadlineTimer) else {
                // A limit of more than a century: nothing to race.
                return try await next(request, body, context)
            }
            var context = context
            context.deadline = deadline.earliest(with: context.deadline)
            outcome = try await Self.race(next, request, body, context, deadline: deadline)
        } else {
            outcome = try await Self.race(next, request, body, context, limit: limit, clock: clock)
        }
        switch outcome {
        case .finished(let response, let body):
            return (response, body)
        case .timedOut:
            throw Self.timeoutError(limit: limit, request: request, context: context)
        }
    }

    /// Runs the rest of the pipeline with the deadline in its context and no race, for a pipeline whose every
    /// step below honours the deadline and whose transport enforces it (`makePipeline` decides): no child task,
    /// no thread hop. On a clock other than the system's, the same as ``intercept(_:body:context:next:)``.
    func interceptLeavingDeadlineToTransport(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext,
        next: HTTPHandler
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let deadlineTimer else {
            return try await intercept(request, body: body, context: context, next: next)
        }
        guard let limit = context.options.timeout ?? timeout,
            let deadline = RequestDeadline(after: limit, timer: deadlineTimer)
        else {
            return try await next(request, body, context)
        }
        var context = context
        context.deadline = deadline.earliest(with: context.deadline)
        return try await next(request, body, context)
    }

    /// The error of a request that ran out of time.
    static func timeoutError(limit: Duration, request: HTTPRequest, context: RequestContext) -> SanteHTTPError {
        SanteHTTPError(
            code: .timeout,
            message: "no response within \(describe(limit))",
            operation: context.operation,
            method: request.method,
            url: HTTPRedactor.default.redactedURL(of: request),
            isRetryable: true
        )
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
        deadline: RequestDeadline
    ) async throws -> RaceOutcome {
        let race = TimeoutRace()
        let entry = deadline.timer.add(race, atUptime: deadline.uptimeNanoseconds)
        async let result = runDeciding(race, next, request, body, context)
        switch await race.outcome() {
        case .finished:
            deadline.timer.remove(entry)
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
