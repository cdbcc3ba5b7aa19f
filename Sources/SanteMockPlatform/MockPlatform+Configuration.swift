public import Logging
public import SanteCore

extension MockPlatform {
    /// How to start a ``MockPlatform``.
    public struct Configuration: Sendable {
        /// The default maximum size of a request body: 256 MiB.
        public static let defaultMaximumRequestBodySize = 256 * 1024 * 1024

        /// The host to bind, such as `"127.0.0.1"` (the default) or `"::1"`.
        public var host: String
        /// The TCP port to bind; `0` (the default) lets the system pick a free port.
        public var port: Int
        /// The seed of every random choice the mock makes (random latency, generated data).
        ///
        /// The documented test identities (``MockIdentities/default``) never depend on it.
        public var seed: UInt64
        /// The clock used for timestamps, injected latency and slow drips.
        public var clock: any SanteClock
        /// The logger, or `nil` to log nothing. The mock never bootstraps the global logging system.
        public var logger: Logger?
        /// The largest request body accepted, in bytes; a larger body gets `413` with a JSON body.
        public var maximumRequestBodySize: Int
        /// The size of the open-data benchmark files (``OpenDataScale/small`` by default).
        public var openDataScale: OpenDataScale
        /// The number of requests the ``MockPlatform/requestLog`` keeps (10 000 by default); older ones are
        /// forgotten, so that a long-running mock does not grow without limit. `0` keeps none.
        public var requestLogCapacity: Int
        /// The Notify API's rate limit: requests per rolling 60 seconds of the platform clock (3000 by default);
        /// beyond it, `429 RateLimitError`.
        public var notifyRateLimit: Int
        /// The Notify API's daily send limit (UTC days of the platform clock; 250 000 by default); beyond it,
        /// `429 TooManyRequestsError`.
        public var notifyDailyLimit: Int
        /// The largest page of the Notify API's lists, from 1 to 250 (250 by default, as the real service).
        public var notifyPageSize: Int
        /// HTTPS and mutual TLS (see ``MockTLS``), or `nil` (the default) for plain HTTP on one listener.
        public var tls: MockTLS?

        /// Creates a configuration.
        /// - Parameters:
        ///   - host: The host to bind.
        ///   - port: The TCP port to bind; `0` picks a free port.
        ///   - seed: The seed of every random choice the mock makes.
        ///   - clock: The clock for timestamps, latency and slow drips.
        ///   - logger: The logger, or `nil` to log nothing.
        ///   - maximumRequestBodySize: The largest request body accepted, in bytes.
        ///   - openDataScale: The size of the open-data benchmark files.
        ///   - requestLogCapacity: The number of requests the request log keeps (default 10 000).
        ///   - notifyRateLimit: The Notify requests accepted per rolling 60 seconds (default 3000).
        ///   - notifyDailyLimit: The Notify messages accepted per UTC day (default 250 000).
        ///   - notifyPageSize: The largest page of the Notify lists, from 1 to 250 (default 250).
        ///   - tls: HTTPS and mutual TLS, or `nil` (the default) for plain HTTP.
        public init(
            host: String = "127.0.0.1",
            port: Int = 0,
            seed: UInt64 = 1,
            clock: any SanteClock = SystemClock(),
            logger: Logger? = nil,
            maximumRequestBodySize: Int = Configuration.defaultMaximumRequestBodySize,
            openDataScale: OpenDataScale = .small,
            requestLogCapacity: Int = MockRequestLog.defaultCapacity,
            notifyRateLimit: Int = 3000,
            notifyDailyLimit: Int = 250_000,
            notifyPageSize: Int = 250,
            tls: MockTLS? = nil
        ) {
            self.host = host
            self.port = port
            self.seed = seed
            self.clock = clock
            self.logger = logger
            self.maximumRequestBodySize = maximumRequestBodySize
            self.openDataScale = openDataScale
            self.requestLogCapacity = requestLogCapacity
            self.notifyRateLimit = notifyRateLimit
            self.notifyDailyLimit = notifyDailyLimit
            self.notifyPageSize = notifyPageSize
            self.tls = tls
        }

        /// Checks the values that would otherwise fail late, with an unclear error.
        func validate() throws(ValidationError) {
            var issues: [ValidationIssue] = []
            if host.isEmpty {
                issues.append(ValidationIssue(field: "host", reason: "must not be empty"))
            }
            if !(0...65_535).contains(port) {
                issues.append(ValidationIssue(field: "port", reason: "must be between 0 and 65535, got \(port)"))
            }
            if maximumRequestBodySize < 0 {
                issues.append(
                    ValidationIssue(
                        field: "maximumRequestBodySize", reason: "must not be negative, got \(maximumRequestBodySize)"))
            }
            if requestLogCapacity < 0 {
                issues.append(
                    ValidationIssue(
                        field: "requestLogCapacity", reason: "must not be negative, got \(requestLogCapacity)"))
            }
            if notifyRateLimit < 1 {
                issues.append(
                    ValidationIssue(field: "notifyRateLimit", reason: "must be at least 1, got \(notifyRateLimit)"))
            }
            if notifyDailyLimit < 1 {
                issues.append(
                    ValidationIssue(field: "notifyDailyLimit", reason: "must be at least 1, got \(notifyDailyLimit)"))
            }
            if !(1...250).contains(notifyPageSize) {
                issues.append(
                    ValidationIssue(field: "notifyPageSize", reason: "must be between 1 and 250, got \(notifyPageSize)")
                )
            }
            if let tls {
                if !(0...65_535).contains(tls.mutualTLSPort) {
                    issues.append(
                        ValidationIssue(
                            field: "tls.mutualTLSPort", reason: "must be between 0 and 65535, got \(tls.mutualTLSPort)")
                    )
                } else if tls.mutualTLSPort != 0, tls.mutualTLSPort == port {
                    issues.append(ValidationIssue(field: "tls.mutualTLSPort", reason: "must differ from port"))
                }
            }
            let counts = [
                ("openDataScale.vacsiRowCount", openDataScale.vacsiRowCount),
                ("openDataScale.centreCount", openDataScale.centreCount),
            ]
            for (field, count) in counts where !(0...OpenDataScale.maximumCount).contains(count) {
                issues.append(
                    ValidationIssue(
                        field: field, reason: "must be between 0 and \(OpenDataScale.maximumCount), got \(count)"))
            }
            if !issues.isEmpty {
                throw ValidationError(operation: "mock.start", issues: issues)
            }
        }

        /// The logger to use: the injected one, or one that discards everything.
        var effectiveLogger: Logger {
            logger ?? Logger(label: "sante-mock", factory: { _ in SwiftLogNoOpLogHandler() })
        }
    }
}
