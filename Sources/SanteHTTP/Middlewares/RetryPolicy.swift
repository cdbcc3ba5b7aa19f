public import HTTPTypes

/// How the ``RetryMiddleware`` retries: how many attempts, how long to wait, and for how long in total.
///
/// Waits follow exponential back-off with full jitter: before retry *n* (1-based) the middleware waits a
/// random duration between zero and `min(maximumBackoff, initialBackoff × 2^(n-1))`. A `Retry-After`
/// header on the failed response replaces that wait, capped at ``maximumBackoff``.
public struct RetryPolicy: Sendable, Hashable {
    /// The most attempts of one request, the first included (at least 1).
    public var maximumAttempts: Int
    /// The ceiling of the first back-off.
    public var initialBackoff: Duration
    /// The ceiling of every wait, `Retry-After` included.
    public var maximumBackoff: Duration
    /// The longest time from the first attempt to the start of the last one: a retry whose wait would
    /// end later is not made.
    public var maximumTotalDuration: Duration
    /// Whether a `Retry-After` header (seconds or HTTP-date) sets the wait.
    public var honoursRetryAfter: Bool

    /// Three attempts, back-off from 500 ms up to 30 s, 60 s in total, `Retry-After` honoured.
    public static let `default` = RetryPolicy()

    /// A single attempt: nothing is retried.
    public static let none = RetryPolicy(maximumAttempts: 1)

    /// Creates a policy.
    /// - Parameters:
    ///   - maximumAttempts: The most attempts, the first included; values below 1 count as 1.
    ///   - initialBackoff: The ceiling of the first back-off (default 500 ms).
    ///   - maximumBackoff: The ceiling of every wait, `Retry-After` included (default 30 s).
    ///   - maximumTotalDuration: The longest time spent on one request before its last attempt starts
    ///     (default 60 s).
    ///   - honoursRetryAfter: Whether `Retry-After` sets the wait (default `true`).
    public init(
        maximumAttempts: Int = 3,
        initialBackoff: Duration = .milliseconds(500),
        maximumBackoff: Duration = .seconds(30),
        maximumTotalDuration: Duration = .seconds(60),
        honoursRetryAfter: Bool = true
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.initialBackoff = max(.zero, initialBackoff)
        self.maximumBackoff = max(.zero, maximumBackoff)
        self.maximumTotalDuration = max(.zero, maximumTotalDuration)
        self.honoursRetryAfter = honoursRetryAfter
    }

    /// The largest back-off before retry number `retry` (1 for the first retry), before jitter.
    /// - Parameter retry: The retry's number, starting at 1.
    /// - Returns: `min(maximumBackoff, initialBackoff × 2^(retry-1))`.
    public func backoffCeiling(forRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let ceiling = initialBackoff * (1 << exponent)
        return min(ceiling, maximumBackoff)
    }

    /// The wait before retry number `retry` with full jitter.
    /// - Parameters:
    ///   - retry: The retry's number, starting at 1.
    ///   - random: A fraction between 0 and 1 (values outside are clamped).
    /// - Returns: `random × backoffCeiling(forRetry: retry)`.
    public func backoff(forRetry retry: Int, random: Double) -> Duration {
        backoffCeiling(forRetry: retry) * min(max(random, 0), 1)
    }

    /// Whether a method may be repeated without changing the outcome (RFC 9110 §9.2.2):
    /// GET, HEAD, OPTIONS, PUT, DELETE and TRACE.
    /// - Parameter method: The request method.
    /// - Returns: `true` for idempotent methods.
    public static func isIdempotent(_ method: HTTPRequest.Method) -> Bool {
        switch method {
        case .get, .head, .options, .put, .delete, .trace: true
        default: false
        }
    }
}
