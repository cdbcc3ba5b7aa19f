import Dispatch
package import HTTPTypes

/// The moment by which a request's response head must arrive, set by a ``TimeoutMiddleware`` on the system clock.
///
/// It travels in ``RequestContext/deadline``. Transports that can enforce it (``DeadlineEnforcingTransport``) fail
/// the request with ``timeoutError(for:context:)`` once it passes; the retry middleware never starts a back-off
/// that would end past it. A timeout middleware whose every step below honours it leaves the deadline to the
/// transport instead of racing the rest of the pipeline in a child task (see `makePipeline`).
package struct RequestDeadline: Sendable, Hashable {
    /// The system uptime, in nanoseconds (`DispatchTime`, the clock of SwiftNIO's `NIODeadline`), at which time runs
    /// out.
    package let uptimeNanoseconds: UInt64
    /// The time the request was allowed, for the error message.
    package let limit: Duration
    /// The timer of the middleware that set the deadline, which transports register with.
    package let timer: DeadlineTimer

    /// The deadline `limit` from now, served by `timer`; `nil` when `limit` is beyond
    /// ``DeadlineTimer/longestWait`` (no limit).
    package init?(after limit: Duration, timer: DeadlineTimer) {
        guard let uptime = DeadlineTimer.uptime(after: limit) else { return nil }
        self.uptimeNanoseconds = uptime
        self.limit = limit
        self.timer = timer
    }

    /// Whether the deadline has passed.
    package var hasPassed: Bool {
        DispatchTime.now().uptimeNanoseconds >= uptimeNanoseconds
    }

    /// Whether a wait of `duration` starting now ends before the deadline.
    package func leavesTime(for duration: Duration) -> Bool {
        guard let end = DeadlineTimer.uptime(after: duration) else { return false }
        return end < uptimeNanoseconds
    }

    /// This deadline or `other`, whichever comes first.
    package func earliest(with other: RequestDeadline?) -> RequestDeadline {
        guard let other, other.uptimeNanoseconds < uptimeNanoseconds else { return self }
        return other
    }

    /// The error of a request whose deadline passed: the same as a ``TimeoutMiddleware`` throws.
    package func timeoutError(for request: HTTPRequest, context: RequestContext) -> SanteHTTPError {
        TimeoutMiddleware.timeoutError(limit: limit, request: request, context: context)
    }

    package static func == (lhs: RequestDeadline, rhs: RequestDeadline) -> Bool {
        lhs.uptimeNanoseconds == rhs.uptimeNanoseconds && lhs.limit == rhs.limit && lhs.timer === rhs.timer
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(uptimeNanoseconds)
        hasher.combine(limit)
        hasher.combine(ObjectIdentifier(timer))
    }
}

/// A middleware that waits on nothing but the rest of the pipeline, or bounds its own waits by the context's
/// ``RequestDeadline``: a ``TimeoutMiddleware`` above it may leave the deadline to the transport.
package protocol DeadlineHonouringMiddleware: HTTPMiddleware {}

/// A transport that fails a request with ``RequestDeadline/timeoutError(for:context:)`` when the context's deadline
/// passes before the response head arrives.
package protocol DeadlineEnforcingTransport: HTTPTransport {}
