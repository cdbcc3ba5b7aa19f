import Foundation
import SanteCore
import Testing

@Suite("JWK and JWK sets")
struct JWKTests {
    @Test("RSA and EC public JWKs round-trip through verification keys")
    func publicRoundTrip() throws {
        for signer in [try JOSETestKeys.rsa(), JWSSigningKey.generateP256(keyID: "ec-1")] {
            let jwk = try signer.publicJWK(algorithm: signer.defaultAlgorithm)
            #expect(jwk.keyID == signer.keyID)
            #expect(jwk.publicKeyUse == "sig")
            #expect(jwk.algorithm == signer.defaultAlgorithm.rawValue)
            #expect(!jwk.containsPrivateMembers)

            let reparsed = try JWK(jsonData: try jwk.jsonData())
            #expect(reparsed == jwk)
            let key = try JWSVerificationKey(jwk: reparsed)
            #expect(key.keyID == signer.keyID)
            #expect(key.algorithm == signer.defaultAlgorithm)
            #expect(try key.publicJWK().modulus == jwk.modulus)
            #expect(try key.publicJWK().xCoordinate == jwk.xCoordinate)

            let jws = try JWS.sign(claims: JWTClaims(subject: "s"), key: signer)
            let verified = try JWSVerifier(allowedAlgorithms: [signer.defaultAlgorithm], keys: [key]).verify(jws)
            #expect(try verified.claims().subject == "s")
        }
    }

    @Test("an RSA public JWK has the expected shape")
    func rsaShape() throws {
        let jwk = try JOSETestKeys.rsa().verificationKey.publicJWK()
        #expect(jwk.keyType == .rsa)
        #expect(jwk.exponent == "AQAB")
        #expect(try Base64URL.decode(try #require(jwk.modulus)).count == 256)
        #expect(jwk.curve == nil && jwk.xCoordinate == nil)
        let json = try #require(String(data: try jwk.jsonData(), encoding: .utf8))
        #expect(json.hasPrefix("{\"e\":\"AQAB\",\"kid\":\"rsa-1\",\"kty\":\"RSA\",\"n\":\""))
    }

    @Test("an EC public JWK has 32-byte coordinates")
    func ecShape() throws {
        let jwk = try JWSSigningKey.generateP256().verificationKey.publicJWK()
        #expect(jwk.keyType == .ellipticCurve)
        #expect(jwk.curve == "P-256")
        #expect(try Base64URL.decode(try #require(jwk.xCoordinate)).count == 32)
        #expect(try Base64URL.decode(try #require(jwk.yCoordinate)).count == 32)
    }

    @Test("unknown members, key_ops and x5c are kept; private members are dropped by publicJWK")
    func lossless() throws {
        let text = """
            {"kty":"EC","crv":"P-256","kid":"rfc-a3","use":"sig","alg":"ES256","key_ops":["sign","verify"],
             "x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
             "d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI","x5c":["MIIBfake"],"ext":true,"vendor":{"a":[1,2.5,null]}}
            """
        let jwk = try JWK(jsonData: Data(text.utf8))
        #expect(jwk.keyOperations == ["sign", "verify"])
        #expect(jwk.x509CertificateChain == ["MIIBfake"])
        #expect(jwk[member: "vendor"] == ["a": [1, 2.5, nil]])
        #expect(jwk[member: "ext"] == true)
        #expect(jwk.containsPrivateMembers)

        let again = try JWK(jsonData: try jwk.jsonData())
        #expect(again == jwk)

        let publicOnly = jwk.publicJWK
        #expect(!publicOnly.containsPrivateMembers)
        #expect(publicOnly[member: "d"] == nil)
        #expect(publicOnly[member: "vendor"] != nil)
        let publicJSON = try #require(String(data: try publicOnly.jsonData(), encoding: .utf8))
        #expect(!publicJSON.contains("\"d\""))
        #expect(!publicJSON.contains("jpsQnnGQ"))

        // The private JWK builds a signing key whose public half matches x and y.
        let signer = try JWSSigningKey(jwk: jwk)
        #expect(try signer.verificationKey.publicJWK().xCoordinate == jwk.xCoordinate)
        #expect(try signer.publicJWK().yCoordinate == jwk.yCoordinate)
    }

    @Test("an oct JWK gives an HMAC key; an HMAC key has no public JWK")
    func octetKeys() throws {
        let jwk = try JWK(
            jsonData: Data(
                #"{"kty":"oct","kid":"h","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}"#
                    .utf8))
        let key = try JWSVerificationKey(jwk: jwk)
        #expect(key.keyType == .octetSequence)
        #expect(key.canVerify(.hs256))
        #expect(!key.canVerify(.rs256))
        #expect(joseReason { try key.publicJWK() } == .notExportable)
        #expect(jwk.publicJWK[member: "k"] == nil)
    }

    @Test(
        "bad JWKs give typed errors",
        arguments: [
            (
                #"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#,
                JOSEError.Reason.unsupportedKeyType
            ),
            (#"{"kty":"EC","crv":"P-384","x":"AA","y":"AA"}"#, .unsupportedCurve),
            (#"{"kty":"EC","x":"AA","y":"AA"}"#, .invalidKey),
            (#"{"kty":"EC","crv":"P-256","x":"f83O+3D2","y":"AA"}"#, .invalidBase64URL),
            (#"{"kty":"EC","crv":"P-256","x":"AQ","y":"AQ"}"#, .invalidKey),
            (
                #"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"}"#,
                .invalidKey
            ),
            (#"{"kty":"RSA","e":"AQAB"}"#, .invalidKey),
            (#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#, .weakKey),
            (#"{"kty":"RSA","n":"!!","e":"AQAB"}"#, .invalidBase64URL),
            (#"{"kty":"oct"}"#, .invalidKey),
        ]
    )
    func badJWK(_ json: String, _ reason: JOSEError.Reason) throws {
        let jwk = try JWK(jsonData: Data(json.utf8))
        #expect(joseReason { try JWSVerificationKey(jwk: jwk) } == reason)
    }

    @Test("an encryption key or one without the verify operation is not a verification key")
    func usage() throws {
        var jwk = try JWSSigningKey.generateP256().verificationKey.publicJWK()
        jwk.publicKeyUse = "enc"
        #expect(joseReason { try JWSVerificationKey(jwk: jwk) } == .invalidKey)
        jwk.publicKeyUse = nil
        jwk.keyOperations = ["encrypt"]
        #expect(joseReason { try JWSVerificationKey(jwk: jwk) } == .invalidKey)
        jwk.keyOperations = ["verify"]
        #expect(throws: Never.self) { try JWSVerificationKey(jwk: jwk) }
    }

    @Test(
        "JSON that is not a JWK is invalidKey",
        arguments: [
            #"{"kid":"x"}"#, #"{"kty":1}"#, #"{"kty":"RSA","n":5}"#, #"{"kty":"RSA","key_ops":"verify"}"#, "[]", "nope",
        ]
    )
    func notJWK(_ json: String) {
        #expect(joseReason { try JWK(jsonData: Data(json.utf8)) } == .invalidKey)
    }
}
