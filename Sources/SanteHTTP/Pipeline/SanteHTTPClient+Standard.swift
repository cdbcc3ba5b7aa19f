public import Foundation
public import HTTPTypes
public import Logging
public import SanteCore

extension SanteHTTPClient {
    /// The middlewares every SanteKit client uses, in the standard order.
    ///
    /// From outermost to innermost:
    /// 1. ``RequestIDMiddleware``: one `X-Request-ID` per logical request, the same on retries;
    /// 2. ``UserAgentMiddleware``: `SanteKit/<version>` and the application's product token;
    /// 3. ``IdempotencyKeyMiddleware``, only when `idempotencyKeyHeaderName` is given;
    /// 4. ``TimeoutMiddleware``: `timeout` (or the request's own) for the whole request, retries included;
    /// 5. ``RetryMiddleware``: back-off with jitter on the `clock`;
    /// 6. ``AuthenticationMiddleware``, only when a `tokenProvider` is given: a token on every attempt;
    /// 7. ``LoggingMiddleware``: every attempt, redacted;
    /// 8. ``AccountingMiddleware``, only when `accounting` is given.
    ///
    /// - Parameters:
    ///   - tokenProvider: Where access tokens come from, or `nil` for unauthenticated APIs.
    ///   - refreshesTokenOnUnauthorized: Whether a 401 triggers one token refresh and one more try.
    ///   - credentialOrigins: The origins (scheme, host, port) the token may be sent to, usually the base URL;
    ///     a request elsewhere is refused with a `.validation` error. `nil` (the default) allows any origin.
    ///   - retryPolicy: How requests are retried (default ``RetryPolicy/default``).
    ///   - timeout: The default time allowed for one request (default 60 s; `nil` for none).
    ///   - appProduct: The application's `User-Agent` product token, such as `"MonCabinet/2.3"`.
    ///   - idempotencyKeyHeaderName: The header that carries ``RequestOptions/idempotencyKey``, when the API
    ///     has one (no default: APIs name it differently).
    ///   - logger: The logger for request logs.
    ///   - redactor: What is hidden from the logs.
    ///   - accounting: Where to count requests and bytes, or `nil`.
    ///   - clock: The clock for back-off, and for timeouts unless `timeoutClock` is given (default ``SystemClock``).
    ///   - timeoutClock: The clock for timeouts, when it must differ from `clock`. A `TestClock` in
    ///     automatic mode returns from every sleep at once, so a test that uses one for back-off passes
    ///     a ``SystemClock`` here (or no `timeout`), or every request would time out.
    ///   - random: The jitter's random source, returning a fraction between 0 and 1.
    /// - Returns: The middlewares, outermost first.
    /// - Throws: ``SanteHTTPError`` with code `.configuration` when `appProduct` is not a valid product token.
    public static func standardMiddlewares(
        tokenProvider: (any TokenProvider)? = nil,
        refreshesTokenOnUnauthorized: Bool = true,
        credentialOrigins: [URL]? = nil,
        retryPolicy: RetryPolicy = .default,
        timeout: Duration? = .seconds(60),
        appProduct: String? = nil,
        idempotencyKeyHeaderName: HTTPField.Name? = nil,
        logger: Logger,
        redactor: HTTPRedactor = .default,
        accounting: HTTPAccounting? = nil,
        clock: any SanteClock = SystemClock(),
        timeoutClock: (any SanteClock)? = nil,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) throws -> [any HTTPMiddleware] {
        var middlewares: [any HTTPMiddleware] = [
            RequestIDMiddleware(),
            try UserAgentMiddleware(appProduct: appProduct),
        ]
        if let idempotencyKeyHeaderName {
            middlewares.append(IdempotencyKeyMiddleware(headerName: idempotencyKeyHeaderName))
        }
        middlewares.append(TimeoutMiddleware(timeout: timeout, clock: timeoutClock ?? clock))
        middlewares.append(RetryMiddleware(policy: retryPolicy, clock: clock, random: random))
        if let tokenProvider {
            middlewares.append(
                AuthenticationMiddleware(
                    provider: tokenProvider,
                    refreshesOnUnauthorized: refreshesTokenOnUnauthorized,
                    credentialOrigins: credentialOrigins
                )
            )
        }
        middlewares.append(LoggingMiddleware(logger: logger, redactor: redactor))
        if let accounting {
            middlewares.append(AccountingMiddleware(accounting: accounting))
        }
        return middlewares
    }
}
