import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import Synchronization
import Testing

@Suite("Token manager")
struct TokenManagerTests {
    /// A logged-in manager over `store`; the access token expires 120 s after the clock's start.
    private func session(store: any TokenStore = InMemoryTokenStore()) async throws
        -> (TestHarness, ProSanteConnectTokenManager, ProSanteConnectLogin)
    {
        let harness = try TestHarness()
        let login = try await harness.login { try harness.standardIDToken($0) }
        let manager = ProSanteConnectTokenManager(client: harness.client, store: store)
        try await manager.begin(with: login)
        return (harness, manager, login)
    }

    private func refreshCount(_ harness: TestHarness) -> Int {
        harness.stub.recordedRequests.filter { formFields($0)["grant_type"] == "refresh_token" }.count
    }

    @Test("A fresh access token is returned without any request")
    func fresh() async throws {
        let (harness, manager, _) = try await session()
        let before = harness.stub.recordedRequests.count
        #expect(try await manager.validAccessToken() == "access-1")
        harness.clock.advance(by: .seconds(89))
        #expect(try await manager.validAccessToken() == "access-1")
        #expect(harness.stub.recordedRequests.count == before)
    }

    @Test("The token is refreshed early, within the margin")
    func earlyRefresh() async throws {
        let (harness, manager, _) = try await session()
        harness.clock.advance(by: .seconds(91))
        harness.expectToken(
            TestProvider.tokenResponse(accessToken: "access-2", idToken: nil, refreshToken: "refresh-2"),
            where: { isRefresh($0, with: "refresh-1") })
        #expect(try await manager.validAccessToken() == "access-2")
        #expect(try await manager.currentTokens()?.refreshToken == "refresh-2")
        #expect(try await manager.currentTokens()?.idToken != nil)
        try harness.stub.verifyAllExpectationsConsumed()
    }

    @Test("100 concurrent callers during expiry share exactly one refresh request")
    func singleFlight() async throws {
        let (harness, manager, _) = try await session()
        harness.clock.advance(by: .seconds(100))
        let gate = Gate()
        harness.stub.expect(
            .post, TestProvider.tokenPath, where: { isRefresh($0, with: "refresh-1") },
            respond: .gatedJSON(
                TestProvider.tokenResponse(accessToken: "access-2", idToken: nil, refreshToken: "refresh-2"),
                gate: gate))
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<100 {
                group.addTask { try await manager.validAccessToken() }
            }
            while refreshCount(harness) == 0 { await Task.yield() }
            for _ in 0..<500 { await Task.yield() }
            await gate.open()
            var tokens: [String] = []
            for try await token in group { tokens.append(token) }
            return tokens
        }
        #expect(tokens.count == 100)
        #expect(Set(tokens) == ["access-2"])
        #expect(refreshCount(harness) == 1)
        try harness.stub.verifyAllExpectationsConsumed()
    }

    @Test("The rotated refresh token is stored before the new access token is handed out")
    func persistBeforeUse() async throws {
        let log = EventLog()
        let store = RecordingTokenStore(log: log)
        let (harness, manager, _) = try await session(store: store)
        harness.clock.advance(by: .seconds(100))
        harness.stub.expect(
            .post, TestProvider.tokenPath, where: { isRefresh($0, with: "refresh-1") },
            respond: .gatedJSON(
                TestProvider.tokenResponse(accessToken: "access-2", idToken: nil, refreshToken: "refresh-2"), log: log,
                event: "refresh request"))
        let saveGate = Gate()
        store.holdSaves(at: saveGate)
        let caller = Task {
            let token = try await manager.validAccessToken()
            log.append("returned \(token)")
            return token
        }
        while store.pendingSaves == 0 { await Task.yield() }
        for _ in 0..<100 { await Task.yield() }
        #expect(!log.all.contains("returned access-2"))
        await saveGate.open()
        #expect(try await caller.value == "access-2")
        #expect(log.all == ["saved refresh-1", "refresh request", "saved refresh-2", "returned access-2"])
        #expect(store.current?.refreshToken == "refresh-2")
        #expect(store.current?.accessToken == "access-2")
    }

    @Test("A failed save is reported, kept in memory and retried before the token is used")
    func failedSave() async throws {
        let store = RecordingTokenStore()
        let (harness, manager, _) = try await session(store: store)
        harness.clock.advance(by: .seconds(100))
        harness.expectToken(
            TestProvider.tokenResponse(accessToken: "access-2", idToken: nil, refreshToken: "refresh-2"))
        store.failNextSaves(1)
        #expect(await pscReason { try await manager.validAccessToken() } == .tokenStoreFailed)
        #expect(store.current?.refreshToken == "refresh-1")
        #expect(try await manager.validAccessToken() == "access-2")
        #expect(store.current?.refreshToken == "refresh-2")
        #expect(refreshCount(harness) == 1)
    }

    @Test("invalid_grant ends the session: the store is cleared and later calls fail without a request")
    func invalidGrant() async throws {
        let store = RecordingTokenStore()
        let (harness, manager, _) = try await session(store: store)
        harness.clock.advance(by: .seconds(100))
        harness.expectToken(TestProvider.oauthError("invalid_grant", description: "Token is not active"), status: 400)
        let error = await pscError { try await manager.validAccessToken() }
        #expect(error?.reason == .sessionEnded)
        #expect(error?.oauthError?.error == .invalidGrant)
        #expect(error?.httpStatus == 400)
        #expect(error?.requiresNewLogin == true)
        #expect(store.current == nil)
        #expect(store.clears == 1)
        let count = harness.stub.recordedRequests.count
        #expect(await pscReason { try await manager.validAccessToken() } == .sessionEnded)
        #expect(harness.stub.recordedRequests.count == count)
        #expect(try await manager.currentTokens() == nil)
    }

    @Test("An expired refresh token ends the session without a request")
    func expiredRefreshToken() async throws {
        let (harness, manager, _) = try await session()
        harness.clock.advance(by: .seconds(1801))
        let count = harness.stub.recordedRequests.count
        #expect(await pscReason { try await manager.validAccessToken() } == .sessionEnded)
        #expect(harness.stub.recordedRequests.count == count)
    }

    @Test("Without a session the manager refuses with sessionEnded")
    func noSession() async throws {
        let harness = try TestHarness()
        let manager = ProSanteConnectTokenManager(client: harness.client)
        #expect(await pscReason { try await manager.validAccessToken() } == .sessionEnded)
        #expect(await pscReason { try await manager.refresh() } == .sessionEnded)
    }

    @Test("Tokens already in the store are used")
    func loadsFromStore() async throws {
        let harness = try TestHarness()
        let tokens = ProSanteConnectTokens(
            accessToken: "stored", accessTokenExpiresAt: harness.clock.now() + 120, refreshToken: "r",
            receivedAt: harness.clock.now())
        let manager = ProSanteConnectTokenManager(client: harness.client, store: InMemoryTokenStore(tokens))
        #expect(try await manager.validAccessToken() == "stored")
    }

    @Test("A token refused by an API is refreshed on the next call, through the authentication middleware")
    func rejectedToken() async throws {
        let (harness, manager, _) = try await session()
        harness.expectToken(
            TestProvider.tokenResponse(accessToken: "access-2", idToken: nil, refreshToken: "refresh-2"),
            where: { isRefresh($0, with: "refresh-1") })
        let api = StubTransport()
        api.expect(.get, "/fhir/Practitioner", headerFields: [.authorization: "Bearer access-1"], respond: .status(401))
        api.expect(.get, "/fhir/Practitioner", headerFields: [.authorization: "Bearer access-2"], respond: .json("{}"))
        let apiClient = SanteHTTPClient(
            baseURL: URL(string: "https://annuaire.test/fhir")!, transport: api,
            middlewares: [AuthenticationMiddleware(provider: manager)])
        let (response, _) = try await apiClient.data(for: try apiClient.makeRequest(.get, path: "Practitioner"))
        #expect(response.status == .ok)
        try api.verifyAllExpectationsConsumed()
        #expect(refreshCount(harness) == 1)
    }

    @Test("A refreshed ID token must keep the session's identity")
    func refreshedIDToken() async throws {
        func attempt(_ changes: [String: JSONValue?]) async throws -> ProSanteConnectError.Reason? {
            let (harness, manager, _) = try await session()
            harness.clock.advance(by: .seconds(100))
            let idToken = try TestProvider.sign(
                TestProvider.idTokenClaims(
                    now: harness.clock.now(), nonce: nil, accessToken: "access-2",
                    changes: ["auth_time": .integer(Int64(TestClock().now().timeIntervalSince1970) - 10)]
                        .merging(changes) { _, new in new }),
                key: try TestKeys.rsa())
            harness.expectToken(
                TestProvider.tokenResponse(accessToken: "access-2", idToken: idToken, refreshToken: "refresh-2"))
            return await pscReason { try await manager.validAccessToken() }
        }
        #expect(try await attempt([:]) == nil)
        #expect(try await attempt(["sub": "f:other:899990000018"]) == .refreshedIDTokenMismatch)
        #expect(try await attempt(["iss": "https://evil.example/realms/x"]) == .idTokenInvalidIssuer)
        #expect(try await attempt(["auth_time": 1]) == .refreshedIDTokenMismatch)
        #expect(try await attempt(["nonce": "new-nonce"]) == .refreshedIDTokenMismatch)
        #expect(
            try await attempt(["aud": [.string(TestProvider.clientID), "x"], "azp": .string(TestProvider.clientID)])
                == .idTokenInvalidAudience)
    }

    @Test("Logout calls the end-session endpoint with id_token_hint and clears the store")
    func logout() async throws {
        let store = RecordingTokenStore()
        let (harness, manager, login) = try await session(store: store)
        harness.stub.expect(
            .get, TestProvider.logoutPath, query: ["id_token_hint": login.idToken.compactSerialization],
            respond: .status(302, headerFields: [.location: "https://app.cabinet.test/"]))
        try await manager.logout()
        #expect(store.current == nil)
        #expect(await pscReason { try await manager.validAccessToken() } == .sessionEnded)
        try harness.stub.verifyAllExpectationsConsumed()
    }

    @Test("Logout clears the local tokens even when the provider call fails")
    func logoutFailure() async throws {
        let store = RecordingTokenStore()
        let (harness, manager, _) = try await session(store: store)
        harness.stub.expect(.get, TestProvider.logoutPath, respond: .status(500))
        let error = await pscError { try await manager.logout() }
        #expect(error?.reason == .requestFailed)
        #expect(error?.httpStatus == 500)
        #expect(store.current == nil)
        #expect(await pscReason { try await manager.validAccessToken() } == .sessionEnded)
    }
}
