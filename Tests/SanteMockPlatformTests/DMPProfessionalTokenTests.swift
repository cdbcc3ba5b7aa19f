import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct DMPProfessionalTokenTests {
    static let generalPractitioner = "899990000012"

    @Test(.timeLimit(.minutes(3)))
    func mintedTokenLooksLikeAnAccessTokenOfTheProvider() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let token = try await platform.mintProfessionalToken(subjectNameID: Self.generalPractitioner)
            let keySet = try await PatientTokenTests.fetchKeySet(platform)
            let verified = try JWSVerifier(allowedAlgorithms: [.rs256], keySet: keySet).verify(token)
            #expect(verified.header.algorithm == .rs256)
            #expect(verified.header.keyID == (try MockSigningKeys.shared().rsaKeyID))

            let claims = try verified.claims()
            let now = clock.now().timeIntervalSince1970
            #expect(claims.issuer == platform.issuerURL.absoluteString)
            #expect(claims.subject?.hasPrefix("f:") == true)
            #expect(claims.subject?.hasSuffix(":\(Self.generalPractitioner)") == true)
            #expect(claims.audience == .single("santekit-demo"))
            #expect(claims[claim: "azp"] == .string("santekit-demo"))
            #expect(claims[claim: "typ"] == .string("Bearer"))
            #expect(claims[claim: "SubjectNameID"] == .string(Self.generalPractitioner))
            #expect(claims[claim: "scope"] == .string("openid scope_all"))
            #expect(claims.issuedAt?.secondsSince1970 == now)
            #expect(claims.expirationTime?.secondsSince1970 == now + 120)

            let principal = try platform.tokenVerifier().verify(authorizationHeader: "Bearer \(token)")
            #expect(principal == .professional(subjectNameID: Self.generalPractitioner))

            let second = try await platform.mintProfessionalToken(subjectNameID: Self.generalPractitioner)
            #expect(try JWS.parseUnverified(second).claims().jwtID != claims.jwtID)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func everySeededProfessionalGetsAToken() async throws {
        try await withPlatform { platform in
            let verifier = try platform.tokenVerifier()
            for professional in platform.identities.professionals {
                let token = try await platform.mintProfessionalToken(subjectNameID: professional.subjectNameID)
                #expect(try verifier.verify(token) == .professional(subjectNameID: professional.subjectNameID))
            }
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func expiryFollowsThePlatformClock() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let token = try await platform.mintProfessionalToken(
                subjectNameID: Self.generalPractitioner, lifetime: .seconds(600))
            let verifier = try platform.tokenVerifier()
            clock.advance(by: .seconds(599))
            #expect(try verifier.verify(token) == .professional(subjectNameID: Self.generalPractitioner))
            clock.advance(by: .seconds(1))
            let error = #expect(throws: MockTokenError.self) { try verifier.verify(token) }
            #expect(error?.reason == .expired)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func unknownProfessionalAndBadLifetimesAreRefused() async throws {
        try await withPlatform { platform in
            let unknown = await #expect(throws: MockTokenError.self) {
                try await platform.mintProfessionalToken(subjectNameID: "899999999999")
            }
            #expect(unknown?.reason == .unknownProfessional)
            #expect(unknown?.message.contains("899999999999") == true)

            for lifetime: Duration in [.zero, .milliseconds(1_500), .seconds(86_401)] {
                let error = await #expect(throws: MockTokenError.self) {
                    try await platform.mintProfessionalToken(
                        subjectNameID: Self.generalPractitioner, lifetime: lifetime)
                }
                #expect(error?.reason == .invalidLifetime)
            }
        }
    }
}
