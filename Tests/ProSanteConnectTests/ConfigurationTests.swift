import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    private func configuration(
        authentication: ClientAuthentication = .clientSecretBasic("secret"),
        discoveryURL: URL = TestProvider.discoveryURL,
        change: (inout ProSanteConnectConfiguration) -> Void = { _ in }
    ) -> ProSanteConnectConfiguration {
        var configuration = ProSanteConnectConfiguration(
            environment: .custom(discoveryURL: discoveryURL), clientID: "client",
            clientAuthentication: authentication, redirectURI: TestProvider.redirectURI)
        change(&configuration)
        return configuration
    }

    private func reason(_ configuration: ProSanteConnectConfiguration) -> ProSanteConnectError.Reason? {
        do {
            try configuration.validate()
            return nil
        } catch {
            return error.reason
        }
    }

    @Test("The defaults follow PSC: openid scope_all, eidas1, asymmetric algorithms, 60 s leeway")
    func defaults() throws {
        let configuration = configuration()
        #expect(configuration.scopes == ["openid", "scope_all"])
        #expect(configuration.acrValues == ["eidas1"])
        #expect(configuration.idTokenSigning.allowedAlgorithms == [.rs256, .ps256, .es256])
        #expect(!configuration.idTokenSigning.acceptsHS256WithClientSecret)
        #expect(configuration.clockLeeway == .seconds(60))
        #expect(reason(configuration) == nil)
    }

    @Test("The presets give explicit wallet-openid-configuration URLs and issuers")
    func presets() {
        #expect(
            ProSanteConnectEnvironment.production.discoveryURL.absoluteString
                == "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration")
        #expect(
            ProSanteConnectEnvironment.production.expectedIssuer
                == "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet")
        #expect(
            ProSanteConnectEnvironment.sandbox.discoveryURL.absoluteString
                == "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration"
        )
        #expect(
            ProSanteConnectEnvironment.sandbox.expectedIssuer
                == "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet")
        let custom = ProSanteConnectEnvironment.custom(discoveryURL: TestProvider.discoveryURL)
        #expect(custom.expectedIssuer == nil)
        #expect(custom.name == "custom")
    }

    @Test("Invalid configurations are refused with a typed reason")
    func invalid() {
        #expect(reason(configuration { $0.clientID = "" }) == .invalidConfiguration)
        #expect(reason(configuration { $0.scopes = ["scope_all"] }) == .invalidConfiguration)
        #expect(reason(configuration { $0.scopes = ["openid", "a b"] }) == .invalidConfiguration)
        #expect(reason(configuration { $0.clockLeeway = .seconds(-1) }) == .invalidConfiguration)
        #expect(
            reason(configuration { $0.idTokenSigning = IDTokenSigningPolicy(asymmetricAlgorithms: [.hs256]) })
                == .invalidConfiguration)
        #expect(
            reason(configuration { $0.idTokenSigning = IDTokenSigningPolicy(asymmetricAlgorithms: ["none"]) })
                == .invalidConfiguration)
        #expect(
            reason(configuration { $0.idTokenSigning = IDTokenSigningPolicy(asymmetricAlgorithms: []) })
                == .invalidConfiguration)
        #expect(reason(configuration { $0.redirectURI = URL(string: "/relative")! }) == .invalidConfiguration)
    }

    @Test("HS256 needs an explicit policy and a client secret of 32 bytes or more")
    func hs256() {
        #expect(
            reason(configuration(authentication: .tlsClientAuth) { $0.idTokenSigning = .hs256WithClientSecret })
                == .invalidConfiguration)
        #expect(
            reason(
                configuration(authentication: .clientSecretBasic("short")) {
                    $0.idTokenSigning = .hs256WithClientSecret
                }) == .invalidConfiguration)
        #expect(
            reason(
                configuration(authentication: .clientSecretPost(TestProvider.clientSecret)) {
                    $0.idTokenSigning = .hs256WithClientSecret
                }) == nil)
        #expect(IDTokenSigningPolicy.hs256WithClientSecret.allowedAlgorithms == [.hs256])
        #expect(IDTokenSigningPolicy.only(.es256).allowedAlgorithms == [.es256])
    }

    @Test("The discovery URL must be HTTPS, except on the loopback")
    func endpointSecurity() {
        #expect(reason(configuration(discoveryURL: URL(string: "http://psc.example/x")!)) == .insecureEndpoint)
        #expect(reason(configuration(discoveryURL: URL(string: "ftp://psc.example/x")!)) == .insecureEndpoint)
        #expect(reason(configuration(discoveryURL: URL(string: "http://127.0.0.1:8080/x")!)) == nil)
        #expect(reason(configuration(discoveryURL: URL(string: "http://localhost/x")!)) == nil)
    }

    @Test("The client refuses an invalid configuration at creation")
    func clientInit() {
        #expect(throws: ProSanteConnectError.self) {
            try ProSanteConnectClient(configuration: configuration { $0.clientID = "" }, transport: StubTransport())
        }
    }

    @Test("Client authentication names its method and never shows a secret or a key")
    func authenticationDescription() throws {
        let secret = "very-secret-value"
        #expect(ClientAuthentication.clientSecretBasic(secret).methodName == "client_secret_basic")
        #expect(ClientAuthentication.clientSecretPost(secret).methodName == "client_secret_post")
        #expect(ClientAuthentication.tlsClientAuth.methodName == "tls_client_auth")
        #expect(ClientAuthentication.tlsClientAuth.usesMutualTLS)
        let keyAuthentication = ClientAuthentication.privateKeyJWT(signingKey: TestKeys.ecKey)
        #expect(keyAuthentication.methodName == "private_key_jwt")
        #expect(!keyAuthentication.usesMutualTLS)
        #expect(!"\(ClientAuthentication.clientSecretBasic(secret))".contains(secret))
        #expect("\(ClientAuthentication.clientSecretPost(secret))" == "ClientAuthentication(client_secret_post)")
    }
}
