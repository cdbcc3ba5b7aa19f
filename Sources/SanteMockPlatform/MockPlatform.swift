public import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
public import SanteCore
import ServiceLifecycle

/// The SanteKit mock platform: every service (Pro Santé Connect, DMP, open data, Annuaire Santé, Notify)
/// on one local HTTP server, with controls for tests.
///
/// ```swift
/// let platform = try await MockPlatform.start(MockPlatform.Configuration(seed: 1))
/// defer { Task { await platform.stop() } }
/// let dmp = platform.baseURL(for: .dmp)          // http://127.0.0.1:PORT/dmp/fhir
/// await platform.faults.inject(MockFault(.status(503, retryAfter: "1")), on: MockRoute(path: "/dmp/fhir/*"), count: 1)
/// ```
///
/// Each service lives under its prefix (``MockService/pathPrefix``); the controls live under `/_mock`:
/// - `GET /health`, `GET /_mock/health`: `{"status":"ok"}`.
/// - `GET|POST|PUT|PATCH|DELETE /_mock/echo`: a JSON description of the request.
/// - `GET /_mock/bytes?count=N`: N bytes, byte i being `i % 251`.
/// - `GET|DELETE /_mock/requests`: the ``requestLog``.
/// - `GET|POST|DELETE /_mock/faults`, `DELETE /_mock/faults/{id}`: the ``faults``.
/// - `GET /_mock/clock`, `POST /_mock/clock/advance`: the ``clock``.
/// - `GET /_mock/identities`: the ``identities``.
/// - `POST /_mock/tokens/patient`: a test-only patient token (``mintPatientToken(ins:lifetime:)``).
/// - `POST /_mock/psc/clients`, `GET|POST|DELETE /_mock/psc/faults`, `POST /_mock/psc/rotate-keys`,
///   `POST /_mock/psc/ciba`: the Pro Santé Connect controls (``identityProvider``).
///
/// The identity service is a Pro Santé Connect provider (issuer ``issuerURL``); its discovery document is at
/// `GET /psc/auth/realms/esante-wallet/.well-known/wallet-openid-configuration`.
///
/// Started with ``Configuration/tls`` (see ``MockTLS``), the platform serves HTTPS with a
/// ``certificateAuthority`` made at start-up, and the same routes on a second, mutual-TLS listener
/// (``mutualTLSBaseURL``) where `tls_client_auth` clients authenticate and certificate-bound tokens are used.
///
/// Any other path gets `404` with a JSON body.
public final class MockPlatform: Sendable {
    /// The configuration the platform was started with.
    public let configuration: Configuration
    /// The TCP port the server listens on (the one the system picked when the configuration asked for 0).
    public let port: Int
    /// The root URL of the server, such as `http://127.0.0.1:49152`.
    public let baseURL: URL
    /// The fault injector of the platform's one fault-injection middleware.
    public let faults: MockFaultInjector
    /// Every request received.
    public let requestLog: MockRequestLog
    /// The bus through which services react to each other.
    public let events: MockEventBus
    /// The documented test identities (``MockIdentities/default``).
    public let identities: MockIdentities
    /// The test certificate authority of a platform started with ``Configuration/tls``, or `nil`: trust its
    /// ``MockCertificateAuthority/certificatePEM`` and have it issue client certificates.
    public let certificateAuthority: MockCertificateAuthority?
    /// The TCP port of the mutual-TLS listener, or `nil` without ``Configuration/tls``.
    public let mutualTLSPort: Int?
    /// The root URL of the mutual-TLS listener, such as `https://127.0.0.1:49153`, or `nil` without
    /// ``Configuration/tls``.
    public let mutualTLSBaseURL: URL?

    let services: MockServiceStates
    private let lifecycle: ServerLifecycle

    /// The platform clock, as injected in the configuration (a `TestClock` can be advanced by the test directly).
    public var clock: any SanteClock { configuration.clock }

    /// The OpenID Connect issuer of the identity service: `<baseURL>/psc/auth/realms/esante-wallet`.
    public var issuerURL: URL {
        IdentityService.issuerURL(serverBaseURL: baseURL)
    }

    /// Whether ``stop()`` has not been called yet.
    public var isRunning: Bool { !lifecycle.isStopping }

    private init(
        configuration: Configuration, listeners: StartedListeners, faults: MockFaultInjector,
        requestLog: MockRequestLog, events: MockEventBus, identities: MockIdentities, services: MockServiceStates,
        lifecycle: ServerLifecycle
    ) {
        self.configuration = configuration
        self.port = listeners.port
        self.baseURL = listeners.baseURL
        self.certificateAuthority = listeners.certificateAuthority
        self.mutualTLSPort = listeners.mutualTLSPort
        self.mutualTLSBaseURL = listeners.mutualTLSBaseURL
        self.faults = faults
        self.requestLog = requestLog
        self.events = events
        self.identities = identities
        self.services = services
        self.lifecycle = lifecycle
    }

    deinit {
        services.notificationRuntime.cancel()
        lifecycle.cancel()
    }

    /// Starts a platform and returns once it accepts connections.
    ///
    /// Starting does no expensive work (no key generation), so a platform per test is cheap. With
    /// ``Configuration/tls``, it makes a certificate authority and a server certificate (P-256, a few
    /// milliseconds).
    /// - Parameter configuration: Where to listen, the seed, the clock, the logger and TLS.
    /// - Returns: The running platform; call ``stop()`` when done.
    /// - Throws: `ValidationError` for an unusable configuration; ``MockPlatformError`` with code `transport`
    ///   when the server cannot listen (for example, the port is taken), or `configuration` when the TLS
    ///   certificates cannot be made.
    public static func start(_ configuration: Configuration = Configuration()) async throws -> MockPlatform {
        try configuration.validate()
        let tls = try configuration.tls.map { settings throws(MockPlatformError) in
            try MockTLSListeners(settings: settings, host: configuration.host)
        }
        let logger = configuration.effectiveLogger
        let faults = MockFaultInjector(seed: configuration.seed)
        let requestLog = MockRequestLog(capacity: configuration.requestLogCapacity)
        let events = MockEventBus(clock: configuration.clock)
        let identities = MockIdentities.default
        let address = MockServerAddress()
        let environment = MockServiceEnvironment(
            clock: configuration.clock, identities: identities, events: events, seed: configuration.seed,
            address: address, logger: logger)
        let services = MockServiceStates(environment: environment, configuration: configuration)
        let router = MockRouterBuilder.build(
            configuration: configuration, injector: faults, log: requestLog, identities: identities,
            services: services)
        ControlRoutes.registerTokenRoutes(on: router, identity: services.identity)

        let mainGate = StartupGate()
        let mutualTLSGate = StartupGate()
        let host = configuration.host
        var applications: [any Service] = []
        do {
            applications.append(
                try application(
                    router.buildResponder(), tls: tls?.server, host: host, port: configuration.port, gate: mainGate,
                    address: address, logger: logger))
            if let tls {
                applications.append(
                    try application(
                        MutualTLSResponder(inner: router.buildResponder()), tls: tls.mutualTLS, host: host,
                        port: tls.mutualTLSPort, gate: mutualTLSGate, address: services.identity.mutualTLSAddress,
                        logger: logger))
            }
        } catch {
            throw MockPlatformError(
                code: .configuration, operation: "mock.start", message: "The TLS listeners could not be set up.",
                underlyingError: error)
        }
        let group = ServiceGroup(services: applications, logger: logger)
        let runTask = Task {
            do {
                try await group.run()
                mainGate.fail(startError("The server stopped before listening."))
                mutualTLSGate.fail(startError("The server stopped before listening."))
            } catch {
                mainGate.fail(error)
                mutualTLSGate.fail(error)
            }
        }
        let lifecycle = ServerLifecycle(group: group, runTask: runTask)

        let listeners: StartedListeners
        do {
            let port = try await mainGate.wait()
            let mutualTLSPort = tls == nil ? nil : try await mutualTLSGate.wait()
            guard let baseURL = address.baseURL else {
                throw startError("The server did not report a usable local address.")
            }
            listeners = StartedListeners(
                port: port, baseURL: baseURL, certificateAuthority: tls?.authority, mutualTLSPort: mutualTLSPort,
                mutualTLSBaseURL: services.identity.mutualTLSAddress.baseURL)
        } catch {
            await lifecycle.stop()
            if error is MockPlatformError {
                throw error
            }
            let ports = [configuration.port] + (tls.map { [$0.mutualTLSPort] } ?? [])
            let addresses = ports.map { "\(host):\($0)" }.joined(separator: " and ")
            throw startError("Could not listen on \(addresses).", underlyingError: error)
        }
        await services.startNotificationWork()
        logger.info("Mock platform listening", metadata: ["url": "\(listeners.baseURL.absoluteString)"])
        if let mutualTLSBaseURL = listeners.mutualTLSBaseURL {
            logger.info("Mock platform mutual TLS listening", metadata: ["url": "\(mutualTLSBaseURL.absoluteString)"])
        }
        return MockPlatform(
            configuration: configuration, listeners: listeners, faults: faults, requestLog: requestLog,
            events: events, identities: identities, services: services, lifecycle: lifecycle)
    }

    /// One listener: plain HTTP, or HTTPS with `tls`. Once it listens, its root URL goes to `address` and its
    /// port to `gate`.
    private static func application<Responder: HTTPResponder>(
        _ responder: Responder, tls: TLSConfiguration?, host: String, port: Int, gate: StartupGate,
        address: MockServerAddress, logger: Logger
    ) throws -> Application<Responder> where Responder.Context == MockRequestContext {
        let server: HTTPServerBuilder
        let scheme: String
        if let tls {
            server = try HTTPServerBuilder.tls(HTTPServerBuilder.http1(), tlsConfiguration: tls)
            scheme = "https"
        } else {
            server = HTTPServerBuilder.http1()
            scheme = "http"
        }
        return Application(
            responder: responder, server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                guard let port = channel.localAddress?.port, let url = rootURL(scheme: scheme, host: host, port: port)
                else {
                    gate.fail(startError("The server did not report a usable local address."))
                    return
                }
                address.set(url)
                gate.succeed(port: port)
            },
            logger: logger
        )
    }

    /// What ``start(_:)`` learnt once the listeners listen.
    private struct StartedListeners {
        let port: Int
        let baseURL: URL
        let certificateAuthority: MockCertificateAuthority?
        let mutualTLSPort: Int?
        let mutualTLSBaseURL: URL?
    }

    /// The base URL of one service, such as `http://127.0.0.1:PORT/dmp/fhir`.
    /// - Parameter service: The service.
    /// - Returns: ``baseURL`` followed by the service's ``MockService/pathPrefix``.
    public func baseURL(for service: MockService) -> URL {
        baseURL.appending(path: String(service.pathPrefix.dropFirst()))
    }

    /// The base URL of one service on the mutual-TLS listener, such as `https://127.0.0.1:PORT/dmp/fhir`.
    /// - Parameter service: The service.
    /// - Returns: ``mutualTLSBaseURL`` followed by the service's ``MockService/pathPrefix``, or `nil` without
    ///   ``Configuration/tls``.
    public func mutualTLSBaseURL(for service: MockService) -> URL? {
        mutualTLSBaseURL?.appending(path: String(service.pathPrefix.dropFirst()))
    }

    /// Mints a TEST-ONLY patient access token (see ``MockPatientToken``): an ES256 JWT signed by
    /// ``MockSigningKeys``, for this platform's ``issuerURL``, with `iat` and `exp` read from ``clock``.
    ///
    /// The first call in a process may take the time of generating the keys.
    /// - Parameters:
    ///   - ins: The INS of one of ``identities``' patients, such as `"279035121518989"`.
    ///   - lifetime: A whole number of seconds, from 1 second to ``MockPatientToken/maximumLifetime``.
    /// - Returns: The compact JWS, to send as `Authorization: Bearer <token>`.
    /// - Throws: ``MockTokenError`` with ``MockTokenError/Reason/unknownPatient`` when no seeded patient has
    ///   this INS, ``MockTokenError/Reason/invalidLifetime``, or ``MockTokenError/Reason/unavailable``.
    public func mintPatientToken(
        ins: String, lifetime: Duration = MockPatientToken.defaultLifetime
    ) async throws(MockTokenError) -> String {
        try await services.identity.mintPatientToken(ins: ins, lifetime: lifetime).accessToken
    }

    /// A verifier of the tokens this platform issues (patient tokens, Pro Santé Connect access tokens), on
    /// the platform clock, following the platform's key rotations and revocations (what the mock's services
    /// use to authenticate bearer tokens).
    /// - Returns: The verifier.
    /// - Throws: ``MockTokenError`` with ``MockTokenError/Reason/unavailable`` when the server's address is
    ///   not known yet.
    public func tokenVerifier() throws(MockTokenError) -> MockTokenVerifier {
        try services.identity.tokenVerifier()
    }

    /// The controls of the mock Pro Santé Connect provider: test clients, armed ID-token faults, key
    /// rotation and CIBA behaviour (see ``MockPSCProvider``).
    public var identityProvider: MockPSCProvider {
        MockPSCProvider(state: services.identity)
    }

    /// Stops the server: in-flight requests get up to two seconds to finish, then are cancelled; the port is
    /// free when this returns. Calling it again waits for the same stop.
    public func stop() async {
        await services.notificationRuntime.stop()
        await lifecycle.stop()
        configuration.effectiveLogger.info("Mock platform stopped", metadata: ["url": "\(baseURL.absoluteString)"])
    }

    /// `scheme://host:port`, with brackets around an IPv6 host.
    private static func rootURL(scheme: String, host: String, port: Int) -> URL? {
        let urlHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return URL(string: "\(scheme)://\(urlHost):\(port)")
    }

    private static func startError(_ message: String, underlyingError: (any Error)? = nil) -> MockPlatformError {
        MockPlatformError(
            code: .transport, operation: "mock.start", message: message, underlyingError: underlyingError)
    }
}
