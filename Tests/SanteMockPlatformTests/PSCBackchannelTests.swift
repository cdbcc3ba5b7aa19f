import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct PSCBackchannelTests {
    static func start(_ platform: MockPlatform, loginHint: String = "899990000020/CPAT00045") async throws
        -> HTTPResult
    {
        try await PSC.post(
            platform, PSC.cibaPath,
            [
                ("scope", "openid scope_all"), ("acr_values", "eidas1"), ("login_hint", loginHint),
                ("binding_message", "Connexion SanteKit 42"), ("channel", "CARD"),
            ])
    }

    static func poll(_ platform: MockPlatform, _ identifier: String) async throws -> HTTPResult {
        try await PSC.post(
            platform, PSC.tokenPath,
            [("grant_type", "urn:openid:params:grant-type:ciba"), ("auth_req_id", identifier)])
    }

    @Test(.timeLimit(.minutes(3)))
    func pollsArePendingThenApprovedAfterNPolls() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            await platform.identityProvider.setCIBABehaviour(.approveAfterPolls(2))
            let started = try await Self.start(platform)
            #expect(started.status == 200)
            let answer = try started.jsonObject()
            #expect(answer["expires_in"] as? Int == 120)
            #expect(answer["interval"] as? Int == 5)
            let identifier = try #require(answer["auth_req_id"] as? String)

            // Polled sooner than the interval: slow_down (it does not count as a poll).
            let early = try await Self.poll(platform, identifier)
            #expect(early.status == 400)
            #expect(try PSC.oauthError(early) == "slow_down")
            for _ in 0..<2 {
                clock.advance(by: .seconds(5))
                let pending = try await Self.poll(platform, identifier)
                #expect(pending.status == 400)
                #expect(try PSC.oauthError(pending) == "authorization_pending")
            }
            clock.advance(by: .seconds(5))
            let approved = try await Self.poll(platform, identifier)
            #expect(approved.status == 200)
            let tokens = try approved.jsonObject()
            let idToken = try JWS.parseUnverified(try #require(tokens["id_token"] as? String)).claims()
            #expect(idToken[claim: "SubjectNameID"] == "899990000020")
            #expect(idToken[claim: "nonce"] == nil)
            #expect(idToken[claim: "auth_time"] == .integer(Int64(clock.now().timeIntervalSince1970)))
            #expect(tokens["refresh_token"] is String)

            clock.advance(by: .seconds(5))
            #expect(try PSC.oauthError(try await Self.poll(platform, identifier)) == "invalid_grant")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func deniedExpiredAndUnknownRequests() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            await platform.identityProvider.setCIBABehaviour(.deny)
            let denied = try #require(try await Self.start(platform).jsonObject()["auth_req_id"] as? String)
            clock.advance(by: .seconds(5))
            #expect(try PSC.oauthError(try await Self.poll(platform, denied)) == "access_denied")

            // Over HTTP: approve only after many polls, then let the request expire.
            let control = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/psc/ciba"), json: #"{"approveAfterPolls": 100}"#)
            #expect(control.status == 200)
            let expiring = try #require(try await Self.start(platform).jsonObject()["auth_req_id"] as? String)
            clock.advance(by: .seconds(60))
            #expect(try PSC.oauthError(try await Self.poll(platform, expiring)) == "authorization_pending")
            clock.advance(by: .seconds(60))
            #expect(try PSC.oauthError(try await Self.poll(platform, expiring)) == "expired_token")

            // Approve at once, over HTTP.
            let atOnce = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/psc/ciba"), json: #"{"approveAfterPolls": 0}"#)
            #expect(atOnce.status == 200)
            let quick = try #require(try await Self.start(platform).jsonObject()["auth_req_id"] as? String)
            clock.advance(by: .seconds(5))
            #expect(try await Self.poll(platform, quick).status == 200)
            let bad = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/psc/ciba"), json: #"{"approveAfterPolls": -1}"#)
            #expect(bad.status == 400)

            let unknown = try await Self.start(platform, loginHint: "899999999999")
            #expect(unknown.status == 400)
            #expect(try PSC.oauthError(unknown) == "unknown_user_id")
            let unauthenticated = try await PSC.post(
                platform, PSC.cibaPath, [("scope", "openid"), ("login_hint", "899990000012")], authorization: nil)
            #expect(try PSC.oauthError(unauthenticated) == "invalid_client")
        }
    }
}
