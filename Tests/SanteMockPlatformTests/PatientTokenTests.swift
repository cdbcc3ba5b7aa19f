import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct PatientTokenTests {
    static let ins = "279035121518989"
    static let certsPath = "/psc/auth/realms/esante-wallet/protocol/openid-connect/certs"

    /// The platform's key set, fetched over HTTP from where Keycloak serves it.
    static func fetchKeySet(_ platform: MockPlatform) async throws -> JWKSet {
        let result = try await TestHTTP.send(try platform.url(certsPath))
        #expect(result.status == 200)
        #expect(result.header("Content-Type")?.hasPrefix("application/json") == true)
        return try JWKSet(jsonData: result.body)
    }

    static func mintOverHTTP(_ platform: MockPlatform, json: String) async throws -> HTTPResult {
        try await TestHTTP.sendJSON("POST", try platform.url("/_mock/tokens/patient"), json: json)
    }

    @Test(.timeLimit(.minutes(3)))
    func swiftTokenVerifiesAgainstTheKeySetServedOverHTTP() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let token = try await platform.mintPatientToken(ins: Self.ins)
            let keySet = try await Self.fetchKeySet(platform)
            let verified = try JWSVerifier(allowedAlgorithms: [.es256], keySet: keySet).verify(token)
            #expect(verified.header.algorithm == .es256)
            #expect(verified.header.keyID == (try MockSigningKeys.shared().ellipticCurveKeyID))
            #expect(verified.header.type == "JWT")

            let claims = try verified.claims()
            let now = clock.now().timeIntervalSince1970
            #expect(claims.issuer == platform.issuerURL.absoluteString)
            #expect(claims.issuer?.hasSuffix("/psc/auth/realms/esante-wallet") == true)
            #expect(claims.subject == MockPatientToken.subject(forINS: Self.ins))
            #expect(claims.audience == .single("santekit-dmp"))
            #expect(claims.issuedAt?.secondsSince1970 == now)
            #expect(claims.expirationTime?.secondsSince1970 == now + 120)
            #expect(UUID(uuidString: try #require(claims.jwtID)) != nil)
            #expect(claims[claim: "token_use"] == .string("patient"))
            #expect(claims[claim: "ins"] == .string(Self.ins))
            #expect(claims[claim: "ins_oid"] == .string("1.2.250.1.213.1.4.10"))

            let second = try await platform.mintPatientToken(ins: Self.ins)
            #expect(try JWS.parseUnverified(second).claims().jwtID != claims.jwtID)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func keySetHasOneRS256AndOneES256PublicKey() async throws {
        try await withPlatform { platform in
            let keySet = try await Self.fetchKeySet(platform)
            let keys = try MockSigningKeys.shared()
            #expect(keySet == keys.keySet)
            #expect(keySet.keys.map(\.algorithm) == ["RS256", "ES256"])
            #expect(keySet.keys.map(\.keyType) == [.rsa, .ellipticCurve])
            #expect(keySet.keys.allSatisfy { $0.publicKeyUse == "sig" && !$0.containsPrivateMembers })
            #expect(keySet.keys[0].keyID == keys.rsaKeyID)
            #expect(keys.rsaKeyID.hasPrefix(MockSigningKeys.rsaKeyIDPrefix))
            #expect(keySet.keys[1].keyID == keys.ellipticCurveKeyID)
            #expect(keys.ellipticCurveKeyID.hasPrefix(MockSigningKeys.ellipticCurveKeyIDPrefix))
            #expect(keySet.keys[1].curve == "P-256")
            #expect(keySet.verificationKeys().count == 2)

            // The RSA key signs RS256 tokens that verify against the served set.
            let jws = try JWS.sign(claims: JWTClaims(subject: "x"), key: keys.rsa, algorithm: .rs256)
            let verified = try JWSVerifier(allowedAlgorithms: [.rs256], keySet: keySet).verify(
                jws.compactSerialization)
            #expect(try verified.claims().subject == "x")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func httpMintingAnswersLikeATokenEndpoint() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let result = try await Self.mintOverHTTP(
                platform, json: #"{"ins": "290116912304559", "lifetimeSeconds": 300}"#)
            #expect(result.status == 200)
            #expect(result.header("Cache-Control") == "no-store")
            let json = try result.jsonObject()
            #expect(json["token_type"] as? String == "Bearer")
            #expect(json["expires_in"] as? Int == 300)
            let token = try #require(json["access_token"] as? String)

            let keySet = try await Self.fetchKeySet(platform)
            let claims = try JWSVerifier(allowedAlgorithms: [.es256], keySet: keySet).verify(token).claims()
            #expect(claims[claim: "ins"] == .string("290116912304559"))
            #expect(claims.subject == MockPatientToken.subject(forINS: "290116912304559"))
            #expect(claims.expirationTime?.secondsSince1970 == clock.now().timeIntervalSince1970 + 300)
            #expect(try platform.tokenVerifier().verify(token) == .patient(ins: "290116912304559"))
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func httpMintingDefaultsTo120Seconds() async throws {
        try await withPlatform { platform in
            let result = try await Self.mintOverHTTP(platform, json: #"{"ins": "172072A00403339"}"#)
            #expect(result.status == 200)
            #expect(try result.jsonObject()["expires_in"] as? Int == 120)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func expiryFollowsThePlatformClock() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let token = try await platform.mintPatientToken(ins: Self.ins, lifetime: .seconds(60))
            let verifier = try platform.tokenVerifier()
            #expect(try verifier.verify(authorizationHeader: "Bearer \(token)") == .patient(ins: Self.ins))
            clock.advance(by: .seconds(59))
            #expect(try verifier.verify(token) == .patient(ins: Self.ins))
            clock.advance(by: .seconds(1))
            let error = #expect(throws: MockTokenError.self) { try verifier.verify(token) }
            #expect(error?.reason == .expired)
            #expect(error?.code == .verification)

            // A token minted now gets its iat/exp from the advanced clock.
            let fresh = try await platform.mintPatientToken(ins: Self.ins)
            let claims = try JWS.parseUnverified(fresh).claims()
            #expect(claims.issuedAt?.secondsSince1970 == clock.now().timeIntervalSince1970)
            #expect(try verifier.verify(fresh) == .patient(ins: Self.ins))
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func unknownINSIsRefusedOverHTTPAndInSwift() async throws {
        try await withPlatform { platform in
            let result = try await Self.mintOverHTTP(platform, json: #"{"ins": "123456789012244"}"#)
            #expect(result.status == 400)
            let json = try result.jsonObject()
            #expect(json["status"] as? Int == 400)
            let message = try #require(json["message"] as? String)
            #expect(message.hasPrefix("ins: "))
            #expect(message.contains("123456789012244"))
            #expect(message.contains("no seeded test patient"))

            let error = await #expect(throws: MockTokenError.self) {
                try await platform.mintPatientToken(ins: "123456789012244")
            }
            #expect(error?.reason == .unknownPatient)
            #expect(error?.code == .validation)
            #expect(error?.operation == "mock.tokens.mint")
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: [Duration.zero, .seconds(-5), .milliseconds(1500), .seconds(86_401)])
    func invalidLifetimesAreRefused(lifetime: Duration) async throws {
        try await withPlatform { platform in
            let error = await #expect(throws: MockTokenError.self) {
                try await platform.mintPatientToken(ins: Self.ins, lifetime: lifetime)
            }
            #expect(error?.reason == .invalidLifetime)
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: ["12.5", "0", "86401", "\"soon\""])
    func invalidLifetimesAreRefusedOverHTTP(lifetime: String) async throws {
        try await withPlatform { platform in
            let result = try await Self.mintOverHTTP(
                platform, json: #"{"ins": "279035121518989", "lifetimeSeconds": "# + lifetime + "}")
            #expect(result.status == 400)
            #expect(try result.jsonObject()["status"] as? Int == 400)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func verifierRefusesForeignAndMalformedTokens() async throws {
        try await withPlatform { platform in
            let verifier = try platform.tokenVerifier()
            let keys = try MockSigningKeys.shared()
            let token = try await platform.mintPatientToken(ins: Self.ins)

            // Another platform (another port, so another issuer) signs with the same keys.
            try await withPlatform { other in
                let foreign = try await other.mintPatientToken(ins: Self.ins)
                #expect(reason { try verifier.verify(foreign) } == .wrongIssuer)
            }

            // A changed payload breaks the signature.
            let parts = token.split(separator: ".").map(String.init)
            let claims = try JWS.parseUnverified(token).claims()
            var forged = claims
            forged.additionalClaims["ins"] = .string("290116912304559")
            let forgedPayload = Base64URL.encode(try JSONEncoder().encode(forged))
            #expect(reason { try verifier.verify("\(parts[0]).\(forgedPayload).\(parts[2])") } == .invalidToken)
            #expect(reason { try verifier.verify("not a token") } == .invalidToken)

            // RS256 with the mock key is accepted; HS256 and unknown keys are not.
            let rs256 = try JWS.sign(claims: claims, key: keys.rsa, algorithm: .rs256).compactSerialization
            #expect(try verifier.verify(rs256) == .patient(ins: Self.ins))
            let hs256 = try JWS.sign(claims: claims, key: .generateHMAC(), algorithm: .hs256).compactSerialization
            #expect(reason { try verifier.verify(hs256) } == .invalidToken)
            let stranger = JWSSigningKey.generateP256(keyID: "stranger")
            let strange = try JWS.sign(claims: claims, key: stranger).compactSerialization
            #expect(reason { try verifier.verify(strange) } == .invalidToken)

            // Claims signed by the mock key but not shaped as a patient token.
            func signed(_ change: (inout JWTClaims) -> Void) throws -> String {
                var changed = claims
                change(&changed)
                return try JWS.sign(claims: changed, key: keys.ellipticCurve).compactSerialization
            }
            #expect(
                reason { try verifier.verify(try signed { $0.additionalClaims["token_use"] = nil }) }
                    == .unsupportedTokenUse)
            #expect(reason { try verifier.verify(try signed { $0.audience = "someone-else" }) } == .wrongAudience)
            #expect(reason { try verifier.verify(try signed { $0.additionalClaims["ins"] = nil }) } == .missingClaim)
            #expect(reason { try verifier.verify(try signed { $0.expirationTime = nil }) } == .expired)

            // Authorization header parsing.
            #expect(try verifier.verify(authorizationHeader: "bearer  \(token)") == .patient(ins: Self.ins))
            #expect(reason { try verifier.verify(authorizationHeader: nil) } == .missingToken)
            #expect(reason { try verifier.verify(authorizationHeader: "Basic \(token)") } == .missingToken)
            #expect(reason { try verifier.verify(authorizationHeader: "Bearer") } == .missingToken)
        }
    }

    @Test func subjectIsStableOpaqueAndDistinct() throws {
        let patients = MockIdentities.default.patients
        let subjects = patients.map { MockPatientToken.subject(forINS: $0.ins) }
        #expect(Set(subjects).count == patients.count)
        #expect(subjects == patients.map { MockPatientToken.subject(forINS: $0.ins) })
        for (subject, patient) in zip(subjects, patients) {
            #expect(!subject.contains(patient.ins))
            let uuid = try #require(UUID(uuidString: subject))
            #expect(uuid.uuidString.lowercased() == subject)
            let characters = Array(subject)
            #expect(characters[14] == "8")  // version 8
            #expect("89ab".contains(characters[19]))  // variant 10
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func signingKeysAreMadeOncePerProcess() async throws {
        // Start-up time itself is a benchmark figure (Benchmarks/), never a timed unit test.
        let keys = try MockSigningKeys.shared()
        let platform = try await MockPlatform.start()
        await platform.stop()
        #expect(try MockSigningKeys.shared().keySet == keys.keySet)
    }

    /// The reason of the `MockTokenError` thrown by `body`, or `nil`.
    private func reason(_ body: () throws -> MockPrincipal) -> MockTokenError.Reason? {
        do {
            _ = try body()
            return nil
        } catch let error as MockTokenError {
            return error.reason
        } catch {
            return nil
        }
    }
}
