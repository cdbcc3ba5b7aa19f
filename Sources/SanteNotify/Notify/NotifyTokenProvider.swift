public import HTTPTypes
public import SanteCore
public import SanteHTTP

/// Mints a fresh Notify JWT for every attempt, with `iat` read from the injected clock.
///
/// The ``NotifyClient`` puts it in an `AuthenticationMiddleware` inside the retry loop, so a retry after
/// a long back-off never carries a token older than Notify's 30-second window.
public struct NotifyTokenProvider: TokenProvider {
    /// The API key.
    public let apiKey: NotifyAPIKey
    /// The clock `iat` is read from.
    public let clock: any SanteClock

    /// Creates a provider.
    /// - Parameters:
    ///   - apiKey: The API key.
    ///   - clock: The clock `iat` is read from (default `SystemClock`).
    public init(apiKey: NotifyAPIKey, clock: any SanteClock = SystemClock()) {
        self.apiKey = apiKey
        self.clock = clock
    }

    /// A token issued now.
    /// - Throws: ``NotifyError`` when signing fails.
    public func token(for request: HTTPRequest, context: RequestContext) async throws -> String {
        try NotifyJWT.token(for: apiKey, issuedAt: clock.now())
    }
}
