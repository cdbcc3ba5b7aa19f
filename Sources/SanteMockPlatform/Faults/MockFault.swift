/// A misbehaviour the mock applies to matching requests, to test how clients cope.
///
/// ```swift
/// await platform.faults.inject(MockFault(.status(503, retryAfter: "1")), on: MockRoute(path: "/dmp/fhir/*"), count: 2)
/// await platform.faults.inject(MockFault(.connectionReset, phase: .afterHandler), on: MockRoute(path: "/_mock/echo"))
/// ```
public struct MockFault: Sendable, Hashable {
    /// What the fault does.
    public enum Kind: Sendable, Hashable {
        /// Waits for a fixed duration (on the platform clock), then lets the request proceed normally.
        case latency(Duration)
        /// Waits for a duration drawn uniformly from the range with the platform's seeded generator.
        case randomLatency(ClosedRange<Duration>)
        /// Answers with this status. `retryAfter` becomes the `Retry-After` header; `body` is sent as is
        /// (as `application/json` when it parses as JSON, `text/plain` otherwise). Without a body the
        /// answer is a JSON error object. A status outside 200...599 is answered as 500.
        case status(Int, retryAfter: String? = nil, body: String? = nil)
        /// Resets the connection (TCP RST through `SO_LINGER` 0) without sending any response.
        case connectionReset
        /// Announces the full `Content-Length`, sends half of the body, then closes the connection.
        case truncatedBody
        /// Sends a body that is not valid JSON, labelled `Content-Type: application/json`.
        case malformedJSON
        /// Announces the full `Content-Length`, sends the first `bytes` bytes of the body (all of it when it is
        /// shorter), then resets the connection (TCP RST through `SO_LINGER` 0), as a connection dropped in the
        /// middle of a download. With ``Phase/afterHandler`` the handler's status and headers (`ETag`,
        /// `Content-Range`, …) are kept, so a client can resume with `Range` from the bytes it received.
        case connectionResetAfterBodyBytes(Int)
        /// Sends the body in chunks of `chunkSize` bytes (at least 1), pausing `interval` (on the platform
        /// clock) between chunks.
        case slowDrip(chunkSize: Int, interval: Duration)

        /// The kind's name, as recorded in ``MockRequestRecord/faultApplied``: `latency`, `randomLatency`, `status`,
        /// `connectionReset`, `truncatedBody`, `malformedJSON`, `slowDrip`, `connectionResetAfterBodyBytes`, as `POST
        /// /_mock/faults` accepts them.
        public var name: String {
            switch self {
            case .latency: "latency"
            case .randomLatency: "randomLatency"
            case .status: "status"
            case .connectionReset: "connectionReset"
            case .truncatedBody: "truncatedBody"
            case .malformedJSON: "malformedJSON"
            case .slowDrip: "slowDrip"
            case .connectionResetAfterBodyBytes: "connectionResetAfterBodyBytes"
            }
        }
    }

    /// When the fault applies relative to the route handler.
    public enum Phase: String, Sendable, Hashable, CaseIterable {
        /// Before the handler: the handler never runs (latency delays it instead) and the fault answers.
        case beforeHandler
        /// After the handler ran and committed its effect: the fault then delays, replaces or mangles the response.
        case afterHandler
    }

    /// What the fault does.
    public var kind: Kind
    /// When the fault applies.
    public var phase: Phase

    /// Creates a fault.
    /// - Parameters:
    ///   - kind: What the fault does.
    ///   - phase: When it applies; ``Phase/beforeHandler`` by default.
    public init(_ kind: Kind, phase: Phase = .beforeHandler) {
        self.kind = kind
        self.phase = phase
    }
}
