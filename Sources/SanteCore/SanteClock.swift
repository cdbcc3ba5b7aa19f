public import Foundation

/// The source of time for everything in SanteKit that reads the wall clock or waits.
///
/// Production code uses ``SystemClock``. Tests inject a ``TestClock`` and advance it by hand,
/// so that token expiry, retry back-off and webhook tolerance windows are tested without sleeping.
public protocol SanteClock: Sendable {
    /// The current wall-clock time.
    func now() -> Date

    /// Suspends the caller for `duration`.
    ///
    /// - Throws: `CancellationError` when the calling task is cancelled while waiting.
    func sleep(for duration: Duration) async throws
}

/// The real clock: `Date()` and `Task.sleep`.
public struct SystemClock: SanteClock {
    /// Creates the system clock.
    public init() {}

    /// The current wall-clock time.
    public func now() -> Date { Date() }

    /// Suspends the caller with `Task.sleep`, which throws on cancellation.
    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}

extension Duration {
    /// The duration as a (possibly fractional) number of seconds.
    public var timeInterval: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }

    /// A duration from a number of seconds given as a `TimeInterval`, rounded to the nanosecond.
    ///
    /// The conversion saturates instead of trapping: NaN gives `.zero`, and a value beyond what a
    /// `Duration` can hold with a 64-bit seconds component (about ±292 billion years, including
    /// ±infinity) gives `Int64.max` or `Int64.min` seconds.
    /// - Parameter seconds: The number of seconds, possibly fractional, negative, infinite or NaN.
    /// - Returns: The duration.
    public static func interval(_ seconds: TimeInterval) -> Duration {
        guard !seconds.isNaN else { return .zero }
        // 2^63, exactly representable as a Double; Int64 covers [-2^63, 2^63).
        let limit = TimeInterval(sign: .plus, exponent: 63, significand: 1)
        if seconds >= limit { return .seconds(Int64.max) }
        if seconds <= -limit { return .seconds(Int64.min) }
        let whole = seconds.rounded(.towardZero)
        let nanoseconds = ((seconds - whole) * 1e9).rounded()
        return .seconds(Int64(whole)) + .nanoseconds(Int64(nanoseconds))
    }
}
