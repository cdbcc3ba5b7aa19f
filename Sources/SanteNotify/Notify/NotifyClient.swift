import Foundation
import HTTPTypes
import SanteCore
public import SanteHTTP

/// The GOV.UK Notify v2 client: send text messages, e-mails and letters, follow their status, read
/// templates and received text messages.
///
/// Every request carries a JWT minted for that very attempt (retries included), with `iat` from the
/// configuration's clock. Reads are retried on transient failures. **A send is never retried blindly**:
/// - when the transport proves nothing reached Notify (connection refused), it is retried;
/// - when the request may have reached Notify but no response came back (a reset, a timeout), and the
///   message has a ``NotifySMS/reference``, the client looks the reference up
///   (`GET /v2/notifications?reference=…`) and returns the message Notify already accepted, or sends
///   again only when none is found;
/// - without a reference it throws a ``NotifyError`` whose ``NotifyError/requestWasSent`` is not `false`:
///   the message may or may not have been accepted.
///
/// ```swift
/// let notify = try NotifyClient(
///     configuration: NotifyConfiguration(baseURL: url, apiKey: try NotifyAPIKey(key)),
///     transport: URLSessionTransport())
/// let sent = try await notify.sendSMS(NotifySMS(
///     phoneNumber: "06 12 34 56 78", templateID: templateID,
///     personalisation: ["name": "Camille", "date": "3 mars", "place": "Lyon"], reference: "rdv-4521"))
/// let notification = try await notify.notification(id: sent.id)
/// ```
///
/// Every method throws ``NotifyError``.
public struct NotifyClient: Sendable {
    /// The configuration.
    public let configuration: NotifyConfiguration
    /// The pipeline (standard middlewares with a ``NotifyTokenProvider``).
    public let http: SanteHTTPClient
    let requester: NotifyRequester

    /// Creates a client that sends through `transport` with SanteKit's standard middlewares, a JWT per
    /// attempt, and credentials only ever sent to the base URL's origin.
    /// - Parameters:
    ///   - configuration: The configuration.
    ///   - transport: The transport.
    /// - Throws: ``NotifyError`` with ``NotifyError/Reason/configuration`` when the pipeline cannot be
    ///   built (an invalid `appProduct`).
    public init(configuration: NotifyConfiguration, transport: any HTTPTransport) throws(NotifyError) {
        let middlewares: [any HTTPMiddleware]
        do {
            middlewares = try SanteHTTPClient.standardMiddlewares(
                tokenProvider: NotifyTokenProvider(apiKey: configuration.apiKey, clock: configuration.clock),
                refreshesTokenOnUnauthorized: false,
                credentialOrigins: [configuration.baseURL],
                retryPolicy: configuration.retryPolicy,
                timeout: configuration.timeout,
                appProduct: configuration.appProduct,
                logger: configuration.logger,
                clock: configuration.clock,
                timeoutClock: configuration.timeoutClock
            )
        } catch {
            throw NotifyError(
                .configuration, "the HTTP pipeline cannot be built", operation: "notify.configuration",
                isRetryable: false, underlyingError: error)
        }
        let http = SanteHTTPClient(
            baseURL: configuration.baseURL, transport: transport, middlewares: middlewares,
            logger: configuration.logger)
        self.init(configuration: configuration, http: http)
    }

    /// Creates a client on an existing pipeline. The pipeline must authenticate every attempt with a
    /// ``NotifyTokenProvider`` (an `AuthenticationMiddleware` inside its retry middleware).
    /// - Parameters:
    ///   - configuration: The configuration (its ``NotifyConfiguration/baseURL`` should be the pipeline's).
    ///   - http: The pipeline.
    public init(configuration: NotifyConfiguration, http: SanteHTTPClient) {
        self.configuration = configuration
        self.http = http
        self.requester = NotifyRequester(http: http)
    }
}
