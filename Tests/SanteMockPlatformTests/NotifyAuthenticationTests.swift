import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct NotifyAuthenticationTests {
    @Test(.timeLimit(.minutes(3)))
    func missingAuthorizationIs401AuthError() async throws {
        try await withPlatform(MockPlatform.Configuration(clock: TestClock())) { platform in
            let result = try await TestHTTP.send(try platform.url("/v2/templates"))
            #expect(result.status == 401)
            let error = try NotifyTest.error(result)
            #expect(error.statusCode == 401)
            #expect(error.error == "AuthError")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func wrongSecretOrUnknownIssuerIs403KeyNotFound() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let wrongSecret = try NotifyTest.token(
                secret: "00000000-0000-0000-0000-000000000000", issuedAt: clock.now())
            let unknownIssuer = try NotifyTest.token(
                issuer: "11111111-1111-1111-1111-111111111111", issuedAt: clock.now())
            for token in [wrongSecret, unknownIssuer, "not-a-jwt"] {
                let result = try await NotifyTest.send(platform, "GET", "/v2/templates", token: token)
                #expect(result.status == 403)
                let error = try NotifyTest.error(result)
                #expect(error.error == "AuthError")
                if token != "not-a-jwt" {
                    #expect(error.message == "Invalid token: API key not found")
                }
            }
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func issuedAtMustBeWithin30SecondsOfTheMockClock() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let now = clock.now()
            for offset in [-31.0, 31.0] {
                let token = try NotifyTest.token(issuedAt: now + offset)
                let result = try await NotifyTest.send(platform, "GET", "/notify/v2/templates", token: token)
                #expect(result.status == 403)
                let error = try NotifyTest.error(result)
                #expect(error.error == "AuthError")
                #expect(error.message == "Error: Your system clock must be accurate to within 30 seconds")
            }
            for offset in [-29.0, 0, 29.0] {
                let token = try NotifyTest.token(issuedAt: now + offset)
                let result = try await NotifyTest.send(platform, "GET", "/notify/v2/templates", token: token)
                #expect(result.status == 200)
            }
            // A token made now is too old once the mock clock moved 40 seconds.
            let token = try NotifyTest.token(issuedAt: now)
            clock.advance(by: .seconds(40))
            #expect(try await NotifyTest.send(platform, "GET", "/v2/templates", token: token).status == 403)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func rateLimitIsPerRollingMinuteOnTheMockClock() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock, notifyRateLimit: 3)) { platform in
            for _ in 0..<3 {
                #expect(try await NotifyTest.send(platform, "GET", "/v2/templates").status == 200)
            }
            let refused = try await NotifyTest.send(platform, "GET", "/v2/templates")
            #expect(refused.status == 429)
            let error = try NotifyTest.error(refused)
            #expect(error.error == "RateLimitError")
            #expect(error.message == "Exceeded rate limit for key type TEST of 3 requests per 60 seconds")
            clock.advance(by: .seconds(59))
            #expect(try await NotifyTest.send(platform, "GET", "/v2/templates").status == 429)
            clock.advance(by: .seconds(1))
            #expect(try await NotifyTest.send(platform, "GET", "/v2/templates").status == 200)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func dailySendLimitIsTooManyRequestsError() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock, notifyDailyLimit: 2)) { platform in
            #expect(try await NotifyTest.sendSMS(platform, to: "0612345678").status == 201)
            #expect(try await NotifyTest.sendSMS(platform, to: "0612345678").status == 201)
            let refused = try await NotifyTest.sendSMS(platform, to: "0612345678")
            #expect(refused.status == 429)
            #expect(try NotifyTest.error(refused).error == "TooManyRequestsError")
            #expect(await platform.notifications.messages().count == 2)
            clock.advance(by: .seconds(86_400))
            #expect(try await NotifyTest.sendSMS(platform, to: "0612345678").status == 201)
        }
    }

    @Test func configurationRejectsUnusableNotifyLimits() async throws {
        await #expect(throws: ValidationError.self) {
            _ = try await MockPlatform.start(MockPlatform.Configuration(notifyRateLimit: 0))
        }
        await #expect(throws: ValidationError.self) {
            _ = try await MockPlatform.start(MockPlatform.Configuration(notifyDailyLimit: 0))
        }
        await #expect(throws: ValidationError.self) {
            _ = try await MockPlatform.start(MockPlatform.Configuration(notifyPageSize: 251))
        }
    }
}
