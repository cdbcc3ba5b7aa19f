import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import SanteMockPlatform

/// A running mock platform and ways to talk to its Pro Santé Connect provider over real HTTP.
struct MockProvider {
    let platform: MockPlatform
    let clock: TestClock
    let transport = URLSessionTransport()

    /// A loopback redirect URI: the mock accepts any loopback URI, and the test follows the redirect itself.
    static let redirectURI = testURL("http://127.0.0.1:9/psc/callback")

    /// Runs `body` with a fresh platform on `127.0.0.1:0`, stopped afterwards whatever happens.
    static func with(
        clock: TestClock = TestClock(), _ body: (MockProvider) async throws -> Void
    ) async throws {
        let platform = try await MockPlatform.start(MockPlatform.Configuration(clock: clock))
        let provider = MockProvider(platform: platform, clock: clock)
        do {
            try await body(provider)
        } catch {
            await platform.stop()
            throw error
        }
        await platform.stop()
    }

    var demoSecret: String { platform.identities.demoClient.clientSecret }

    /// A client of the mock provider, through `URLSessionTransport`.
    func client(
        clientID: String = "santekit-demo",
        authentication: ClientAuthentication? = nil,
        signing: IDTokenSigningPolicy = .asymmetric
    ) throws -> ProSanteConnectClient {
        let configuration = ProSanteConnectConfiguration(
            environment: .custom(
                name: "mock",
                discoveryURL: platform.issuerURL.appending(path: ".well-known/wallet-openid-configuration"),
                expectedIssuer: platform.issuerURL.absoluteString),
            clientID: clientID,
            clientAuthentication: authentication ?? .clientSecretBasic(demoSecret),
            redirectURI: Self.redirectURI,
            idTokenSigning: signing,
            clockLeeway: .seconds(30),
            clock: clock)
        return try ProSanteConnectClient(configuration: configuration, transport: transport, retryPolicy: .none)
    }

    /// Follows the authorization URL once (the mock approves at once) and returns the redirect's location.
    func followAuthorization(_ url: URL) async throws -> URL {
        let http = SanteHTTPClient(baseURL: platform.baseURL, transport: transport)
        let (response, body) = try await http.send(try http.makeRequest(.get, path: url.absoluteString))
        _ = try await body?.collect(upTo: 1 << 20)
        guard response.status.code == 302, let location = response.headerFields[.location],
            let callback = URL(string: location)
        else {
            throw MockProviderSupportError(message: "the authorization endpoint answered \(response.status.code)")
        }
        return callback
    }

    /// The whole code flow: prepare, follow the authorization redirect, complete.
    func login(_ client: ProSanteConnectClient, loginHint: String? = nil) async throws -> ProSanteConnectLogin {
        let prepared = try await client.prepareAuthorization(loginHint: loginHint)
        let callback = try await followAuthorization(prepared.url)
        return try await client.completeAuthorization(callbackURL: callback, pending: prepared.pending)
    }

    /// Registers a test client with a secret of 32 bytes or more.
    func register(
        _ clientID: String, idToken: JWSAlgorithm = .rs256, userinfo: JWSAlgorithm? = nil,
        method: MockPSCClient.AuthenticationMethod? = nil, keySet: JWKSet? = nil
    ) async -> String {
        let secret = "\(clientID)-secret-0123456789abcdefghijklmnop"
        await platform.identityProvider.register(
            MockPSCClient(
                clientID: clientID, clientSecret: keySet == nil ? secret : nil, idTokenSignedResponseAlgorithm: idToken,
                userinfoSignedResponseAlgorithm: userinfo, tokenEndpointAuthMethod: method, keySet: keySet))
        return secret
    }

    /// How many requests the mock received on `pathSuffix` (with `method`).
    func requestCount(_ method: HTTPRequest.Method, pathSuffix: String) async -> Int {
        await platform.requestLog.entries.filter { $0.method == method && $0.path.hasSuffix(pathSuffix) }.count
    }
}

struct MockProviderSupportError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
