import ArgumentParser
import Foundation
import Logging
import SanteKit

/// A resolved Pro Santé Connect provider and client: where the provider is, who the client is, and what
/// it asks for.
struct PSCProvider: Sendable {
    /// The provider, when it is a mock platform.
    struct Mock: Sendable {
        /// The mock's root URL.
        let baseURL: URL
        /// Whether the mock runs inside this command (and stops with it).
        let isInProcess: Bool
        /// Whether the client is the seeded `santekit-demo`.
        let usesDemoClient: Bool
        /// The client's clock: shared with the mock when in-process (waits pass at once), else the system's.
        let clock: any SanteClock
    }

    /// Where the provider is.
    let environment: ProSanteConnectEnvironment
    /// The client id.
    let clientID: String
    /// The client secret (`client_secret_basic`).
    let clientSecret: String
    /// The scopes requested.
    let scopes: [String]
    /// The authentication levels requested.
    let acrValues: [String]
    /// The accepted ID token signatures.
    let signing: IDTokenSigningPolicy
    /// The `--id-token-alg` values, upper-cased (empty for the default policy).
    let idTokenAlgorithms: [String]
    /// The mock, when the provider is one.
    let mock: Mock?

    /// The mock provider of the platform at `baseURL`. The issuer is the one its discovery document names.
    static func mockEnvironment(baseURL: URL) -> ProSanteConnectEnvironment {
        .custom(
            name: "mock",
            discoveryURL: baseURL.appending(
                path: "psc/auth/realms/esante-wallet/.well-known/wallet-openid-configuration"))
    }

    /// The clock the client reads and waits on.
    var clock: any SanteClock { mock?.clock ?? SystemClock() }

    /// The pipeline a client of this provider sends through: SanteKit's standard middlewares, logging with
    /// `--verbose`; connections kept alive with a mock (see ``httpClient(logger:baseURL:keepsConnectionsAlive:)``).
    func httpClient(global: GlobalOptions) throws -> SanteHTTPClient {
        try Self.httpClient(
            logger: global.makeLogger(), baseURL: environment.discoveryURL, keepsConnectionsAlive: mock != nil)
    }

    /// A pipeline with SanteKit's standard middlewares, logging to `logger`.
    ///
    /// With `keepsConnectionsAlive`, requests with a body keep their connection alive. The mock platform
    /// closes a connection after a request that carries `Connection: close` (which the URLSession transport
    /// adds on Linux) without saying so in its answer, and FoundationNetworking's libcurl reuses it: a POST
    /// sent at once after another POST's answer (CIBA polls whose interval passes on the mock's clock) then
    /// sometimes waits for the timeout. Against a mock, keeping connections alive avoids that.
    static func httpClient(
        logger: Logger, baseURL: URL, keepsConnectionsAlive: Bool, accounting: HTTPAccounting = HTTPAccounting()
    ) throws -> SanteHTTPClient {
        let transport = URLSessionTransport(
            configuration: .init(reusesConnectionsForRequestsWithBody: keepsConnectionsAlive))
        let platform = SantePlatform(
            environment: .localMock(baseURL: baseURL), transport: transport, logger: logger,
            appProduct: "sante/\(SanteKitVersion.current)", accounting: accounting)
        return try platform.httpClient(baseURL: baseURL)
    }

    /// A client of this provider.
    /// - Parameters:
    ///   - redirectURI: The redirect URI (the loopback listener's; any for CIBA).
    ///   - httpClient: The pipeline.
    ///   - clock: The clock, if not ``clock``.
    /// - Returns: The client.
    /// - Throws: `ArgumentParser.ValidationError` when the configuration cannot work.
    func client(
        redirectURI: URL, httpClient: SanteHTTPClient, clock: (any SanteClock)? = nil
    ) throws -> ProSanteConnectClient {
        try Self.makeClient(
            ProSanteConnectConfiguration(
                environment: environment, clientID: clientID, clientAuthentication: .clientSecretBasic(clientSecret),
                redirectURI: redirectURI, scopes: scopes, acrValues: acrValues, idTokenSigning: signing,
                clock: clock ?? self.clock),
            httpClient: httpClient)
    }

    /// A client from a configuration, turning configuration errors into usage errors.
    static func makeClient(
        _ configuration: ProSanteConnectConfiguration, httpClient: SanteHTTPClient
    ) throws -> ProSanteConnectClient {
        do {
            return try ProSanteConnectClient(configuration: configuration, httpClient: httpClient)
        } catch let error as ProSanteConnectError {
            throw ArgumentParser.ValidationError(error.message)
        }
    }

    /// What the session store keeps about this provider after a login.
    func record(for login: ProSanteConnectLogin, at date: Date) -> PSCSessionRecord {
        PSCSessionRecord(
            discoveryURL: environment.discoveryURL, issuer: login.idToken.issuer, clientID: clientID,
            subject: login.idToken.subject, subjectNameID: login.subjectNameID?.rawValue, scopes: scopes,
            acrValues: acrValues, idTokenAlgorithms: idTokenAlgorithms,
            usesMockDemoClient: mock?.usesDemoClient == true,
            providerWasInProcess: mock?.isInProcess == true, signedInAt: date)
    }
}
