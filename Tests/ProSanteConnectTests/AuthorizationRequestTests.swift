import Crypto
import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import Testing

@Suite("Authorization request")
struct AuthorizationRequestTests {
    @Test("The URL carries code, PKCE S256, state, nonce, scope openid scope_all and acr_values eidas1")
    func parameters() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        let prepared = try await harness.client.prepareAuthorization(
            loginHint: "899990000017", additionalParameters: ["ui_locales": "fr", "state": "forged"])
        let url = prepared.url
        #expect(url.host() == "wallet.psc.test")
        #expect(url.path() == "/auth")
        let items = queryItems(url)
        #expect(items["response_type"] == "code")
        #expect(items["client_id"] == TestProvider.clientID)
        #expect(items["redirect_uri"] == TestProvider.redirectURI.absoluteString)
        #expect(items["scope"] == "openid scope_all")
        #expect(items["acr_values"] == "eidas1")
        #expect(items["code_challenge_method"] == "S256")
        #expect(items["login_hint"] == "899990000017")
        #expect(items["ui_locales"] == "fr")
        #expect(items["state"] == prepared.pending.state)
        #expect(items["nonce"] == prepared.pending.nonce)
        #expect(items["max_age"] == nil)
        #expect(url.absoluteString.contains("scope=openid%20scope_all"))

        let verifier = prepared.pending.codeVerifier
        #expect(verifier.count == 43)
        #expect(verifier.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        let challenge = Base64URL.encode(Array(SHA256.hash(data: Data(verifier.utf8))))
        #expect(items["code_challenge"] == challenge)
        #expect(prepared.pending.state.count == 43)
        #expect(prepared.pending.nonce.count == 43)
        #expect(prepared.pending.state != prepared.pending.nonce)
        #expect(prepared.pending.issuer == TestProvider.issuer)
        #expect(prepared.pending.createdAt == harness.clock.now())
    }

    @Test("Every request gets fresh state, nonce and verifier")
    func freshValues() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        var seen: Set<String> = []
        for _ in 0..<50 {
            let pending = try await harness.client.prepareAuthorization().pending
            seen.formUnion([pending.state, pending.nonce, pending.codeVerifier])
        }
        #expect(seen.count == 150)
    }

    @Test("max_age is sent when configured")
    func maximumAge() async throws {
        let harness = try TestHarness { $0.maximumAuthenticationAge = .seconds(600) }
        harness.expectDiscovery()
        let prepared = try await harness.client.prepareAuthorization(prompt: "login")
        #expect(queryItems(prepared.url)["max_age"] == "600")
        #expect(queryItems(prepared.url)["prompt"] == "login")
        #expect(prepared.pending.maximumAuthenticationAgeSeconds == 600)
    }

    @Test("The pending authorization round-trips as JSON and hides its secrets")
    func pendingCodable() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        let pending = try await harness.client.prepareAuthorization().pending
        let decoded = try JSONDecoder().decode(PendingAuthorization.self, from: JSONEncoder().encode(pending))
        #expect(decoded == pending)
        let text = "\(pending)"
        #expect(!text.contains(pending.state))
        #expect(!text.contains(pending.codeVerifier))
        #expect(!text.contains(pending.nonce))
    }
}
