import Foundation
public import HTTPTypes
public import SanteCore

/// Sends a request again after a transient failure, following a ``RetryPolicy``.
///
/// What is retried:
/// - responses with status 408, 429 or 5xx (except 501 and 505);
/// - thrown ``SanteHTTPError``s with code `.transport` or `.timeout` that are ``SanteHTTPError/isRetryable``.
///
/// When it is safe to retry:
/// - never when the request body is single-pass (``HTTPBody/IterationBehavior/single``): it cannot be
///   replayed;
/// - never when the request options say ``RequestOptions/RetryEligibility/never``;
/// - always when the transport reports that nothing was sent (``SanteHTTPError/requestWasSent`` is `false`:
///   connection refused, DNS failure), or when the options say ``RequestOptions/RetryEligibility/always``;
/// - otherwise only for idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) or for a request that
///   carries an ``RequestOptions/idempotencyKey``.
///
/// Before every attempt it checks for cancellation; it sleeps on the injected ``SanteClock`` (so a
/// cancelled task stops waiting at once, and tests use a `TestClock`), and stops when the next attempt
/// would start after the policy's ``RetryPolicy/maximumTotalDuration``, or after the deadline a
/// ``TimeoutMiddleware`` above it set (on the system clock): a back-off never runs into a timeout. The body
/// of a failed response is read and discarded before the retry. When retries run out, the last response is
/// returned (or the last error thrown) as is.
public struct RetryMiddleware: HTTPMiddleware, DeadlineHonouringMiddleware {
    /// The retry policy.
    public let policy: RetryPolicy
    private let clock: any SanteClock
    private let random: @Sendable () -> Double

    /// Creates the middleware.
    /// - Parameters:
    ///   - policy: How many attempts and how long to wait (default ``RetryPolicy/default``).
    ///   - clock: The clock to sleep on and measure the total time with (default ``SystemClock``).
    ///   - random: Returns a fraction between 0 and 1 for the jitter (default: uniformly random).
    public init(
        policy: RetryPolicy = .default,
        clock: any SanteClock = SystemClock(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.policy = policy
        self.clock = clock
        self.random = random
    }

    /// Runs attempts until one succeeds, a failure is not retryable, or the policy's limits are reached.
    /// - Throws: `CancellationError` when the task is cancelled, or the last attempt's error.
    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext,
        next: HTTPHandler
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let start = clock.now()
        var attemptContext = context
        var attempt = 1
        while true {
            try Task.checkCancellation()
            attemptContext.attempt = attempt
            let failureWait: Duration?
            do {
                let (response, responseBody) = try await next(request, body, attemptContext)
                guard SanteHTTPError.isRetryableStatus(response.status.code),
                    attempt < policy.maximumAttempts,
                    isSafeToRetry(request, body: body, context: context, requestWasSent: true),
                    let wait = waitBeforeRetry(attempt, response: response, start: start, deadline: context.deadline)
                else {
                    return (response, responseBody)
                }
                await responseBody?.discard()
                failureWait = wait
            } catch {
                guard let wait = retryWait(after: error, attempt: attempt, request, body: body, context, start)
                else { throw error }
                failureWait = wait
            }
            if let failureWait, failureWait > .zero {
                try await clock.sleep(for: failureWait)
            }
            attempt += 1
        }
    }

    /// The wait before retrying after a thrown error, or `nil` when the error must be rethrown.
    private func retryWait(
        after error: any Error,
        attempt: Int,
        _ request: HTTPRequest,
        body: HTTPBody?,
        _ context: RequestContext,
        _ start: Date
    ) -> Duration? {
        guard attempt < policy.maximumAttempts,
            let failure = error as? SanteHTTPError,
            failure.code == .transport || failure.code == .timeout,
            failure.isRetryable,
            isSafeToRetry(request, body: body, context: context, requestWasSent: failure.requestWasSent)
        else { return nil }
        return waitBeforeRetry(attempt, response: nil, start: start, deadline: context.deadline)
    }

    /// Whether sending the request again cannot do harm.
    private func isSafeToRetry(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext,
        requestWasSent: Bool?
    ) -> Bool {
        if body?.iterationBehavior == .single { return false }
        switch context.options.retryEligibility {
        case .never: return false
        case .always: return true
        case .automatic:
            if requestWasSent == false { return true }
            return RetryPolicy.isIdempotent(request.method) || context.options.idempotencyKey != nil
        }
    }

    /// The wait before the next attempt, or `nil` when it would end past the policy's total duration or the
    /// request's deadline.
    private func waitBeforeRetry(
        _ attempt: Int,
        response: HTTPResponse?,
        start: Date,
        deadline: RequestDeadline?
    ) -> Duration? {
        var wait = policy.backoff(forRetry: attempt, random: random())
        if policy.honoursRetryAfter, let response,
            let requested = RetryAfter.delay(in: response.headerFields, now: clock.now())
        {
            wait = min(requested, policy.maximumBackoff)
        }
        let elapsed = Duration.interval(clock.now().timeIntervalSince(start))
        guard elapsed + wait <= policy.maximumTotalDuration else { return nil }
        if let deadline, !deadline.leavesTime(for: wait) { return nil }
        return wait
    }
}
