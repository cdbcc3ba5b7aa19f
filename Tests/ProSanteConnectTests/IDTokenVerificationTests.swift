import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import SanteMockPlatform
import Testing

/// `verifyIDToken` against the mock provider: keys are fetched once, then verification is offline.
@Suite("End to end: verifying a kept ID token")
struct IDTokenVerificationTests {
    @Test("A kept ID token verifies again with no request, once the keys are cached", .timeLimit(.minutes(3)))
    func verifiesOffline() async throws {
        try await MockProvider.with { mock in
            let client = try mock.client()
            let login = try await mock.login(client)
            let keyFetches = await mock.requestCount(.get, pathSuffix: "/certs")
            let requestsBefore = await mock.platform.requestLog.entries.count

            for _ in 0..<5 {
                let verified = try await client.verifyIDToken(login.idToken.compactSerialization)
                #expect(verified.subject == login.idToken.subject)
            }
            #expect(await mock.platform.requestLog.entries.count == requestsBefore)
            #expect(await mock.requestCount(.get, pathSuffix: "/certs") == keyFetches)
        }
    }

    @Test("A tampered, expired or foreign-nonce ID token is refused with its reason", .timeLimit(.minutes(3)))
    func refusals() async throws {
        try await MockProvider.with { mock in
            let client = try mock.client()
            let login = try await mock.login(client)
            let token = login.idToken.compactSerialization

            var parts = token.split(separator: ".").map(String.init)
            var signature = Array(parts[2])
            signature[10] = signature[10] == "A" ? "B" : "A"
            parts[2] = String(signature)
            await #expect(throws: ProSanteConnectError.self) {
                try await client.verifyIDToken(parts.joined(separator: "."))
            }

            let nonceError = await #expect(throws: ProSanteConnectError.self) {
                try await client.verifyIDToken(token, nonce: "not-the-nonce")
            }
            #expect(nonceError?.reason == .nonceMismatch)

            mock.clock.advance(by: .seconds(24 * 3600))
            let expiredError = await #expect(throws: ProSanteConnectError.self) {
                try await client.verifyIDToken(token)
            }
            #expect(expiredError?.reason == .idTokenExpired)
        }
    }
}
