import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import Testing

@Suite("Token exchange, revocation, introspection, logout URL")
struct TokenOperationsTests {
    @Test("RFC 8693 token exchange sends the subject token and reads the issued token")
    func exchange() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        harness.expectToken(
            #"{"access_token":"api-token","issued_token_type":"urn:ietf:params:oauth:token-type:access_token","token_type":"Bearer","expires_in":14400,"scope":"dmp","cnf":{"x5t#S256":"abc"}}"#
        )
        let response = try await harness.client.exchangeToken(
            TokenExchangeRequest(subjectToken: "psc-access", audiences: ["dmp-api"], scopes: ["dmp"]))
        #expect(response.accessToken == "api-token")
        #expect(response.issuedTokenType == TokenExchangeRequest.accessTokenType)
        #expect(response.expiresAt == harness.clock.now() + 14400)
        #expect(response.scopes == ["dmp"])
        #expect(response.additionalMembers["cnf"] == ["x5t#S256": "abc"])
        #expect(!"\(response)".contains("api-token"))
        let fields = formFields(harness.stub.recordedRequests[1])
        #expect(fields["grant_type"] == "urn:ietf:params:oauth:grant-type:token-exchange")
        #expect(fields["subject_token"] == "psc-access")
        #expect(fields["subject_token_type"] == "urn:ietf:params:oauth:token-type:jwt")
        #expect(fields["audience"] == "dmp-api")
        #expect(fields["scope"] == "dmp")
    }

    @Test("Token exchange can target another authorization server, and accepts token_type N_A")
    func exchangeElsewhere() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        harness.stub.expect(
            .post, "/oauth/token", where: { $0.request.authority == "as.api.test" },
            respond: .json(#"{"access_token":"t","issued_token_type":"urn:x","token_type":"N_A"}"#))
        let response = try await harness.client.exchangeToken(
            TokenExchangeRequest(subjectToken: "s", tokenEndpoint: URL(string: "https://as.api.test/oauth/token")!))
        #expect(response.tokenType == "N_A")
        let insecure = await pscReason {
            try await harness.client.exchangeToken(
                TokenExchangeRequest(subjectToken: "s", tokenEndpoint: URL(string: "http://as.api.test/token")!))
        }
        #expect(insecure == .insecureEndpoint)
    }

    @Test("Revocation posts the token and its hint with client authentication")
    func revoke() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        harness.stub.expect(.post, TestProvider.revocationPath, respond: .status(200))
        try await harness.client.revoke("refresh-1", typeHint: .refreshToken)
        let request = harness.stub.recordedRequests[1]
        #expect(formFields(request) == ["token": "refresh-1", "token_type_hint": "refresh_token"])
        #expect(request.request.headerFields[.authorization]?.hasPrefix("Basic ") == true)
        harness.stub.expect(
            .post, TestProvider.revocationPath,
            respond: .json(TestProvider.oauthError("unsupported_token_type"), status: 400))
        let error = await pscError { try await harness.client.revoke("x") }
        #expect(error?.oauthError?.error == .unsupportedTokenType)
    }

    @Test("Introspection is typed, with SubjectNameID")
    func introspect() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        harness.stub.expect(
            .post, TestProvider.introspectionPath,
            respond: .json(
                #"{"active":true,"scope":"openid scope_all","client_id":"santekit-test","token_type":"Bearer","exp":1767225720,"iat":1767225600,"sub":"f:x:899990000017","aud":["a","b"],"iss":"https://auth.psc.test/auth/realms/esante-wallet","SubjectNameID":"899990000017","acr":"eidas1"}"#
            ))
        let introspection = try await harness.client.introspect("access-1", typeHint: .accessToken)
        #expect(introspection.active)
        #expect(introspection.scopes == ["openid", "scope_all"])
        #expect(introspection.clientID == "santekit-test")
        #expect(introspection.expiresAt == Date(timeIntervalSince1970: 1_767_225_720))
        #expect(introspection.audience == ["a", "b"])
        #expect(introspection.subjectNameID == .rpps(RPPS("99990000017")))
        #expect(introspection.additionalMembers == ["acr": "eidas1"])
        #expect(formFields(harness.stub.recordedRequests[1])["token_type_hint"] == "access_token")
        let again = try JSONDecoder().decode(TokenIntrospection.self, from: JSONEncoder().encode(introspection))
        #expect(again == introspection)

        harness.stub.expect(.post, TestProvider.introspectionPath, respond: .json(#"{"active":false}"#))
        #expect(try await harness.client.introspect("old").active == false)
        harness.stub.expect(.post, TestProvider.introspectionPath, respond: .json(#"{"scope":"x"}"#))
        #expect(await pscReason { try await harness.client.introspect("x") } == .invalidResponse)
    }

    @Test("The RP-initiated logout URL carries id_token_hint, post_logout_redirect_uri and state")
    func logoutURL() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        let url = try await harness.client.logoutURL(
            idTokenHint: "header.payload.signature",
            postLogoutRedirectURI: URL(string: "https://app.cabinet.test/bye")!, state: "s-1")
        #expect(url.path() == TestProvider.logoutPath)
        let items = queryItems(url)
        #expect(items["id_token_hint"] == "header.payload.signature")
        #expect(items["post_logout_redirect_uri"] == "https://app.cabinet.test/bye")
        #expect(items["state"] == "s-1")
        #expect(items["client_id"] == TestProvider.clientID)
    }

    @Test("Operations whose endpoint is not advertised are refused")
    func notAdvertised() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery([
            "revocation_endpoint": nil, "introspection_endpoint": nil, "end_session_endpoint": nil,
        ])
        #expect(await pscReason { try await harness.client.revoke("x") } == .endpointNotAdvertised)
        #expect(await pscReason { try await harness.client.introspect("x") } == .endpointNotAdvertised)
        #expect(await pscReason { try await harness.client.logoutURL(idTokenHint: "x") } == .endpointNotAdvertised)
        #expect(await pscReason { try await harness.client.logout(idTokenHint: "x") } == .endpointNotAdvertised)
    }
}
