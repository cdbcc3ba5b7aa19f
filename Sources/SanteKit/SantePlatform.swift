public import Foundation
public import HTTPTypes
public import Logging

/// One configuration for every SanteKit client: the environment, the transport, and the shared
/// middleware settings.
///
/// A platform is a cheap value with no shutdown ritual. Make one at start-up and ask it for clients:
///
/// ```swift
/// let platform = SantePlatform(environment: .production, logger: logger)
/// let http = try platform.httpClient(for: .openData)
/// ```
///
/// Every client made from the same platform shares its ``accounting``, so a service can read its
/// footprint (requests, bytes, retries, per host) at any time.
public struct SantePlatform: Sendable {
    /// Where each service lives.
    public var environment: SanteEnvironment
    /// How requests travel. The default is ``URLSessionTransport``; Linux servers that need mutual TLS,
    /// streaming or many concurrent requests pass the `SanteAsyncHTTPClient` transport.
    public var transport: any HTTPTransport
    /// The logger for request logs (redacted). The default discards everything.
    public var logger: Logger
    /// The clock for back-off and token lifetimes.
    public var clock: any SanteClock
    /// The clock that bounds each request (``timeout``). It is separate from ``clock`` because a
    /// `TestClock` in automatic mode returns from every sleep at once: driving timeouts with it would
    /// time out every request. The default is ``SystemClock``.
    public var timeoutClock: any SanteClock
    /// How failed requests are retried.
    public var retryPolicy: RetryPolicy
    /// The default time allowed for one request, retries included (`nil` for none).
    public var timeout: Duration?
    /// The application's `User-Agent` product token, such as `"MonCabinet/2.3"`.
    public var appProduct: String?
    /// What is hidden from logs and error messages.
    public var redactor: HTTPRedactor
    /// The requests, bytes and retries of every client made from this platform.
    public let accounting: HTTPAccounting

    /// Creates a platform configuration.
    /// - Parameters:
    ///   - environment: Where each service lives.
    ///   - transport: How requests travel (default ``URLSessionTransport``).
    ///   - logger: The logger for request logs (default: discards everything).
    ///   - clock: The clock for back-off and token lifetimes (default ``SystemClock``).
    ///   - timeoutClock: The clock that bounds each request (default ``SystemClock``).
    ///   - retryPolicy: How failed requests are retried (default ``RetryPolicy/default``).
    ///   - timeout: The default time allowed for one request (default 60 seconds).
    ///   - appProduct: The application's `User-Agent` product token.
    ///   - redactor: What is hidden from logs (default ``HTTPRedactor/default``).
    ///   - accounting: Where requests are counted (default: a new, empty ``HTTPAccounting``).
    public init(
        environment: SanteEnvironment,
        transport: any HTTPTransport = URLSessionTransport(),
        logger: Logger = Logger(label: "santekit", factory: { _ in SwiftLogNoOpLogHandler() }),
        clock: any SanteClock = SystemClock(),
        timeoutClock: any SanteClock = SystemClock(),
        retryPolicy: RetryPolicy = .default,
        timeout: Duration? = .seconds(60),
        appProduct: String? = nil,
        redactor: HTTPRedactor = .default,
        accounting: HTTPAccounting = HTTPAccounting()
    ) {
        self.environment = environment
        self.transport = transport
        self.logger = logger
        self.clock = clock
        self.timeoutClock = timeoutClock
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.appProduct = appProduct
        self.redactor = redactor
        self.accounting = accounting
    }

    /// An HTTP client for one of the platform's services, with the standard middleware chain.
    ///
    /// - Parameters:
    ///   - service: The service to talk to.
    ///   - tokenProvider: Where access tokens come from, or `nil` for an unauthenticated API.
    ///   - idempotencyKeyHeaderName: The header the service reads idempotency keys from, if any.
    /// - Returns: The client, based at the service's endpoint.
    /// - Throws: ``SantePlatformError`` when the environment has no endpoint for `service`, when `service` is
    ///   ``SanteService/proSanteConnect`` (use ``proSanteConnect(clientID:clientAuthentication:redirectURI:configure:)``),
    ///   or when the configuration is invalid (for example a malformed `appProduct`).
    public func httpClient(
        for service: SanteService,
        tokenProvider: (any TokenProvider)? = nil,
        idempotencyKeyHeaderName: HTTPField.Name? = nil
    ) throws -> SanteHTTPClient {
        guard service != .proSanteConnect else {
            throw SantePlatformError(
                operation: "platform.httpClient",
                message: "Pro Santé Connect endpoints come from its discovery document: use proSanteConnect(...)")
        }
        guard let baseURL = environment.endpoint(for: service) else {
            throw SantePlatformError(
                operation: "platform.httpClient",
                message: "the \(environment.name) environment has no endpoint for \(service); set it on the environment"
            )
        }
        return try httpClient(
            baseURL: baseURL, tokenProvider: tokenProvider, idempotencyKeyHeaderName: idempotencyKeyHeaderName)
    }

    /// An HTTP client for any base URL, with the standard middleware chain and this platform's settings.
    ///
    /// Tokens from `tokenProvider` are only ever sent to `baseURL`'s origin: a request to another origin
    /// (for example a paging link a server made up) is refused before anything is sent.
    ///
    /// - Parameters:
    ///   - baseURL: The URL relative paths are resolved against.
    ///   - tokenProvider: Where access tokens come from, or `nil` for an unauthenticated API.
    ///   - idempotencyKeyHeaderName: The header the server reads idempotency keys from, if any.
    /// - Returns: The client.
    /// - Throws: ``SantePlatformError`` when the configuration is invalid.
    public func httpClient(
        baseURL: URL,
        tokenProvider: (any TokenProvider)? = nil,
        idempotencyKeyHeaderName: HTTPField.Name? = nil
    ) throws -> SanteHTTPClient {
        let middlewares: [any HTTPMiddleware]
        do {
            middlewares = try SanteHTTPClient.standardMiddlewares(
                tokenProvider: tokenProvider,
                credentialOrigins: [baseURL],
                retryPolicy: retryPolicy,
                timeout: timeout,
                appProduct: appProduct,
                idempotencyKeyHeaderName: idempotencyKeyHeaderName,
                logger: logger,
                redactor: redactor,
                accounting: accounting,
                clock: clock,
                timeoutClock: timeoutClock
            )
        } catch {
            throw SantePlatformError(operation: "platform.httpClient", message: "\(error)")
        }
        return SanteHTTPClient(
            baseURL: baseURL, transport: transport, middlewares: middlewares, logger: logger, redactor: redactor)
    }
}
