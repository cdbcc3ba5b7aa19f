import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import SanteMockPlatform
import Testing

/// Sessions, CIBA and the other token operations against the mock provider.
@Suite("End to end: sessions and token operations on the mock provider")
struct MockSessionTests {
    @Test(
        "The manager refreshes once for concurrent callers, with rotation; the old refresh token is dead",
        .timeLimit(.minutes(3)))
    func refresh() async throws {
        try await MockProvider.with { mock in
            let client = try mock.client()
            let login = try await mock.login(client)
            let store = InMemoryTokenStore()
            let manager = ProSanteConnectTokenManager(client: client, store: store)
            try await manager.begin(with: login)
            mock.clock.advance(by: .seconds(100))
            let before = await mock.requestCount(.post, pathSuffix: "/protocol/openid-connect/token")
            let tokens = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<20 { group.addTask { try await manager.validAccessToken() } }
                var tokens: Set<String> = []
                for try await token in group { tokens.insert(token) }
                return tokens
            }
            #expect(tokens.count == 1)
            #expect(tokens.first != login.tokens.accessToken)
            #expect(await mock.requestCount(.post, pathSuffix: "/protocol/openid-connect/token") == before + 1)
            let stored = try #require(try await store.load())
            #expect(stored.refreshToken != login.tokens.refreshToken)
            #expect(stored.accessToken == tokens.first)

            let userInfo = try await client.userInfo(
                accessToken: stored.accessToken, expectedSubject: login.idToken.subject)
            #expect(userInfo.subjectNameID == login.subjectNameID)

            let reused = await pscError { try await client.refresh(login.tokens) }
            #expect(reused?.reason == .oauth)
            #expect(reused?.oauthError?.error == .invalidGrant)
        }
    }

    @Test("invalid_grant ends the manager's session and clears its store", .timeLimit(.minutes(3)))
    func invalidGrant() async throws {
        try await MockProvider.with { mock in
            let client = try mock.client()
            let login = try await mock.login(client)
            let store = InMemoryTokenStore()
            let manager = ProSanteConnectTokenManager(client: client, store: store)
            try await manager.begin(with: login)
            _ = try await client.refresh(login.tokens)  // rotates: the manager's refresh token is now dead
            mock.clock.advance(by: .seconds(100))
            let error = await pscError { try await manager.validAccessToken() }
            #expect(error?.reason == .sessionEnded)
            #expect(error?.oauthError?.error == .invalidGrant)
            #expect(try await store.load() == nil)
        }
    }

    @Test("Server-side logout ends the provider session and the local one", .timeLimit(.minutes(3)))
    func logout() async throws {
        try await MockProvider.with { mock in
            let client = try mock.client()
            let login = try await mock.login(client)
            let store = InMemoryTokenStore()
            let manager = ProSanteConnectTokenManager(client: client, store: store)
            try await manager.begin(with: login)
            try await manager.logout()
            #expect(try await store.load() == nil)
            #expect(await pscError { try await client.refresh(login.tokens) }?.oauthError?.error == .invalidGrant)
        }
    }

    @Test("The RP-initiated logout URL redirects back with state", .timeLimit(.minutes(3)))
    func logoutURL() async throws {
        try await MockProvider.with { mock in
            let client = try mock.client()
            let login = try await mock.login(client)
            let url = try await client.logoutURL(
                idTokenHint: login.idToken.compactSerialization,
                postLogoutRedirectURI: URL(string: "http://127.0.0.1:9/bye")!, state: "bye-1")
            let back = try await mock.followAuthorization(url)
            #expect(back.path() == "/bye")
            #expect(queryItems(back)["state"] == "bye-1")
        }
    }

    @Test("Introspection, revocation and token exchange", .timeLimit(.minutes(3)))
    func tokenOperations() async throws {
        try await MockProvider.with { mock in
            let client = try mock.client()
            let login = try await mock.login(client)
            let introspection = try await client.introspect(login.tokens.accessToken, typeHint: .accessToken)
            #expect(introspection.active)
            #expect(introspection.subjectNameID == login.subjectNameID)

            let exchanged = try await client.exchangeToken(
                TokenExchangeRequest(subjectToken: login.tokens.accessToken, audiences: ["santekit-dmp"]))
            #expect(exchanged.issuedTokenType == TokenExchangeRequest.accessTokenType)
            #expect(exchanged.accessToken != login.tokens.accessToken)
            let claims = try JWS.parseUnverified(exchanged.accessToken).claims()
            #expect(claims.audience?.contains("santekit-dmp") == true)

            try await client.revoke(login.tokens.accessToken, typeHint: .accessToken)
            #expect(try await client.introspect(login.tokens.accessToken).active == false)
        }
    }

    @Test("CIBA: pending twice, then approved; polls every interval", .timeLimit(.minutes(3)))
    func cibaApproved() async throws {
        try await MockProvider.with(clock: TestClock(mode: .automatic)) { mock in
            await mock.platform.identityProvider.setCIBABehaviour(.approveAfterPolls(2))
            let login = try await mock.client().authenticateWithBackchannel(
                BackchannelAuthenticationRequest(
                    loginHint: "899990000020/CPAT00045", bindingMessage: "Connexion 4821", channel: "CARD"))
            #expect(login.subjectNameID?.rawValue == "899990000020")
            #expect(login.idToken.nonce == nil)
            #expect(mock.clock.recordedSleeps == [.seconds(5), .seconds(5), .seconds(5)])
        }
    }

    @Test("CIBA: slow_down adds 5 s to the interval", .timeLimit(.minutes(3)))
    func cibaSlowDown() async throws {
        try await MockProvider.with(clock: TestClock(mode: .automatic)) { mock in
            await mock.platform.identityProvider.setCIBABehaviour(.approveAfterPolls(0))
            let client = try mock.client()
            let started = try await client.startBackchannelAuthentication(
                BackchannelAuthenticationRequest(loginHint: "899990000012"))
            #expect(started.intervalSeconds == 5)
            let hurried = BackchannelAuthentication(
                authenticationRequestID: started.authenticationRequestID, expiresAt: started.expiresAt,
                intervalSeconds: 2, scopes: started.scopes, acrValues: started.acrValues, startedAt: started.startedAt)
            let login = try await client.pollBackchannelAuthentication(hurried)
            #expect(login.subjectNameID?.rawValue == "899990000012")
            #expect(mock.clock.recordedSleeps == [.seconds(2), .seconds(7)])
        }
    }

    @Test("CIBA: denied, expired, unknown professional", .timeLimit(.minutes(3)))
    func cibaFailures() async throws {
        try await MockProvider.with(clock: TestClock(mode: .automatic)) { mock in
            let client = try mock.client()
            let request = BackchannelAuthenticationRequest(loginHint: "899990000012")
            await mock.platform.identityProvider.setCIBABehaviour(.deny)
            let denied = await pscError { try await client.authenticateWithBackchannel(request) }
            #expect(denied?.reason == .authorizationDenied)
            #expect(denied?.oauthError?.error == .accessDenied)

            await mock.platform.identityProvider.setCIBABehaviour(.approveAfterPolls(1000))
            let expired = await pscError { try await client.authenticateWithBackchannel(request) }
            #expect(expired?.reason == .backchannelAuthenticationExpired)

            let unknown = await pscError {
                try await client.startBackchannelAuthentication(
                    BackchannelAuthenticationRequest(loginHint: "899999999999"))
            }
            #expect(unknown?.reason == .oauth)
            #expect(unknown?.oauthError?.error == .unknownUserID)
        }
    }
}
