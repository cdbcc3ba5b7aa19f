import Foundation
import SanteCore
import Testing

@Suite("JWK set from a Keycloak-style jwks_uri")
struct JWKSetTests {
    /// A JWKS shaped like Keycloak's `/protocol/openid-connect/certs`: an RS256 signature key with X.509
    /// members, an RSA-OAEP encryption key, and an ES256 key. Key material is generated for the test.
    static func keycloakJWKS(rsa: JWSSigningKey, ec: JWSSigningKey) throws -> (
        text: String, rsaKid: String, ecKid: String
    ) {
        let rsaJWK = try rsa.verificationKey.publicJWK()
        let ecJWK = try ec.verificationKey.publicJWK()
        let n = try #require(rsaJWK.modulus)
        let x = try #require(ecJWK.xCoordinate)
        let y = try #require(ecJWK.yCoordinate)
        let rsaKid = "Sx8S1mRN3u0TWv3-VblaQGK7-nXD3xw4tJIp_W0UmvQ"
        let ecKid = "kBvHxVMkVOoGj0C0ZmgIpxvjGDz8ZJdVNB4PCtsUyyc"
        let text = """
            {
              "keys": [
                {
                  "kid": "\(rsaKid)", "kty": "RSA", "alg": "RS256", "use": "sig",
                  "n": "\(n)", "e": "AQAB",
                  "x5c": ["MIICrzCCAZcCBgGQ4cT1bDANBgkqhkiG9w0BAQsFADAbMRkwFwYDVQQDDBBlc2FudGUtd2FsbGV0"],
                  "x5t": "c2zv2Hr0U2fKTxq7lA1WZvGjOaI",
                  "x5t#S256": "Xz2ElxhCfGWW8TxyqAiq2m6Hhq7ek2T7Z4QwIfQ9GkQ"
                },
                {
                  "kid": "enc-7Hc0", "kty": "RSA", "alg": "RSA-OAEP", "use": "enc",
                  "n": "\(n)", "e": "AQAB"
                },
                {
                  "kid": "\(ecKid)", "kty": "EC", "alg": "ES256", "use": "sig", "crv": "P-256",
                  "x": "\(x)", "y": "\(y)"
                },
                { "kid": "okp-1", "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" }
              ]
            }
            """
        return (text, rsaKid, ecKid)
    }

    @Test("parses every key, keeps unknown ones, and verifies RS256 and ES256 tokens")
    func keycloak() throws {
        let ec = JWSSigningKey.generateP256()
        let rsaBase = try JOSETestKeys.rsa()
        let document = try Self.keycloakJWKS(rsa: rsaBase, ec: ec)
        let set = try JWKSet(jsonData: Data(document.text.utf8))

        #expect(set.keys.count == 4)
        #expect(set.keys.map(\.keyType) == [.rsa, .rsa, .ellipticCurve, .octetKeyPair])
        let rsaJWK = try #require(set.key(withID: document.rsaKid))
        #expect(rsaJWK.algorithm == "RS256")
        #expect(rsaJWK.x509CertificateChain?.count == 1)
        #expect(rsaJWK[member: "x5t#S256"] == "Xz2ElxhCfGWW8TxyqAiq2m6Hhq7ek2T7Z4QwIfQ9GkQ")
        #expect(set.keys(withID: "enc-7Hc0").first?.publicKeyUse == "enc")
        #expect(set.key(withID: "missing") == nil)

        let usable = set.verificationKeys()
        #expect(usable.map(\.keyID) == [document.rsaKid, document.ecKid])
        #expect(usable.map(\.algorithm) == [.rs256, .es256])

        let verifier = JWSVerifier(allowedAlgorithms: [.rs256, .es256], keySet: set)
        var rsaSigner = rsaBase
        rsaSigner.keyID = document.rsaKid
        var ecSigner = ec
        ecSigner.keyID = document.ecKid
        let idToken = try JWS.sign(claims: JWTClaims(subject: "f:uuid:899990000017"), key: rsaSigner)
        #expect(try verifier.verify(idToken.compactSerialization).key.keyID == document.rsaKid)
        let ecToken = try JWS.sign(claims: JWTClaims(subject: "x"), key: ecSigner)
        #expect(try verifier.verify(ecToken.compactSerialization).key.keyID == document.ecKid)

        // A token naming the encryption key's kid finds no usable key under that kid.
        var encSigner = rsaBase
        encSigner.keyID = "enc-7Hc0"
        let encToken = try JWS.sign(claims: JWTClaims(subject: "x"), key: encSigner)
        #expect(joseReason { try verifier.verify(encToken) } == .unknownKeyID)

        // Round trip of the whole document, losslessly.
        let again = try JWKSet(jsonData: try set.jsonData())
        #expect(again == set)
    }

    @Test("keeps set-level members and strips private members with publicKeySet")
    func setMembers() throws {
        let text = #"{"keys":[{"kty":"oct","k":"c2VjcmV0","kid":"s"}],"generated":"2025-01-01"}"#
        let set = try JWKSet(jsonData: Data(text.utf8))
        #expect(set.additionalMembers["generated"] == "2025-01-01")
        #expect(set.verificationKeys().isEmpty)
        let publicSet = set.publicKeySet
        #expect(publicSet.keys.first?[member: "k"] == nil)
        let json = try #require(String(data: try publicSet.jsonData(), encoding: .utf8))
        #expect(json == #"{"generated":"2025-01-01","keys":[{"kid":"s","kty":"oct"}]}"#)
    }

    @Test(
        "a document that is not a JWK set is invalidKey",
        arguments: ["{}", #"{"keys":{}}"#, #"{"keys":[{"kid":"a"}]}"#, "[]"])
    func notASet(_ text: String) {
        #expect(joseReason { try JWKSet(jsonData: Data(text.utf8)) } == .invalidKey)
    }
}
