import Foundation
import HTTPTypes
import ProSanteConnect
import SanteAsyncHTTPClient
import SanteCore
import SanteDMP
import SanteHTTP
import SanteMockPlatform
import SanteTestSupport
import Testing

@Suite(
    "tls_client_auth end to end against the mock over mutual TLS",
    .enabled(if: OpenSSLTool.isAvailable, "the openssl command is not installed: mutual TLS tests skipped"))
struct TLSClientAuthTests {
    static let patient = INS("279035121518989", system: .test, status: .qualified)

    /// The `cnf.x5t#S256` of a JWT access token.
    private func boundThumbprint(_ accessToken: String) throws -> String? {
        try JWS.parseUnverified(accessToken).claims()[claim: "cnf"]?["x5t#S256"]?.stringValue
    }

    /// A DMP client of the mock presenting `token` through `transport`, at `baseURL`.
    private func dmp(_ baseURL: URL, token: String, transport: any HTTPTransport) throws -> DMPClient {
        try DMPClient(
            configuration: DMPClientConfiguration(
                baseURL: baseURL, tokenProvider: ClosureTokenProvider { token }, sourceID: "urn:oid:1.2.250.1.999.1",
                retryPolicy: .none),
            transport: transport)
    }

    @Test("Discovery gives the mtls_endpoint_aliases, and the client uses them", .timeLimit(.minutes(1)))
    func aliases() async throws {
        try await MutualTLSProvider.with { mock in
            let metadata = try await mock.client().providerMetadata()
            let aliases = try #require(metadata.mtlsEndpointAliases)
            let mutualTLSBase = try #require(mock.platform.mutualTLSBaseURL).absoluteString
            #expect(aliases.tokenEndpoint?.absoluteString.hasPrefix(mutualTLSBase) == true)
            #expect(aliases.backchannelAuthenticationEndpoint?.absoluteString.hasPrefix(mutualTLSBase) == true)
            #expect(metadata.tokenEndpoint.absoluteString.hasPrefix(mock.platform.baseURL.absoluteString))
            #expect(metadata.tokenEndpoint != aliases.tokenEndpoint)
        }
    }

    @Test(
        "Code flow, refresh, userinfo, introspection and token exchange; every access token is bound",
        .timeLimit(.minutes(1)))
    func codeFlow() async throws {
        try await MutualTLSProvider.with { mock in
            let thumbprint = try TLSClientIdentityMaterial(mock.identity).certificateThumbprint
            #expect(try mock.transport.clientCertificateThumbprint() == thumbprint)
            let client = try mock.client()
            let login = try await mock.login(client)
            #expect(login.subjectNameID?.rawValue == "899990000012")
            #expect(try boundThumbprint(login.tokens.accessToken) == thumbprint)

            let professional = try await client.userInfo(for: login)
            #expect(professional.subjectNameID?.rawValue == "899990000012")

            let refreshed = try await client.refresh(login.tokens)
            #expect(refreshed.accessToken != login.tokens.accessToken)
            #expect(try boundThumbprint(refreshed.accessToken) == thumbprint)

            let introspection = try await client.introspect(refreshed.accessToken, typeHint: .accessToken)
            #expect(introspection.active)
            #expect(introspection.additionalMembers["cnf"]?["x5t#S256"]?.stringValue == thumbprint)

            let exchanged = try await client.exchangeToken(
                TokenExchangeRequest(subjectToken: refreshed.accessToken, audiences: ["santekit-dmp"]))
            #expect(try boundThumbprint(exchanged.accessToken) == thumbprint)
            let claims = try JWS.parseUnverified(exchanged.accessToken).claims()
            #expect(claims.audience == .single("santekit-dmp"))
            #expect(claims[claim: "act"] == ["sub": "santekit-mtls"])
        }
    }

    @Test("CIBA through the mutual-TLS alias gives a bound token", .timeLimit(.minutes(1)))
    func backchannel() async throws {
        try await MutualTLSProvider.with(clock: TestClock(mode: .automatic)) { mock in
            await mock.platform.identityProvider.setCIBABehaviour(.approveAfterPolls(1))
            let login = try await mock.client().authenticateWithBackchannel(
                BackchannelAuthenticationRequest(
                    loginHint: "899990000020/CPAT00045", bindingMessage: "Connexion 4821", channel: "CARD"))
            #expect(login.subjectNameID?.rawValue == "899990000020")
            #expect(mock.clock.recordedSleeps == [.seconds(5), .seconds(5)])
            let thumbprint = try TLSClientIdentityMaterial(mock.identity).certificateThumbprint
            #expect(try boundThumbprint(login.tokens.accessToken) == thumbprint)
        }
    }

    @Test("Without the certificate, tls_client_auth fails with invalid_client", .timeLimit(.minutes(1)))
    func missingCertificate() async throws {
        try await MutualTLSProvider.with { mock in
            let configuration = try mock.client().configuration
            let bare = try ProSanteConnectClient(
                configuration: configuration,
                transport: try MutualTLSProvider.transport(identity: nil, authority: mock.authority), retryPolicy: .none
            )
            let error = await #expect(throws: ProSanteConnectError.self) {
                _ = try await bare.startBackchannelAuthentication(
                    BackchannelAuthenticationRequest(loginHint: "899990000012"))
            }
            #expect(error?.oauthError?.error == .invalidClient)
            #expect(error?.httpStatus == 401)
        }
    }

    @Test(
        "The DMP accepts the bound token with its certificate and refuses it replayed without it or with another",
        .timeLimit(.minutes(1)))
    func boundTokenAtTheDMP() async throws {
        try await MutualTLSProvider.with { mock in
            let client = try mock.client()
            let login = try await mock.login(client)
            let exchanged = try await client.exchangeToken(
                TokenExchangeRequest(subjectToken: login.tokens.accessToken, audiences: ["santekit-dmp"]))
            let mutualTLSDMP = try #require(mock.platform.mutualTLSBaseURL(for: .dmp))

            let owner = try dmp(mutualTLSDMP, token: exchanged.accessToken, transport: mock.transport)
            var found = 0
            for try await _ in try owner.findDocuments(DMPDocumentQuery(patient: Self.patient)) {
                found += 1
            }
            #expect(found == 0)
            let missing = await #expect(throws: DMPError.self) { _ = try await owner.document(id: "no-such-document") }
            #expect(missing?.reason == .notFound)

            let withoutCertificate = try dmp(
                mock.platform.baseURL(for: .dmp), token: exchanged.accessToken,
                transport: try MutualTLSProvider.transport(identity: nil, authority: mock.authority))
            let replayed = await #expect(throws: DMPError.self) {
                _ = try await withoutCertificate.document(id: "no-such-document")
            }
            #expect(replayed?.reason == .unauthorized)
            #expect(replayed?.httpStatus == 401)
            #expect(replayed?.operationOutcome != nil)

            let other = try mock.authority.issueCertificate(for: MockCertificateSubject(commonName: "another-client"))
            let otherIdentity = TLSClientIdentity.pkcs12(
                try await PKCS12Maker.bundle(other), passphrase: PKCS12Maker.passphrase)
            let withOther = try dmp(
                mutualTLSDMP, token: exchanged.accessToken,
                transport: try MutualTLSProvider.transport(identity: otherIdentity, authority: mock.authority))
            let impostor = await #expect(throws: DMPError.self) {
                _ = try await withOther.document(id: "no-such-document")
            }
            #expect(impostor?.reason == .unauthorized)
            #expect(impostor?.httpStatus == 401)
        }
    }
}
