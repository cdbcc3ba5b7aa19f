import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import Testing

/// Key selection and algorithm rules (RFC 8725, OpenID RP conformance tests).
@Suite("ID token signatures")
struct SignatureTests {
    private func claims(_ harness: TestHarness, _ pending: PendingAuthorization, algorithm: JWSAlgorithm = .rs256)
        -> JSONValue
    {
        TestProvider.idTokenClaims(
            now: harness.clock.now(), nonce: pending.nonce, accessToken: "access-1", algorithm: algorithm)
    }

    @Test("A bad signature is refused")
    func badSignature() async throws {
        let harness = try TestHarness()
        let reason = await pscReason {
            try await harness.login { pending in
                let token = try harness.standardIDToken(pending)
                let parts = token.split(separator: ".")
                let otherSignature = try TestProvider.sign(
                    self.claims(harness, pending), key: try TestKeys.otherRSA(), keyID: "rsa-1"
                ).split(separator: ".")[2]
                return "\(parts[0]).\(parts[1]).\(otherSignature)"
            }
        }
        #expect(reason == .signatureInvalid)
    }

    @Test("alg none is always refused, in any letter case")
    func none() async throws {
        for name in ["none", "None", "NONE"] {
            let harness = try TestHarness()
            let reason = await pscReason {
                try await harness.login { pending in
                    TestProvider.craft(header: #"{"alg":"\#(name)"}"#, claims: self.claims(harness, pending))
                }
            }
            #expect(reason == .algorithmNotAllowed)
        }
    }

    @Test("HS256 keyed with the RSA public key (algorithm confusion) is refused")
    func hs256Confusion() async throws {
        let harness = try TestHarness()
        let publicPEM = Data(try TestProvider.jwks([try TestKeys.rsa()]).utf8)
        let reason = await pscReason {
            try await harness.login { pending in
                try TestProvider.sign(
                    self.claims(harness, pending, algorithm: .hs256), key: JWSSigningKey(hmacSecret: publicPEM),
                    algorithm: .hs256, keyID: "rsa-1")
            }
        }
        #expect(reason == .algorithmNotAllowed)
    }

    @Test("HS256 keyed with the client secret is accepted only when configured")
    func hs256WithSecret() async throws {
        let secretKey = JWSSigningKey(hmacSecret: Data(TestProvider.clientSecret.utf8))
        let harness = try TestHarness(signing: .hs256WithClientSecret)
        harness.expectDiscovery()
        let (pending, callback) = try await harness.prepare()
        let token = try TestProvider.sign(
            claims(harness, pending, algorithm: .hs256), key: secretKey, algorithm: .hs256)
        harness.expectToken(TestProvider.tokenResponse(idToken: token))
        let login = try await harness.client.completeAuthorization(callbackURL: callback, pending: pending)
        #expect(login.idToken.header.algorithm == .hs256)
        #expect(harness.stub.recordedRequests.count == 2)

        let wrongSecret = try TestHarness(signing: .hs256WithClientSecret)
        wrongSecret.expectDiscovery()
        let (otherPending, otherCallback) = try await wrongSecret.prepare()
        let forged = try TestProvider.sign(
            claims(wrongSecret, otherPending, algorithm: .hs256),
            key: JWSSigningKey(hmacSecret: Data("another-secret-that-is-also-long-enough".utf8)), algorithm: .hs256)
        wrongSecret.expectToken(TestProvider.tokenResponse(idToken: forged))
        #expect(
            await pscReason {
                try await wrongSecret.client.completeAuthorization(callbackURL: otherCallback, pending: otherPending)
            } == .signatureInvalid)
    }

    @Test("An algorithm outside the policy is refused even with a valid signature")
    func policy() async throws {
        let harness = try TestHarness(signing: .only(.rs256))
        harness.expectDiscovery()
        let (pending, callback) = try await harness.prepare()
        let token = try TestProvider.sign(
            claims(harness, pending, algorithm: .ps256), key: try TestKeys.rsa(), algorithm: .ps256)
        harness.expectToken(TestProvider.tokenResponse(idToken: token))
        #expect(
            await pscReason { try await harness.client.completeAuthorization(callbackURL: callback, pending: pending) }
                == .algorithmNotAllowed)
    }

    @Test("A key bound to RS256 does not verify PS256")
    func boundKey() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        let (pending, callback) = try await harness.prepare()
        let token = try TestProvider.sign(
            claims(harness, pending, algorithm: .ps256), key: try TestKeys.rsa(), algorithm: .ps256)
        harness.expectToken(TestProvider.tokenResponse(idToken: token))
        try harness.expectKeys([try TestKeys.rsa()], algorithm: .rs256)
        #expect(
            await pscReason { try await harness.client.completeAuthorization(callbackURL: callback, pending: pending) }
                == .keyAlgorithmMismatch)
    }

    @Test("No kid and one suitable key: accepted")
    func kidAbsentSingleKey() async throws {
        let harness = try TestHarness()
        let login = try await harness.login(keys: [try TestKeys.rsa(), TestKeys.ecKey]) { pending in
            try TestProvider.sign(self.claims(harness, pending), key: try TestKeys.rsa(), keyID: .some(nil))
        }
        #expect(login.idToken.header.keyID == nil)
    }

    @Test("No kid and several suitable keys: refused")
    func kidAbsentSeveralKeys() async throws {
        let harness = try TestHarness()
        let reason = await pscReason {
            try await harness.login(keys: [try TestKeys.rsa(), try TestKeys.otherRSA()]) { pending in
                try TestProvider.sign(self.claims(harness, pending), key: try TestKeys.rsa(), keyID: .some(nil))
            }
        }
        #expect(reason == .ambiguousKey)
    }

    @Test("An unknown kid refetches the key set once, then validates with the rotated key")
    func rotation() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        let (pending, callback) = try await harness.prepare()
        let token = try TestProvider.sign(claims(harness, pending), key: try TestKeys.otherRSA())
        harness.expectToken(TestProvider.tokenResponse(idToken: token))
        try harness.expectKeys([try TestKeys.rsa()])
        try harness.expectKeys([try TestKeys.rsa(), try TestKeys.otherRSA()])
        let login = try await harness.client.completeAuthorization(callbackURL: callback, pending: pending)
        #expect(login.idToken.header.keyID == "rsa-2")
        try harness.stub.verifyAllExpectationsConsumed()
    }

    @Test("A kid still unknown after one refetch is refused; the refetch is rate-limited by the clock")
    func unknownKid() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        let stranger = try JWSSigningKey.generateRSA(keyID: "stranger")
        let (pending, callback) = try await harness.prepare()
        harness.expectToken(
            TestProvider.tokenResponse(idToken: try TestProvider.sign(claims(harness, pending), key: stranger)))
        try harness.expectKeys([try TestKeys.rsa()])
        try harness.expectKeys([try TestKeys.rsa()])
        #expect(
            await pscReason { try await harness.client.completeAuthorization(callbackURL: callback, pending: pending) }
                == .unknownKeyID)
        #expect(harness.stub.recordedRequests.filter { $0.path == TestProvider.jwksPath }.count == 2)

        // Within the refetch interval: no new fetch, refused at once.
        let (secondPending, secondCallback) = try await harness.prepare()
        harness.expectToken(
            TestProvider.tokenResponse(idToken: try TestProvider.sign(claims(harness, secondPending), key: stranger)))
        #expect(
            await pscReason {
                try await harness.client.completeAuthorization(callbackURL: secondCallback, pending: secondPending)
            } == .unknownKeyID)
        #expect(harness.stub.recordedRequests.filter { $0.path == TestProvider.jwksPath }.count == 2)

        // After the interval: one more fetch is allowed.
        harness.clock.advance(by: .seconds(31))
        let (thirdPending, thirdCallback) = try await harness.prepare()
        harness.expectToken(
            TestProvider.tokenResponse(idToken: try TestProvider.sign(claims(harness, thirdPending), key: stranger)))
        try harness.expectKeys([try TestKeys.rsa(), stranger])
        let login = try await harness.client.completeAuthorization(callbackURL: thirdCallback, pending: thirdPending)
        #expect(login.idToken.header.keyID == "stranger")
        try harness.stub.verifyAllExpectationsConsumed()
    }

    @Test("jku, x5u and embedded jwk headers are never used to find a key")
    func ignoredHeaders() async throws {
        let harness = try TestHarness()
        let stranger = TestKeys.ecKey
        harness.expectDiscovery()
        let (pending, callback) = try await harness.prepare()
        let jwk = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(try stranger.publicJWK()))
        let header = JWSHeader(
            algorithm: .es256, keyID: "attacker",
            additionalMembers: ["jku": "https://evil.example/jwks", "x5u": "https://evil.example/cert", "jwk": jwk])
        let payload = Data(TestProvider.json(claims(harness, pending, algorithm: .es256)).utf8)
        let token = try JWS.sign(payload: payload, header: header, key: stranger).compactSerialization
        harness.expectToken(TestProvider.tokenResponse(idToken: token))
        try harness.expectKeys([try TestKeys.rsa()])
        try harness.expectKeys([try TestKeys.rsa()])
        #expect(
            await pscReason { try await harness.client.completeAuthorization(callbackURL: callback, pending: pending) }
                == .unknownKeyID)
        #expect(!harness.stub.recordedRequests.contains { $0.request.authority == "evil.example" })
        try harness.stub.verifyAllExpectationsConsumed()
    }
}
