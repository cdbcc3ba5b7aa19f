import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import Testing

@Suite("Discovery and key set")
struct DiscoveryTests {
    @Test("Discovery is fetched from the configured URL, decoded and cached for its lifetime")
    func cached() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        let metadata = try await harness.client.providerMetadata()
        #expect(metadata.issuer == TestProvider.issuer)
        #expect(metadata.authorizationEndpoint.host() == "wallet.psc.test")
        #expect(metadata.authorizationResponseIssuerParameterSupported)
        #expect(metadata.codeChallengeMethodsSupported == ["plain", "S256"])
        #expect(metadata.backchannelAuthenticationEndpoint?.path().hasSuffix("/ext/ciba/auth") == true)
        #expect(metadata.additionalMembers["claims_supported"] == ["sub", "iss"])
        _ = try await harness.client.providerMetadata()
        #expect(harness.stub.recordedRequests.count == 1)

        harness.clock.advance(by: .seconds(3601))
        harness.expectDiscovery()
        _ = try await harness.client.providerMetadata()
        #expect(harness.stub.recordedRequests.count == 2)
        try harness.stub.verifyAllExpectationsConsumed()
    }

    @Test("Concurrent first callers share one discovery fetch")
    func singleFetch() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await harness.client.providerMetadata().issuer } }
            for try await issuer in group { #expect(issuer == TestProvider.issuer) }
        }
        #expect(harness.stub.recordedRequests.count == 1)
    }

    @Test("An issuer other than the expected one is refused")
    func issuerMismatch() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery(["issuer": "https://evil.example/auth/realms/esante-wallet"])
        #expect(await pscReason { try await harness.client.providerMetadata() } == .discoveryIssuerMismatch)
    }

    @Test("Without an expected issuer, the announced one is accepted")
    func noExpectedIssuer() async throws {
        let harness = try TestHarness(environment: .custom(discoveryURL: TestProvider.discoveryURL))
        harness.expectDiscovery()
        #expect(try await harness.client.providerMetadata().issuer == TestProvider.issuer)
    }

    @Test("A document that is not provider metadata is refused")
    func invalid() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery(["token_endpoint": nil])
        #expect(await pscReason { try await harness.client.providerMetadata() } == .discoveryInvalid)
        harness.stub.expect(.get, TestProvider.discoveryPath, respond: .json("[1, 2]"))
        #expect(await pscReason { try await harness.client.providerMetadata() } == .discoveryInvalid)
        harness.expectDiscovery(["authorization_response_iss_parameter_supported": "yes"])
        #expect(await pscReason { try await harness.client.providerMetadata() } == .discoveryInvalid)
    }

    @Test("An endpoint on plain HTTP is refused")
    func insecureEndpoint() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery(["token_endpoint": "http://auth.psc.test/token"])
        #expect(await pscReason { try await harness.client.providerMetadata() } == .insecureEndpoint)
    }

    @Test("A discovery document larger than the limit is refused")
    func sizeLimit() async throws {
        let harness = try TestHarness { $0.responseSizeLimits.discovery = 200 }
        harness.expectDiscovery()
        let error = await pscError { try await harness.client.providerMetadata() }
        #expect(error?.reason == .responseTooLarge)
        #expect(error?.code == .transport)
    }

    @Test("An HTTP failure keeps its status and code")
    func httpFailure() async throws {
        let harness = try TestHarness()
        harness.stub.expect(.get, TestProvider.discoveryPath, respond: .status(503))
        let error = await pscError { try await harness.client.providerMetadata() }
        #expect(error?.reason == .requestFailed)
        #expect(error?.code == .httpStatus)
        #expect(error?.httpStatus == 503)
        #expect(error?.operation == "psc.discovery")
    }

    @Test("The key set is fetched from jwks_uri and cached")
    func keySet() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        try harness.expectKeys([try TestKeys.rsa(), TestKeys.ecKey])
        let set = try await harness.client.keySet()
        #expect(set.keys.map(\.keyID) == ["rsa-1", "ec-1"])
        _ = try await harness.client.keySet()
        #expect(harness.stub.recordedRequests.count == 2)
        await harness.client.clearProviderCache()
        harness.expectDiscovery()
        try harness.expectKeys([TestKeys.ecKey])
        #expect(try await harness.client.keySet().keys.count == 1)
    }

    @Test("A key set that is not a JWK set is refused")
    func invalidKeySet() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        harness.stub.expect(.get, TestProvider.jwksPath, respond: .json(#"{"keys": "none"}"#))
        #expect(await pscReason { try await harness.client.keySet() } == .jwksInvalid)
    }

    @Test("Metadata encodes back with every member")
    func roundTrip() throws {
        let data = Data(
            TestProvider.discovery([
                "mtls_endpoint_aliases": ["token_endpoint": "https://mtls.psc.test/token", "x": "y"]
            ]).utf8)
        let metadata = try JSONDecoder().decode(ProviderMetadata.self, from: data)
        #expect(metadata.mtlsEndpointAliases?.tokenEndpoint?.host() == "mtls.psc.test")
        #expect(metadata.mtlsEndpointAliases?.additionalMembers["x"] == "y")
        let again = try JSONDecoder().decode(ProviderMetadata.self, from: JSONEncoder().encode(metadata))
        #expect(again == metadata)
    }
}
