import Foundation
import SanteCore
import Testing

@Suite("PEM and DER key import")
struct KeyEncodingTests {
    @Test("RSA and P-256 private keys round-trip through PEM and keep signing compatibly")
    func privatePEM() throws {
        for original in [try JOSETestKeys.rsa(), JWSSigningKey.generateP256(keyID: "ec")] {
            let pem = try #require(original.pemRepresentation)
            let imported = try JWSSigningKey(pemRepresentation: pem, keyID: "imported")
            #expect(imported.keyType == original.keyType)
            #expect(imported.keyID == "imported")
            let jws = try JWS.sign(payload: Data("x".utf8), key: imported)
            var verificationKey = original.verificationKey
            verificationKey.keyID = "imported"
            #expect(throws: Never.self) {
                try JWSVerifier(allowedAlgorithms: [original.defaultAlgorithm], keys: [verificationKey]).verify(jws)
            }
        }
    }

    @Test("public keys import from SubjectPublicKeyInfo PEM and DER")
    func publicPEMAndDER() throws {
        for signer in [try JOSETestKeys.rsa(), JWSSigningKey.generateP256()] {
            let pem = try #require(signer.verificationKey.pemRepresentation)
            #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----"))
            let fromPEM = try JWSVerificationKey(pemRepresentation: pem, keyID: "p", algorithm: signer.defaultAlgorithm)
            #expect(fromPEM.keyType == signer.keyType)
            #expect(fromPEM.algorithm == signer.defaultAlgorithm)
            #expect(try fromPEM.publicJWK().modulus == signer.verificationKey.publicJWK().modulus)
            #expect(try fromPEM.publicJWK().xCoordinate == signer.verificationKey.publicJWK().xCoordinate)

            let base64 = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
            let der = try #require(Data(base64Encoded: base64))
            let fromDER = try JWSVerificationKey(derRepresentation: der)
            #expect(fromDER.keyType == signer.keyType)
        }
    }

    @Test("private keys import from DER")
    func privateDER() throws {
        let signer = JWSSigningKey.generateP256()
        let pem = try #require(signer.pemRepresentation)
        let base64 = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let der = try #require(Data(base64Encoded: base64))
        let imported = try JWSSigningKey(derRepresentation: der)
        #expect(try imported.publicJWK().xCoordinate == signer.publicJWK().xCoordinate)
    }

    @Test("unsupported or broken PEM and DER give invalidKey")
    func broken() {
        let certificate = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
        #expect(joseReason { try JWSVerificationKey(pemRepresentation: certificate) } == .invalidKey)
        #expect(joseReason { try JWSVerificationKey(pemRepresentation: "not pem") } == .invalidKey)
        #expect(
            joseReason {
                try JWSSigningKey(pemRepresentation: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")
            } == .invalidKey)
        #expect(
            joseReason { try JWSVerificationKey(derRepresentation: Data([0x30, 0x03, 0x02, 0x01, 0x01])) }
                == .invalidKey)
        #expect(joseReason { try JWSSigningKey(derRepresentation: Data()) } == .invalidKey)
        #expect(joseReason { try JWSSigningKey.generateRSA(bits: 1024) } == .weakKey)
    }

    @Test("HMAC keys have no PEM form")
    func hmacHasNoPEM() {
        let key = JWSSigningKey.generateHMAC(byteCount: 48)
        #expect(key.pemRepresentation == nil)
        #expect(key.verificationKey.pemRepresentation == nil)
        #expect(key.keyType == .octetSequence)
        #expect(key.defaultAlgorithm == .hs256)
    }
}
