import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteNotify
import Testing

@Suite("Notify API keys and JWTs")
struct NotifyAuthenticationTests {
    @Test("API keys parse from the end; names may contain hyphens")
    func apiKeyParsing() throws {
        let key = try NotifyAPIKey(NotifyTestSupport.apiKeyText)
        #expect(key.name == "my-test_key")
        #expect(key.serviceID == NotifyTestSupport.serviceID)
        #expect(key.secret == NotifyTestSupport.secret)
        #expect(!key.description.contains(NotifyTestSupport.secret))
        let mock = try NotifyAPIKey(
            "santekit_test_key-5c7bbe2f-daca-417f-83dc-1dabb7ad5dfa-998898f4-61f3-401b-9a5e-457dc1bcb0b7")
        #expect(mock.serviceID == "5c7bbe2f-daca-417f-83dc-1dabb7ad5dfa")
        #expect(mock.name == "santekit_test_key")
    }

    @Test(
        "Malformed API keys are a typed error",
        arguments: [
            "", "short", "name-26785a09-ab16-4eb0-8407-a37497a57506",
            "name-26785a09-ab16-4eb0-8407-a37497a57506x3d844edf-8d35-48ac-975b-e847b4f122b0",
            "name-not-a-uuid-at-all-xxxxxxxxxxxxxxxxxxxxx-3d844edf-8d35-48ac-975b-e847b4f122b0",
            "namex26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0",
        ])
    func apiKeyErrors(text: String) {
        do {
            _ = try NotifyAPIKey(text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.reason == .invalidAPIKey)
            #expect(error.code == .configuration)
        }
    }

    @Test("The reference JWT vector: same bytes, and it verifies with the secret")
    func referenceJWT() throws {
        let key = try NotifyAPIKey(NotifyTestSupport.apiKeyText)
        let token = try NotifyJWT.token(for: key, issuedAt: Date(timeIntervalSince1970: 1_568_818_578))
        #expect(
            token
                == "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIyNjc4NWEwOS1hYjE2LTRlYjAtODQwNy1hMzc0OTdhNTc1MDYiLCJpYXQiOjE1Njg4MTg1Nzh9.YlLRluAeKD8aULjyZVgSwNwmUxolUmcv5g2k84o7ZTU"
        )
        let verifier = JWSVerifier(
            allowedAlgorithms: [.hs256], keys: [JWSVerificationKey(hmacSecret: Data(NotifyTestSupport.secret.utf8))])
        let verified = try verifier.verify(token)
        #expect(verified.header.type == "JWT")
        let claims = try verified.claims()
        #expect(claims.issuer == NotifyTestSupport.serviceID)
        #expect(claims.issuedAt?.secondsSince1970 == 1_568_818_578)
    }

    @Test("Every attempt gets a fresh JWT: a retry after a 40 s Retry-After carries an iat 40 s later")
    func freshTokenPerAttempt() async throws {
        let stub = StubTransport()
        let clock = TestClock(now: Date(timeIntervalSince1970: 1_767_225_600), mode: .automatic)
        stub.expect(.get, "/v2/notifications/n-1", respond: .status(503, headerFields: [.retryAfter: "20"]))
        stub.expect(.get, "/v2/notifications/n-1", respond: .status(503, headerFields: [.retryAfter: "20"]))
        stub.expect(.get, "/v2/notifications/n-1", respond: .json(NotifyTestSupport.notificationJSON(id: "n-1")))
        let notify = try NotifyTestSupport.client(stub, clock: clock)
        let notification = try await notify.notification(id: "n-1")
        #expect(notification.status == .delivered)
        let issued = try stub.recordedRequests.map {
            try NotifyTestSupport.verifiedClaims($0).issuedAt?.secondsSince1970
        }
        #expect(issued == [1_767_225_600, 1_767_225_620, 1_767_225_640])
        try stub.verifyAllExpectationsConsumed()
    }
}
