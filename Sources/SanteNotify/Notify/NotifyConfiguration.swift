public import Foundation
public import Logging
public import SanteCore
public import SanteHTTP

/// How a ``NotifyClient`` reaches Notify: base URL, API key, clock and pipeline settings.
public struct NotifyConfiguration: Sendable {
    /// GOV.UK Notify's API: `https://api.notifications.service.gov.uk` (there is no sandbox host: use a
    /// test key).
    public static let productionURL = URL(string: "https://api.notifications.service.gov.uk")

    /// The API's root, the part before `/v2`. A path prefix is kept: with
    /// `http://127.0.0.1:8080/notify`, requests go to `/notify/v2/...`.
    public var baseURL: URL
    /// The API key.
    public var apiKey: NotifyAPIKey
    /// The clock JWTs are issued on and back-off sleeps on (default `SystemClock`).
    public var clock: any SanteClock
    /// The clock the per-request timeout runs on, when it must differ from ``clock`` (a test that drives
    /// back-off with a `TestClock` in automatic mode passes a `SystemClock` here).
    public var timeoutClock: (any SanteClock)?
    /// How requests are retried. Reads are retried on 408, 429, 5xx and transport failures; sends only
    /// when nothing reached Notify (see ``NotifyClient``).
    public var retryPolicy: RetryPolicy
    /// The time allowed for one request, retries included (default 30 s).
    public var timeout: Duration?
    /// The application's `User-Agent` product token, such as `"MonCabinet/2.3"`.
    public var appProduct: String?
    /// The logger for request logs (redacted).
    public var logger: Logger

    /// Creates a configuration.
    /// - Parameters:
    ///   - baseURL: The API's root.
    ///   - apiKey: The API key.
    ///   - clock: The clock for JWTs and back-off.
    ///   - timeoutClock: The clock for timeouts, when different.
    ///   - retryPolicy: How requests are retried (default `RetryPolicy.default`).
    ///   - timeout: The time allowed for one request (default 30 s).
    ///   - appProduct: The `User-Agent` product token.
    ///   - logger: The logger (default: discards everything).
    public init(
        baseURL: URL,
        apiKey: NotifyAPIKey,
        clock: any SanteClock = SystemClock(),
        timeoutClock: (any SanteClock)? = nil,
        retryPolicy: RetryPolicy = .default,
        timeout: Duration? = .seconds(30),
        appProduct: String? = nil,
        logger: Logger = Logger(label: "santekit.notify", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.clock = clock
        self.timeoutClock = timeoutClock
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.appProduct = appProduct
        self.logger = logger
    }
}
