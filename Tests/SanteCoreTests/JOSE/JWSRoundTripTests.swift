import Foundation
import SanteCore
import Testing

@Suite("JWS sign and verify round trips")
struct JWSRoundTripTests {
    static let hmacSecret = Data("3d844edf-8d35-48ac-975b-e847b4f122b0".utf8)

    static func key(for algorithm: JWSAlgorithm) throws -> JWSSigningKey {
        switch algorithm {
        case .rs256, .ps256: try JOSETestKeys.rsa()
        case .es256: JWSSigningKey.generateP256(keyID: "ec-1")
        default: JWSSigningKey(hmacSecret: hmacSecret, keyID: "hmac-1")
        }
    }

    @Test("signs and verifies claims", arguments: [JWSAlgorithm.rs256, .ps256, .es256, .hs256])
    func roundTrip(_ algorithm: JWSAlgorithm) throws {
        let key = try Self.key(for: algorithm)
        let claims = JWTClaims(
            issuer: "https://auth.example", subject: "899990000017", audience: "client-1",
            expirationTime: NumericDate(secondsSince1970: 1_700_000_120),
            issuedAt: NumericDate(secondsSince1970: 1_700_000_000),
            additionalClaims: ["acr": "eidas1", "nonce": "n-0S6"])
        let token = try JWS.sign(claims: claims, key: key, algorithm: algorithm).compactSerialization

        let parsed = try JWS.parseUnverified(token)
        #expect(parsed.header.algorithm == algorithm)
        #expect(parsed.header.keyID == key.keyID)
        #expect(parsed.header.type == "JWT")
        if algorithm == .es256 { #expect(parsed.signature.count == 64) }
        if algorithm == .hs256 { #expect(parsed.signature.count == 32) }
        if algorithm == .rs256 || algorithm == .ps256 { #expect(parsed.signature.count == 256) }

        let verifier = JWSVerifier(allowedAlgorithms: [algorithm], keys: [key.verificationKey])
        let verified = try verifier.verify(token)
        #expect(verified.key.keyID == key.keyID)
        #expect(try verified.claims() == claims)
        #expect(try verified.claims()[claim: "acr"] == "eidas1")
    }

    @Test("signs arbitrary payload bytes with extra header members")
    func arbitraryPayload() throws {
        let key = JWSSigningKey.generateP256(keyID: "ec-2")
        let payload = Data([0x00, 0xFF, 0x10, 0x80])
        let jws = try JWS.sign(
            payload: payload, key: key, type: "example+jwt", additionalHeaderMembers: ["x-custom": 42, "alg": "none"])
        #expect(jws.header.algorithm == .es256)
        #expect(jws.header[member: "x-custom"] == 42)
        let verified = try JWSVerifier(allowedAlgorithms: [.es256], keys: [key.verificationKey])
            .verify(jws.compactSerialization)
        #expect(verified.payload == payload)
        #expect(verified.header.type == "example+jwt")
    }

    @Test("ES256 signatures differ each time but all verify (randomised ECDSA)")
    func ecdsaIsRandomised() throws {
        let key = JWSSigningKey.generateP256()
        let first = try JWS.sign(payload: Data("x".utf8), key: key)
        let second = try JWS.sign(payload: Data("x".utf8), key: key)
        #expect(first.signature != second.signature)
        let verifier = JWSVerifier(allowedAlgorithms: [.es256], keys: [key.verificationKey])
        #expect(throws: Never.self) { try verifier.verify(first) }
        #expect(throws: Never.self) { try verifier.verify(second) }
    }

    @Test("a tampered payload is refused", arguments: [JWSAlgorithm.rs256, .ps256, .es256, .hs256])
    func tamperedPayload(_ algorithm: JWSAlgorithm) throws {
        let key = try Self.key(for: algorithm)
        let jws = try JWS.sign(claims: JWTClaims(subject: "alice"), key: key, algorithm: algorithm)
        let forgedPayload = Base64URL.encode(utf8: "{\"sub\":\"mallory\"}")
        let forged = "\(jws.encodedHeader).\(forgedPayload).\(jws.encodedSignature)"
        let verifier = JWSVerifier(allowedAlgorithms: [algorithm], keys: [key.verificationKey])
        #expect(joseReason { try verifier.verify(forged) } == .invalidSignature)
    }

    @Test("a tampered signature is refused", arguments: [JWSAlgorithm.rs256, .ps256, .es256, .hs256])
    func tamperedSignature(_ algorithm: JWSAlgorithm) throws {
        let key = try Self.key(for: algorithm)
        let jws = try JWS.sign(claims: JWTClaims(subject: "alice"), key: key, algorithm: algorithm)
        var signature = jws.signature
        signature[signature.startIndex + 5] ^= 0x01
        let forged = "\(jws.encodedHeader).\(jws.encodedPayload).\(Base64URL.encode(signature))"
        let verifier = JWSVerifier(allowedAlgorithms: [algorithm], keys: [key.verificationKey])
        #expect(joseReason { try verifier.verify(forged) } == .invalidSignature)
        let truncated = "\(jws.encodedHeader).\(jws.encodedPayload).\(Base64URL.encode(signature.dropLast()))"
        #expect(joseReason { try verifier.verify(truncated) } == .invalidSignature)
    }

    @Test("a signature from another key of the same type is refused")
    func otherKey() throws {
        let jws = try JWS.sign(claims: JWTClaims(subject: "alice"), key: try JOSETestKeys.otherRSA())
        let verifier = JWSVerifier(
            allowedAlgorithms: [.rs256], keys: [try JOSETestKeys.rsa().verificationKey.withoutKeyID()])
        #expect(joseReason { try verifier.verify(jws) } == .invalidSignature)
    }

    @Test("RS256 and PS256 signatures are not interchangeable")
    func paddingsDiffer() throws {
        let key = try JOSETestKeys.rsa()
        let pss = try JWS.sign(payload: Data("p".utf8), key: key, algorithm: .ps256)
        let relabelled = craftToken(
            header: "{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", payload: "p", signature: pss.signature)
        let verifier = JWSVerifier(allowedAlgorithms: [.rs256, .ps256], keys: [key.verificationKey])
        #expect(joseReason { try verifier.verify(relabelled) } == .invalidSignature)
    }

    @Test("HS256 refuses secrets shorter than 32 bytes, when signing and when verifying")
    func shortSecret() throws {
        let key = JWSSigningKey(hmacSecret: Data("short".utf8))
        #expect(joseReason { try JWS.sign(payload: Data("x".utf8), key: key) } == .weakKey)
        let longKey = JWSSigningKey(hmacSecret: Data(repeating: 7, count: 32))
        let jws = try JWS.sign(payload: Data("x".utf8), key: longKey)
        let verifier = JWSVerifier(
            allowedAlgorithms: [.hs256], keys: [JWSVerificationKey(hmacSecret: Data(repeating: 7, count: 31))])
        #expect(joseReason { try verifier.verify(jws) } == .weakKey)
    }

    @Test("a key refuses to sign with an algorithm of another family, or none")
    func signingMismatch() throws {
        let key = JWSSigningKey.generateP256()
        #expect(joseReason { try JWS.sign(payload: Data(), key: key, algorithm: .rs256) } == .keyAlgorithmMismatch)
        #expect(joseReason { try JWS.sign(payload: Data(), key: key, algorithm: .unsecured) } == .unsecuredAlgorithm)
        #expect(joseReason { try JWS.sign(payload: Data(), key: key, algorithm: "ES512") } == .unsupportedAlgorithm)
    }
}

extension JWSVerificationKey {
    func withoutKeyID() -> JWSVerificationKey {
        var copy = self
        copy.keyID = nil
        return copy
    }
}
