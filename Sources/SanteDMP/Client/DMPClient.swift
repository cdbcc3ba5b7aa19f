import Foundation
public import Logging
import SanteCore
public import SanteHTTP

/// The DMP document client (FHIR PDSm 3.1.1 / IHE MHD): publish, search, read, retrieve, replace, hide,
/// archive and delete documents of a patient's shared medical record.
///
/// A cheap `Sendable` value: copy it freely. Every request carries `Accept: application/fhir+json` and a
/// bearer token from the configuration's provider, sent to the base URL's origin only. Every method
/// throws ``DMPError``; a patient identity that is not qualified (`QUAL`) is refused before any request.
/// The INS key is checked for every INS authority, the test (`…4.10`) and demo (`…4.11`) ones included:
/// the ANS test patients have valid keys, and a wrong key is better caught before the DMP refuses it.
///
/// ```swift
/// let dmp = try DMPClient(configuration: configuration, transport: URLSessionTransport())
/// let outcome = try await dmp.publish(publication)
/// for try await entry in try dmp.findDocuments(DMPDocumentQuery(patient: ins)) { … }
/// ```
public struct DMPClient: Sendable {
    /// The configuration.
    public let configuration: DMPClientConfiguration
    /// The pipeline, based at the FHIR base URL.
    public let http: SanteHTTPClient

    let requester: DMPRequester

    /// Creates a client that sends through `transport` with SanteKit's standard middlewares (request id,
    /// user agent, timeout, retry, bearer authentication limited to the base URL's origin, logging).
    /// - Parameters:
    ///   - configuration: The configuration.
    ///   - transport: The transport.
    ///   - logger: The logger for request logs (redacted).
    /// - Throws: ``DMPError`` with reason ``DMPError/Reason/configuration`` when the base URL has no
    ///   scheme or host, or the product token is invalid.
    public init(
        configuration: DMPClientConfiguration,
        transport: any HTTPTransport,
        logger: Logger = Logger(label: "santekit.dmp", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws(DMPError) {
        guard let scheme = configuration.baseURL.scheme, scheme == "https" || scheme == "http",
            configuration.baseURL.host != nil
        else {
            throw DMPError(
                reason: .configuration, message: "the base URL must be an absolute http(s) URL",
                operation: "dmp.configuration")
        }
        let middlewares: [any HTTPMiddleware]
        do {
            middlewares = try SanteHTTPClient.standardMiddlewares(
                tokenProvider: configuration.tokenProvider,
                credentialOrigins: [configuration.baseURL],
                retryPolicy: configuration.retryPolicy,
                timeout: configuration.timeout,
                appProduct: configuration.appProduct,
                logger: logger,
                clock: configuration.clock)
        } catch {
            throw DMPError(
                reason: .configuration, message: "the HTTP pipeline cannot be built", operation: "dmp.configuration",
                underlyingError: error)
        }
        let http = SanteHTTPClient(
            baseURL: configuration.baseURL, transport: transport, middlewares: middlewares, logger: logger)
        self.init(configuration: configuration, httpClient: http)
    }

    /// Creates a client on an existing pipeline (for example one the SanteKit facade built). The pipeline
    /// must authenticate requests itself (an `AuthenticationMiddleware` limited to the DMP's origin); its
    /// base URL should be the configuration's.
    /// - Parameters:
    ///   - configuration: The configuration (its token provider is not used by this initialiser).
    ///   - httpClient: The pipeline.
    public init(configuration: DMPClientConfiguration, httpClient: SanteHTTPClient) {
        self.configuration = configuration
        self.http = httpClient
        self.requester = DMPRequester(http: httpClient)
    }

    /// Refuses an identity that may not be sent: not qualified (`QUAL`), unknown INS authority, or
    /// invalid INS key.
    static func checkPatient(_ ins: INS, operation: String) throws(DMPError) {
        let issues = ins.sendingIssues(field: "patient")
        guard issues.isEmpty else {
            throw DMPError(
                reason: .unqualifiedIdentity,
                message: "only the INS of a qualified identity (QUAL) with a valid key may be sent to the DMP",
                operation: operation, validationIssues: issues)
        }
    }
}
