import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import Testing

@Suite("CIBA (poll mode)")
struct BackchannelTests {
    private static let request = BackchannelAuthenticationRequest(
        loginHint: "500000001815646/CPAT00045", bindingMessage: "Connexion LGC 4821", channel: "CARD")

    private func start(
        _ harness: TestHarness, expiresIn: Int = 120, interval: Int? = 5
    ) async throws -> BackchannelAuthentication {
        harness.expectDiscovery()
        var members: [String: JSONValue] = ["auth_req_id": "req-1", "expires_in": .integer(Int64(expiresIn))]
        if let interval { members["interval"] = .integer(Int64(interval)) }
        harness.stub.expect(.post, TestProvider.backchannelPath, respond: .json(TestProvider.json(.object(members))))
        return try await harness.client.startBackchannelAuthentication(Self.request)
    }

    private func expectPoll(_ harness: TestHarness, error: String) {
        harness.expectToken(
            TestProvider.oauthError(error), status: 400,
            where: { request in
                let fields = formFields(request)
                return fields["grant_type"] == "urn:openid:params:grant-type:ciba" && fields["auth_req_id"] == "req-1"
            })
    }

    private func expectSuccess(_ harness: TestHarness) throws {
        let idToken = try TestProvider.sign(
            TestProvider.idTokenClaims(now: harness.clock.now(), nonce: nil, accessToken: "access-1"),
            key: try TestKeys.rsa())
        harness.expectToken(TestProvider.tokenResponse(idToken: idToken))
        try harness.expectKeys([try TestKeys.rsa()])
    }

    @Test("The request carries login_hint, binding_message, channel, scope and acr_values")
    func startRequest() async throws {
        let harness = try TestHarness()
        let pending = try await start(harness)
        let fields = formFields(harness.stub.recordedRequests[1])
        #expect(fields["login_hint"] == "500000001815646/CPAT00045")
        #expect(fields["binding_message"] == "Connexion LGC 4821")
        #expect(fields["channel"] == "CARD")
        #expect(fields["scope"] == "openid scope_all")
        #expect(fields["acr_values"] == "eidas1")
        #expect(harness.stub.recordedRequests[1].request.headerFields[.authorization]?.hasPrefix("Basic ") == true)
        #expect(pending.authenticationRequestID == "req-1")
        #expect(pending.intervalSeconds == 5)
        #expect(pending.expiresAt == harness.clock.now() + 120)
        #expect(!"\(pending)".contains("req-1"))
    }

    @Test("Polling honours interval, authorization_pending and slow_down (+5 s), then validates the ID token")
    func pollingSequence() async throws {
        let harness = try TestHarness(clock: TestClock(mode: .automatic))
        let pending = try await start(harness)
        expectPoll(harness, error: "authorization_pending")
        expectPoll(harness, error: "slow_down")
        expectPoll(harness, error: "authorization_pending")
        try expectSuccess(harness)
        let login = try await harness.client.pollBackchannelAuthentication(pending)
        #expect(login.tokens.accessToken == "access-1")
        #expect(login.idToken.nonce == nil)
        #expect(harness.clock.recordedSleeps == [.seconds(5), .seconds(5), .seconds(10), .seconds(10)])
        try harness.stub.verifyAllExpectationsConsumed()
    }

    @Test("Without an interval, polling waits 5 s")
    func defaultInterval() async throws {
        let harness = try TestHarness(clock: TestClock(mode: .automatic))
        let pending = try await start(harness, interval: nil)
        try expectSuccess(harness)
        _ = try await harness.client.pollBackchannelAuthentication(pending)
        #expect(harness.clock.recordedSleeps == [.seconds(5)])
    }

    @Test("expired_token ends the polling with backchannelAuthenticationExpired")
    func expiredToken() async throws {
        let harness = try TestHarness(clock: TestClock(mode: .automatic))
        let pending = try await start(harness)
        expectPoll(harness, error: "authorization_pending")
        expectPoll(harness, error: "expired_token")
        let error = await pscError { try await harness.client.pollBackchannelAuthentication(pending) }
        #expect(error?.reason == .backchannelAuthenticationExpired)
        #expect(error?.oauthError?.error == .expiredToken)
        #expect(error?.code == .timeout)
    }

    @Test("The request's deadline stops the polling without another request")
    func localDeadline() async throws {
        let harness = try TestHarness(clock: TestClock(mode: .automatic))
        let pending = try await start(harness, expiresIn: 12)
        expectPoll(harness, error: "authorization_pending")
        expectPoll(harness, error: "authorization_pending")
        #expect(
            await pscReason { try await harness.client.pollBackchannelAuthentication(pending) }
                == .backchannelAuthenticationExpired)
        #expect(harness.clock.recordedSleeps == [.seconds(5), .seconds(5), .seconds(5)])
        #expect(harness.stub.recordedRequests.count == 4)
        try harness.stub.verifyAllExpectationsConsumed()
    }

    @Test("access_denied ends the polling with authorizationDenied")
    func denied() async throws {
        let harness = try TestHarness(clock: TestClock(mode: .automatic))
        let pending = try await start(harness)
        expectPoll(harness, error: "access_denied")
        let error = await pscError { try await harness.client.pollBackchannelAuthentication(pending) }
        #expect(error?.reason == .authorizationDenied)
        #expect(error?.oauthError?.error == .accessDenied)
    }

    @Test("Other token endpoint errors are thrown as .oauth")
    func otherError() async throws {
        let harness = try TestHarness(clock: TestClock(mode: .automatic))
        let pending = try await start(harness)
        expectPoll(harness, error: "invalid_grant")
        let error = await pscError { try await harness.client.pollBackchannelAuthentication(pending) }
        #expect(error?.reason == .oauth)
        #expect(error?.oauthError?.error == .invalidGrant)
    }

    @Test("Cancelling the task stops the polling while it sleeps on the clock")
    func cancellation() async throws {
        let harness = try TestHarness()
        let pending = try await start(harness)
        expectPoll(harness, error: "authorization_pending")
        let client = harness.client
        let polling = Task { try await client.pollBackchannelAuthentication(pending) }
        await harness.clock.waitForSleepers(1)
        harness.clock.advance(by: .seconds(5))
        await harness.clock.waitForSleepers(1)
        polling.cancel()
        let error = await pscError { try await polling.value }
        #expect(error?.reason == .cancelled)
        #expect(error?.code == .cancelled)
        #expect(harness.stub.recordedRequests.count == 3)
    }

    @Test("authenticateWithBackchannel starts and polls")
    func combined() async throws {
        let harness = try TestHarness(clock: TestClock(mode: .automatic))
        harness.expectDiscovery()
        harness.stub.expect(
            .post, TestProvider.backchannelPath,
            respond: .json(#"{"auth_req_id":"req-1","expires_in":120,"interval":2}"#))
        try expectSuccess(harness)
        let login = try await harness.client.authenticateWithBackchannel(Self.request)
        #expect(login.subjectNameID?.rawValue == TestProvider.subjectNameID)
        #expect(harness.clock.recordedSleeps == [.seconds(2)])
    }

    @Test("A provider without CIBA, or a malformed answer, is refused")
    func unavailable() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery(["backchannel_authentication_endpoint": nil])
        #expect(
            await pscReason { try await harness.client.startBackchannelAuthentication(Self.request) }
                == .endpointNotAdvertised)
        let other = try TestHarness()
        other.expectDiscovery()
        other.stub.expect(.post, TestProvider.backchannelPath, respond: .json(#"{"auth_req_id":"x"}"#))
        #expect(
            await pscReason { try await other.client.startBackchannelAuthentication(Self.request) } == .invalidResponse)
        other.stub.expect(
            .post, TestProvider.backchannelPath, respond: .json(TestProvider.oauthError("unknown_user_id"), status: 400)
        )
        let error = await pscError { try await other.client.startBackchannelAuthentication(Self.request) }
        #expect(error?.oauthError?.error == .unknownUserID)
    }
}
