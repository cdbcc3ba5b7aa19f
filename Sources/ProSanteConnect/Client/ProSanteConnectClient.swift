import Foundation
public import Logging
public import SanteCore
public import SanteHTTP

/// The Pro Santé Connect client, for a server (a confidential OpenID Connect client).
///
/// One value serves every user of the server; it is cheap to copy, and copies share the caches of the
/// discovery document and the JWK set.
///
/// ```swift
/// let client = try ProSanteConnectClient(
///     configuration: configuration, transport: URLSessionTransport(), logger: logger)
/// let prepared = try await client.prepareAuthorization()
/// // keep prepared.pending in the user's server-side session, redirect the browser to prepared.url
/// let login = try await client.completeAuthorization(callbackURL: callback, pending: pending)
/// let professional = try await client.userInfo(for: login)
/// ```
///
/// Every method throws ``ProSanteConnectError``.
public struct ProSanteConnectClient: Sendable {
    /// The configuration.
    public let configuration: ProSanteConnectConfiguration
    let http: ProviderHTTP
    let directory: ProviderDirectory
    let signatureVerifier: TokenSignatureVerifier
    let authenticator: ClientAuthenticator
    let idTokenValidator: IDTokenValidator

    /// Creates a client that sends through `transport`, with SanteKit's standard middlewares (request id,
    /// user agent, timeout, retry, logging).
    ///
    /// For `tls_client_auth`, pass an AsyncHTTPClient transport (`SanteAsyncHTTPClient`) configured with
    /// the IGC-Santé certificate. Timeouts and retry back-off run on the real clock; the configuration's
    /// clock governs token lifetimes, caches and CIBA polling.
    /// - Parameters:
    ///   - configuration: The configuration; it is validated.
    ///   - transport: The transport.
    ///   - logger: The logger for request logs (redacted).
    ///   - retryPolicy: How idempotent requests are retried (default `RetryPolicy.default`; POSTs to the
    ///     token endpoint are retried only when nothing was sent).
    ///   - timeout: The time allowed for one request (default 30 s).
    ///   - appProduct: The application's `User-Agent` product token, such as `"MonCabinet/2.3"`.
    /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/invalidConfiguration`` or
    ///   ``ProSanteConnectError/Reason/insecureEndpoint``.
    public init(
        configuration: ProSanteConnectConfiguration,
        transport: any HTTPTransport,
        logger: Logger = Logger(label: "santekit.psc", factory: { _ in SwiftLogNoOpLogHandler() }),
        retryPolicy: RetryPolicy = .default,
        timeout: Duration? = .seconds(30),
        appProduct: String? = nil
    ) throws {
        let middlewares: [any HTTPMiddleware]
        do {
            middlewares = try SanteHTTPClient.standardMiddlewares(
                retryPolicy: retryPolicy, timeout: timeout, appProduct: appProduct, logger: logger)
        } catch {
            throw ProSanteConnectError(
                .invalidConfiguration, "the HTTP pipeline cannot be built", operation: "psc.configuration",
                underlyingError: error)
        }
        let httpClient = SanteHTTPClient(
            baseURL: configuration.environment.discoveryURL, transport: transport, middlewares: middlewares,
            logger: logger)
        try self.init(configuration: configuration, httpClient: httpClient)
    }

    /// Creates a client that sends through an existing pipeline (for example one the SanteKit facade
    /// built). Requests use absolute URLs, so the pipeline's base URL does not matter. It must not add an
    /// `Authorization` header: the client authenticates each request itself.
    /// - Parameters:
    ///   - configuration: The configuration; it is validated.
    ///   - httpClient: The pipeline.
    /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/invalidConfiguration`` or
    ///   ``ProSanteConnectError/Reason/insecureEndpoint``.
    public init(configuration: ProSanteConnectConfiguration, httpClient: SanteHTTPClient) throws {
        try configuration.validate()
        self.configuration = configuration
        http = ProviderHTTP(http: httpClient)
        directory = ProviderDirectory(configuration: configuration, http: http)
        signatureVerifier = TokenSignatureVerifier(
            directory: directory, policy: configuration.idTokenSigning,
            clientSecret: configuration.clientAuthentication.clientSecret)
        authenticator = ClientAuthenticator(
            clientID: configuration.clientID, authentication: configuration.clientAuthentication)
        idTokenValidator = IDTokenValidator(
            clientID: configuration.clientID, trustedAudiences: configuration.additionalTrustedAudiences,
            leeway: configuration.clockLeeway)
    }

    /// The provider metadata, fetched once and cached (see
    /// ``ProSanteConnectConfiguration/discoveryCacheLifetime``).
    /// - Returns: The metadata; its `issuer` matched the expected one, when configured.
    /// - Throws: ``ProSanteConnectError`` (``ProSanteConnectError/Reason/discoveryInvalid``,
    ///   ``ProSanteConnectError/Reason/discoveryIssuerMismatch``, ``ProSanteConnectError/Reason/insecureEndpoint``,
    ///   ``ProSanteConnectError/Reason/requestFailed``…).
    public func providerMetadata() async throws -> ProviderMetadata {
        do {
            return try await directory.metadata()
        } catch {
            throw ProSanteConnectErrorMapping.map(error, operation: "psc.discovery")
        }
    }

    /// The provider's JWK set, fetched once and cached (see ``ProSanteConnectConfiguration/keySetCacheLifetime``).
    /// - Returns: The JWK set.
    /// - Throws: ``ProSanteConnectError``.
    public func keySet() async throws -> JWKSet {
        do {
            return try await directory.keySet()
        } catch {
            throw ProSanteConnectErrorMapping.map(error, operation: "psc.jwks")
        }
    }

    /// Forgets the cached discovery document and JWK set; the next operation fetches them again.
    public func clearProviderCache() async {
        await directory.invalidate()
    }

    /// The clock's current time.
    var now: Date { configuration.clock.now() }

    /// The URL of an endpoint, honouring `mtls_endpoint_aliases` for `tls_client_auth`.
    func endpoint(
        _ endpoint: ProviderEndpoint, in metadata: ProviderMetadata, operation: String
    ) throws -> URL {
        guard let url = metadata.url(of: endpoint, mutualTLS: configuration.clientAuthentication.usesMutualTLS)
        else {
            throw ProSanteConnectError(
                .endpointNotAdvertised, "the provider does not advertise a \(endpoint.rawValue)", operation: operation)
        }
        return url
    }

    /// Sends an authenticated form to an endpoint and returns the body of the 2xx answer.
    func postAuthenticatedForm(
        _ fields: [(String, String)], to endpoint: ProviderEndpoint, metadata: ProviderMetadata, operation: String
    ) async throws -> Data {
        let url = try self.endpoint(endpoint, in: metadata, operation: operation)
        let authenticated = try authenticator.authenticate(fields, metadata: metadata, now: now, operation: operation)
        let (_, data) = try await http.postForm(
            url, fields: authenticated.fields, headerFields: authenticated.headerFields, operation: operation,
            limit: configuration.responseSizeLimits.tokenEndpoint)
        return data
    }

    /// Verifies and validates an ID token from the token endpoint.
    func validateIDToken(
        _ compactSerialization: String, metadata: ProviderMetadata, expectations: IDTokenExpectations,
        operation: String
    ) async throws -> IDToken {
        let verified = try await signatureVerifier.verify(
            compactSerialization, operation: operation, malformedReason: .idTokenMalformed)
        return try idTokenValidator.validate(
            verified, compactSerialization: compactSerialization, issuer: metadata.issuer, now: now,
            expectations: expectations, operation: operation)
    }

    /// Runs `body`, turning anything it throws into a ``ProSanteConnectError`` attributed to `operation`.
    func perform<Value>(_ operation: String, _ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch {
            throw ProSanteConnectErrorMapping.map(error, operation: operation)
        }
    }
}
