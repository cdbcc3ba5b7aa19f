import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite("POST /_mock/tokens/professional: test professional tokens over HTTP")
struct ProfessionalTokenRouteTests {
    static func mint(_ platform: MockPlatform, json: String) async throws -> HTTPResult {
        try await TestHTTP.sendJSON("POST", try platform.url("/_mock/tokens/professional"), json: json)
    }

    @Test("A seeded professional gets a token the DMP's verifier accepts as that professional", .timeLimit(.minutes(3)))
    func mintsAVerifiableToken() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let result = try await Self.mint(
                platform, json: #"{"subjectNameID": "899990000020", "lifetimeSeconds": 300}"#)
            #expect(result.status == 200)
            #expect(result.header("Cache-Control") == "no-store")
            let json = try result.jsonObject()
            #expect(json["token_type"] as? String == "Bearer")
            #expect(json["expires_in"] as? Int == 300)
            let token = try #require(json["access_token"] as? String)
            let principal = try platform.tokenVerifier().verify(authorizationHeader: "Bearer \(token)")
            #expect(principal == .professional(subjectNameID: "899990000020"))
            let claims = try JWS.parseUnverified(token).claims()
            #expect(claims.expirationTime?.secondsSince1970 == clock.now().timeIntervalSince1970.rounded(.down) + 300)
        }
    }

    @Test("The lifetime defaults to 120 seconds", .timeLimit(.minutes(3)))
    func defaultLifetime() async throws {
        try await withPlatform { platform in
            let result = try await Self.mint(platform, json: #"{"subjectNameID": "899990000012"}"#)
            #expect(result.status == 200)
            #expect(try result.jsonObject()["expires_in"] as? Int == 120)
        }
    }

    @Test("An unknown professional or a bad lifetime is a 400 naming the field", .timeLimit(.minutes(3)))
    func refusals() async throws {
        try await withPlatform { platform in
            let unknown = try await Self.mint(platform, json: #"{"subjectNameID": "812345678901"}"#)
            #expect(unknown.status == 400)
            let message = try #require(try unknown.jsonObject()["message"] as? String)
            #expect(message.hasPrefix("subjectNameID: "))
            #expect(message.contains("812345678901"))

            let tooLong = try await Self.mint(
                platform, json: #"{"subjectNameID": "899990000012", "lifetimeSeconds": 1e9}"#)
            #expect(tooLong.status == 400)
            let tooLongMessage = try #require(try tooLong.jsonObject()["message"] as? String)
            #expect(tooLongMessage.hasPrefix("lifetimeSeconds: "))

            let fractional = try await Self.mint(
                platform, json: #"{"subjectNameID": "899990000012", "lifetimeSeconds": 1.5}"#)
            #expect(fractional.status == 400)
        }
    }
}
