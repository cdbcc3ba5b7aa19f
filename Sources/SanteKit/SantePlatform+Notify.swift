public import SanteHTTP
public import SanteNotify

extension SantePlatform {
    /// A Notify-compatible client for this platform's environment, transport, logger, accounting and clock.
    ///
    /// A fresh HS256 JWT is minted from `apiKey` for every attempt, retries included, and sent to the
    /// Notify endpoint's origin only.
    ///
    /// ```swift
    /// let notify = try platform.notify(apiKey: try NotifyAPIKey(secretFromVault))
    /// let sent = try await notify.sendSMS(NotifySMS(phoneNumber: "06 12 34 56 78", templateID: templateID))
    /// ```
    /// - Parameter apiKey: The Notify API key.
    /// - Returns: The client.
    /// - Throws: ``SantePlatformError`` when the environment has no Notify endpoint or the pipeline cannot be
    ///   built.
    public func notify(apiKey: NotifyAPIKey) throws -> NotifyClient {
        guard let baseURL = environment.endpoint(for: .notify) else {
            throw SantePlatformError(
                operation: "platform.notify", message: "the \(environment.name) environment has no Notify endpoint")
        }
        let middlewares: [any HTTPMiddleware]
        do {
            middlewares = try SanteHTTPClient.standardMiddlewares(
                tokenProvider: NotifyTokenProvider(apiKey: apiKey, clock: clock),
                refreshesTokenOnUnauthorized: false,
                credentialOrigins: [baseURL],
                retryPolicy: retryPolicy,
                timeout: timeout,
                appProduct: appProduct,
                logger: logger,
                redactor: redactor,
                accounting: accounting,
                clock: clock,
                timeoutClock: timeoutClock
            )
        } catch {
            throw SantePlatformError(operation: "platform.notify", message: "\(error)")
        }
        let configuration = NotifyConfiguration(
            baseURL: baseURL, apiKey: apiKey, clock: clock, timeoutClock: timeoutClock, retryPolicy: retryPolicy,
            timeout: timeout, appProduct: appProduct, logger: logger)
        let http = SanteHTTPClient(baseURL: baseURL, transport: transport, middlewares: middlewares, logger: logger)
        return NotifyClient(configuration: configuration, http: http)
    }

    /// A FHIR subscription client on the DMP's FHIR endpoint, authenticated like the DMP client (a
    /// professional's access token, or the patient's own).
    ///
    /// ```swift
    /// let subscriptions = try platform.subscriptions(tokenProvider: tokens)
    /// let created = try await subscriptions.create(
    ///     try FHIRSubscriptionBuilder(endpoint: hookURL).patient(ins).build())
    /// ```
    /// - Parameter tokenProvider: Where access tokens come from.
    /// - Returns: The client.
    /// - Throws: ``SantePlatformError`` when the environment has no DMP endpoint.
    public func subscriptions(tokenProvider: any TokenProvider) throws -> FHIRSubscriptionClient {
        FHIRSubscriptionClient(http: try httpClient(for: .dmp, tokenProvider: tokenProvider))
    }
}
