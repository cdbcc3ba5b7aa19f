import Foundation
import HTTPTypes
import ProSanteConnect
import SanteAsyncHTTPClient
import SanteCore
import SanteHTTP
import SanteMockPlatform
import SanteTestSupport

/// Turns PEM certificates and keys into PKCS #12 bundles with the `openssl` command, as an IGC-Santé
/// certificate is delivered. The process is awaited through its termination handler.
enum PKCS12Maker {
    static let passphrase = "test-pkcs12-passphrase"

    /// `openssl pkcs12 -export` of an issued certificate (chain and key), protected by ``passphrase``.
    static func bundle(_ certificate: MockIssuedCertificate) async throws -> Data {
        let directory = FileManager.default.temporaryDirectory.appending(path: "santekit-p12-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(certificate.certificateChainPEM.utf8).write(to: directory.appending(path: "chain.pem"))
        try Data(certificate.privateKeyPEM.utf8).write(to: directory.appending(path: "key.pem"))
        try await OpenSSLTool.run(
            [
                "pkcs12", "-export", "-in", "chain.pem", "-inkey", "key.pem", "-passout", "pass:\(passphrase)",
                "-out", "identity.p12",
            ], in: directory)
        return try Data(contentsOf: directory.appending(path: "identity.p12"))
    }
}

/// A mock platform with TLS, and a `tls_client_auth` client of it presenting a PKCS #12 certificate of the
/// platform's authority through the AsyncHTTPClient transport.
struct MutualTLSProvider {
    let platform: MockPlatform
    let clock: TestClock
    let authority: MockCertificateAuthority
    /// The `santekit-mtls` certificate, as a PKCS #12 client identity.
    let identity: TLSClientIdentity
    /// The transport presenting ``identity`` and trusting only the platform's authority.
    let transport: AsyncHTTPClientTransport

    /// Runs `body` with a fresh TLS platform on `127.0.0.1:0`, stopped afterwards whatever happens.
    static func with(clock: TestClock = TestClock(), _ body: (MutualTLSProvider) async throws -> Void) async throws {
        let platform = try await MockPlatform.start(MockPlatform.Configuration(clock: clock, tls: MockTLS()))
        do {
            guard let authority = platform.certificateAuthority else {
                throw MockProviderSupportError(message: "the TLS platform has no certificate authority")
            }
            let certificate = try authority.issueCertificate(for: MockPSCClient.mutualTLSDemoSubject)
            let identity = TLSClientIdentity.pkcs12(
                try await PKCS12Maker.bundle(certificate), passphrase: PKCS12Maker.passphrase)
            let provider = MutualTLSProvider(
                platform: platform, clock: clock, authority: authority, identity: identity,
                transport: try transport(identity: identity, authority: authority))
            try await body(provider)
        } catch {
            await platform.stop()
            throw error
        }
        await platform.stop()
    }

    /// An AsyncHTTPClient transport trusting only `authority`, presenting `identity` when given.
    static func transport(
        identity: TLSClientIdentity?, authority: MockCertificateAuthority
    ) throws -> AsyncHTTPClientTransport {
        try AsyncHTTPClientTransport(
            validating: AsyncHTTPClientTransport.Configuration(
                timeout: .seconds(20), clientIdentity: identity, trustRoots: .pem(authority.certificatePEM),
                trustRootsUsage: .insteadOfSystemRoots))
    }

    /// The `santekit-mtls` client with `tls_client_auth`, through ``transport``.
    func client() throws -> ProSanteConnectClient {
        let configuration = ProSanteConnectConfiguration(
            environment: .custom(
                name: "mock-tls",
                discoveryURL: platform.issuerURL.appending(path: ".well-known/wallet-openid-configuration"),
                expectedIssuer: platform.issuerURL.absoluteString),
            clientID: MockPSCClient.mutualTLSDemo.clientID,
            clientAuthentication: .tlsClientAuth,
            redirectURI: MockProvider.redirectURI,
            clockLeeway: .seconds(30),
            clock: clock)
        return try ProSanteConnectClient(configuration: configuration, transport: transport, retryPolicy: .none)
    }

    /// The whole code flow; the browser step (the mock approves at once) goes through ``transport`` too.
    func login(_ client: ProSanteConnectClient) async throws -> ProSanteConnectLogin {
        let prepared = try await client.prepareAuthorization()
        let http = SanteHTTPClient(baseURL: platform.baseURL, transport: transport)
        let (response, body) = try await http.send(try http.makeRequest(.get, path: prepared.url.absoluteString))
        _ = try await body?.collect(upTo: 1 << 20)
        guard response.status.code == 302, let location = response.headerFields[.location],
            let callback = URL(string: location)
        else {
            throw MockProviderSupportError(message: "the authorization endpoint answered \(response.status.code)")
        }
        return try await client.completeAuthorization(callbackURL: callback, pending: prepared.pending)
    }
}
