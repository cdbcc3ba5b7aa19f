import Synchronization

/// Counts what a client sends and receives, per host, readable at any time.
///
/// The platform's rules ask services to measure their footprint; an ``AccountingMiddleware`` holding
/// this object records every attempt. Share one instance between several clients to get a total.
///
/// ```swift
/// let accounting = HTTPAccounting()
/// // ... pass it to SanteHTTPClient.standardMiddlewares(accounting: accounting) ...
/// let snapshot = accounting.snapshot()
/// print(snapshot.total.requests, snapshot.hosts["api.example.fr"]?.bytesReceived ?? 0)
/// ```
public final class HTTPAccounting: Sendable {
    private let state = Mutex(HTTPAccountingSnapshot())

    /// Creates an empty account.
    public init() {}

    /// The counters as they are now.
    /// - Returns: A copy of the counters, total and per host.
    public func snapshot() -> HTTPAccountingSnapshot {
        state.withLock { $0 }
    }

    /// Sets every counter back to zero.
    public func reset() {
        state.withLock { $0 = HTTPAccountingSnapshot() }
    }

    /// Applies `change` to the host's counters and to the total.
    func record(host: String, _ change: (inout HTTPHostStatistics) -> Void) {
        state.withLock { snapshot in
            change(&snapshot.total)
            change(&snapshot.hosts[host, default: HTTPHostStatistics()])
        }
    }
}

/// The counters of an ``HTTPAccounting`` at one moment.
public struct HTTPAccountingSnapshot: Sendable, Hashable {
    /// The sum over every host.
    public var total: HTTPHostStatistics
    /// The counters of each host, keyed by authority (`host` or `host:port`, lowercased).
    public var hosts: [String: HTTPHostStatistics]

    /// Creates a snapshot.
    /// - Parameters:
    ///   - total: The sum over every host.
    ///   - hosts: The counters of each host.
    public init(total: HTTPHostStatistics = HTTPHostStatistics(), hosts: [String: HTTPHostStatistics] = [:]) {
        self.total = total
        self.hosts = hosts
    }
}

/// What was exchanged with one host (or in total).
public struct HTTPHostStatistics: Sendable, Hashable {
    /// Attempts handed to the transport (a retried request counts once per attempt).
    public var requests: Int
    /// Attempts after the first one of their logical request.
    public var retries: Int
    /// Attempts that ended in a thrown error (no response).
    public var errors: Int
    /// Responses with a 4xx status.
    public var clientErrorResponses: Int
    /// Responses with a 5xx status.
    public var serverErrorResponses: Int
    /// Request body bytes read by the transport, counted as the body streams.
    public var bytesSent: Int64
    /// Response body bytes read by the caller, counted as the body streams.
    public var bytesReceived: Int64

    /// Creates counters.
    /// - Parameters:
    ///   - requests: Attempts handed to the transport.
    ///   - retries: Attempts after the first.
    ///   - errors: Attempts that threw.
    ///   - clientErrorResponses: 4xx responses.
    ///   - serverErrorResponses: 5xx responses.
    ///   - bytesSent: Request body bytes.
    ///   - bytesReceived: Response body bytes.
    public init(
        requests: Int = 0,
        retries: Int = 0,
        errors: Int = 0,
        clientErrorResponses: Int = 0,
        serverErrorResponses: Int = 0,
        bytesSent: Int64 = 0,
        bytesReceived: Int64 = 0
    ) {
        self.requests = requests
        self.retries = retries
        self.errors = errors
        self.clientErrorResponses = clientErrorResponses
        self.serverErrorResponses = serverErrorResponses
        self.bytesSent = bytesSent
        self.bytesReceived = bytesReceived
    }
}
