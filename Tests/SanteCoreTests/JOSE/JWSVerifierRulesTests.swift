import Foundation
import SanteCore
import Testing

@Suite("JWSVerifier rules")
struct JWSVerifierRulesTests {
    @Test("an algorithm outside the caller's allow-list is refused even with a valid signature")
    func algorithmNotAllowed() throws {
        let key = JWSSigningKey.generateP256(keyID: "ec")
        let jws = try JWS.sign(claims: JWTClaims(subject: "a"), key: key)
        let verifier = JWSVerifier(allowedAlgorithms: [.rs256], keys: [key.verificationKey])
        #expect(joseReason { try verifier.verify(jws) } == .algorithmNotAllowed)
        #expect(
            joseReason { try JWSVerifier(allowedAlgorithms: [], keys: [key.verificationKey]).verify(jws) }
                == .algorithmNotAllowed)
    }

    @Test(
        "alg none is refused, whatever the letter case and even if allowed",
        arguments: ["none", "None", "NONE", "nOnE"])
    func unsecured(_ name: String) throws {
        let token = craftToken(header: "{\"alg\":\"\(name)\",\"typ\":\"JWT\"}", payload: "{\"sub\":\"admin\"}")
        #expect(token.hasSuffix("."))
        let parsed = try JWS.parseUnverified(token)
        #expect(parsed.signature.isEmpty)
        #expect(parsed.header.algorithm.isUnsecured)
        let key = JWSSigningKey.generateHMAC().verificationKey
        let verifier = JWSVerifier(allowedAlgorithms: Set([.unsecured, JWSAlgorithm(name), .hs256]), keys: [key])
        do {
            _ = try verifier.verify(token)
            Issue.record("an unsecured token was accepted")
        } catch {
            #expect(error.reason == .unsecuredAlgorithm)
            #expect(error.code == .verification)
        }
    }

    @Test("HS256 keyed with the RSA public key (PEM or JWK) is refused: algorithm confusion")
    func algorithmConfusion() throws {
        let rsa = try JOSETestKeys.rsa()
        let publicPEM = try #require(rsa.verificationKey.pemRepresentation)
        let publicJWK = try rsa.publicJWK(algorithm: .rs256).jsonData()
        let verifier = JWSVerifier(allowedAlgorithms: [.rs256], keys: [rsa.verificationKey])
        for secret in [Data(publicPEM.utf8), publicJWK] {
            for keyID in ["rsa-1", nil] as [String?] {
                let forged = try JWS.sign(
                    claims: JWTClaims(subject: "admin"), key: JWSSigningKey(hmacSecret: secret, keyID: keyID),
                    algorithm: .hs256)
                #expect(joseReason { try verifier.verify(forged) } == .algorithmNotAllowed)
            }
        }

        // Even a careless allow-list with HS256 does not let an RSA key act as an HMAC secret.
        let careless = JWSVerifier(allowedAlgorithms: [.rs256, .hs256], keys: [rsa.verificationKey])
        let withKid = try JWS.sign(
            claims: JWTClaims(subject: "admin"), key: JWSSigningKey(hmacSecret: Data(publicPEM.utf8), keyID: "rsa-1"),
            algorithm: .hs256)
        #expect(joseReason { try careless.verify(withKid) } == .keyAlgorithmMismatch)
        let withoutKid = try JWS.sign(
            claims: JWTClaims(subject: "admin"), key: JWSSigningKey(hmacSecret: Data(publicPEM.utf8)),
            algorithm: .hs256)
        #expect(joseReason { try careless.verify(withoutKid) } == .noMatchingKey)
        #expect(!rsa.verificationKey.canVerify(.hs256))
    }

    @Test("a key bound to one algorithm does not verify another of its family")
    func boundAlgorithm() throws {
        let rsa = try JOSETestKeys.rsa()
        var bound = rsa.verificationKey
        bound.algorithm = .rs256
        let pss = try JWS.sign(claims: JWTClaims(subject: "a"), key: rsa, algorithm: .ps256)
        let verifier = JWSVerifier(allowedAlgorithms: [.rs256, .ps256], keys: [bound])
        #expect(joseReason { try verifier.verify(pss) } == .keyAlgorithmMismatch)
        let rs = try JWS.sign(claims: JWTClaims(subject: "a"), key: rsa, algorithm: .rs256)
        #expect(throws: Never.self) { try verifier.verify(rs) }
    }

    @Test("an unknown kid is its own error, carrying the kid")
    func unknownKeyID() throws {
        let signer = JWSSigningKey.generateP256(keyID: "rotated-key")
        let jws = try JWS.sign(claims: JWTClaims(subject: "a"), key: signer)
        let verifier = JWSVerifier(
            allowedAlgorithms: [.es256], keys: [JWSSigningKey.generateP256(keyID: "old-key").verificationKey])
        do {
            _ = try verifier.verify(jws)
            Issue.record("expected unknown kid")
        } catch {
            #expect(error.reason == .unknownKeyID)
            #expect(error.keyID == "rotated-key")
            #expect(error.code == .verification)
        }
        // After a refetch that brings the new key, the same token verifies.
        let refreshed = JWSVerifier(allowedAlgorithms: [.es256], keys: [signer.verificationKey])
        #expect(try refreshed.verify(jws).key.keyID == "rotated-key")
    }

    @Test("no kid and one suitable key: that key is used")
    func singleKeyWithoutKid() throws {
        let signer = JWSSigningKey.generateP256()
        let jws = try JWS.sign(claims: JWTClaims(subject: "a"), key: signer)
        #expect(jws.header.keyID == nil)
        var published = signer.verificationKey
        published.keyID = "k1"
        let rsa = try JOSETestKeys.rsa().verificationKey
        let verifier = JWSVerifier(allowedAlgorithms: [.es256, .rs256], keys: [rsa, published])
        #expect(try verifier.verify(jws).key.keyID == "k1")
    }

    @Test("no kid and several suitable keys is ambiguous")
    func ambiguous() throws {
        let signer = JWSSigningKey.generateP256()
        let jws = try JWS.sign(claims: JWTClaims(subject: "a"), key: signer)
        var first = signer.verificationKey
        first.keyID = "k1"
        var second = JWSSigningKey.generateP256().verificationKey
        second.keyID = "k2"
        let verifier = JWSVerifier(allowedAlgorithms: [.es256], keys: [first, second])
        #expect(joseReason { try verifier.verify(jws) } == .ambiguousKey)
    }

    @Test("a kid unknown to a set of kid-less keys falls back to the single suitable one")
    func kidWithAnonymousKey() throws {
        let secret = Data("0123456789abcdef0123456789abcdef".utf8)
        let jws = try JWS.sign(
            claims: JWTClaims(subject: "a"), key: JWSSigningKey(hmacSecret: secret, keyID: "realm-hmac"))
        let verifier = JWSVerifier(allowedAlgorithms: [.hs256], keys: [JWSVerificationKey(hmacSecret: secret)])
        #expect(try verifier.verify(jws).key.keyID == nil)
        let twoSecrets = JWSVerifier(
            allowedAlgorithms: [.hs256],
            keys: [
                JWSVerificationKey(hmacSecret: secret), JWSVerificationKey(hmacSecret: Data(repeating: 1, count: 32)),
            ])
        #expect(joseReason { try twoSecrets.verify(jws) } == .ambiguousKey)
    }

    @Test("no key of the right type gives noMatchingKey")
    func noMatchingKey() throws {
        let jws = try JWS.sign(claims: JWTClaims(subject: "a"), key: JWSSigningKey.generateP256())
        let verifier = JWSVerifier(allowedAlgorithms: [.es256], keys: [try JOSETestKeys.rsa().verificationKey])
        #expect(joseReason { try verifier.verify(jws) } == .noMatchingKey)
    }

    @Test("an allowed but unimplemented algorithm is unsupported")
    func unsupportedAlgorithm() throws {
        let token = craftToken(header: "{\"alg\":\"RS512\"}", payload: "{}", signature: Data(repeating: 1, count: 256))
        let verifier = JWSVerifier(allowedAlgorithms: ["RS512"], keys: [try JOSETestKeys.rsa().verificationKey])
        #expect(joseReason { try verifier.verify(token) } == .unsupportedAlgorithm)
    }

    @Test("critical extensions are refused unless the caller understands them")
    func critical() throws {
        let key = JWSSigningKey.generateP256()
        let header = JWSHeader(algorithm: .es256, critical: ["exp-ext"], additionalMembers: ["exp-ext": 1])
        let jws = try JWS.sign(payload: Data("{}".utf8), header: header, key: key)
        let strict = JWSVerifier(allowedAlgorithms: [.es256], keys: [key.verificationKey])
        #expect(joseReason { try strict.verify(jws) } == .unsupportedCriticalHeader)
        let aware = JWSVerifier(
            allowedAlgorithms: [.es256], keys: [key.verificationKey], understoodCriticalHeaders: ["exp-ext"])
        #expect(throws: Never.self) { try aware.verify(jws) }

        let b64 = try JWS.sign(
            payload: Data("{}".utf8),
            header: JWSHeader(algorithm: .es256, critical: ["b64"], additionalMembers: ["b64": false]), key: key)
        #expect(joseReason { try strict.verify(b64) } == .unsupportedCriticalHeader)

        let absent = try JWS.sign(
            payload: Data("{}".utf8), header: JWSHeader(algorithm: .es256, critical: ["exp-ext"]), key: key)
        #expect(joseReason { try aware.verify(absent) } == .invalidHeader)
        let registered = try JWS.sign(
            payload: Data("{}".utf8), header: JWSHeader(algorithm: .es256, critical: ["kid"]), key: key)
        #expect(joseReason { try aware.verify(registered) } == .invalidHeader)
        let empty = craftToken(header: "{\"alg\":\"ES256\",\"crit\":[]}", payload: "{}")
        #expect(joseReason { try JWS.parseUnverified(empty) } == .invalidHeader)
    }

    @Test(
        "malformed compact forms are distinct decoding errors",
        arguments: [
            ("", JOSEError.Reason.malformedCompactSerialization),
            ("abc", .malformedCompactSerialization),
            ("a.b", .malformedCompactSerialization),
            ("a.b.c.d", .malformedCompactSerialization),
            ("a.b.c.d.e", .malformedCompactSerialization),
            (".e30.", .malformedCompactSerialization),
            ("eyJhbGciOiJIUzI1NiJ9.e30.a+b", .invalidBase64URL),
            ("eyJhbGciOiJIUzI1NiJ9.e3=0.", .invalidBase64URL),
            ("ey!.e30.", .invalidBase64URL),
            ("\(Base64URL.encode(utf8: "not json")).e30.", .invalidHeader),
            ("\(Base64URL.encode(utf8: "[1,2]")).e30.", .invalidHeader),
            ("\(Base64URL.encode(utf8: "{\"typ\":\"JWT\"}")).e30.", .invalidHeader),
            ("\(Base64URL.encode(utf8: "{\"alg\":256}")).e30.", .invalidHeader),
            ("\(Base64URL.encode(utf8: "{\"alg\":\"HS256\",\"kid\":7}")).e30.", .invalidHeader),
        ]
    )
    func malformed(_ token: String, _ reason: JOSEError.Reason) {
        do {
            _ = try JWS.parseUnverified(token)
            Issue.record("\(token) parsed")
        } catch {
            #expect(error.reason == reason)
            #expect(error.code == .decoding)
        }
        let verifier = JWSVerifier(allowedAlgorithms: [.hs256], keys: [])
        #expect(joseReason { try verifier.verify(token) } == reason)
    }

    @Test("parseUnverified exposes the signing input and the exact parts")
    func parseParts() throws {
        let token = craftToken(header: "{\"alg\":\"HS256\",\"kid\":\"k\",\"jku\":\"https://evil\"}", payload: "hello")
        let parsed = try JWS.parseUnverified(token)
        #expect(parsed.header.keyID == "k")
        #expect(parsed.header[member: "jku"] == "https://evil")
        #expect(parsed.payload == Data("hello".utf8))
        #expect(parsed.compactSerialization == token)
        #expect(
            String(decoding: parsed.signingInput, as: UTF8.self) == "\(parsed.encodedHeader).\(parsed.encodedPayload)")
        #expect(joseReason { try parsed.claims() } == .invalidPayload)
    }

    @Test("error descriptions name the reason and never the token")
    func description() throws {
        let key = JWSSigningKey.generateP256(keyID: "k9")
        let jws = try JWS.sign(claims: JWTClaims(subject: "secret-subject"), key: key)
        do {
            _ = try JWSVerifier(allowedAlgorithms: [.rs256], keys: []).verify(jws)
        } catch {
            #expect(error.description.contains("algorithm_not_allowed"))
            #expect(error.description.contains("jose.verify"))
            #expect(!error.description.contains(jws.encodedPayload))
            #expect(error.httpStatus == nil)
        }
    }
}
