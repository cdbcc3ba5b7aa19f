import Foundation
import SanteCore
import Testing

/// Published test vectors: RFC 7515 appendix A, the OpenID Connect Core hash examples, and the Notify JWT.
@Suite("Published JOSE vectors")
struct PublishedVectorTests {
    static let rfcPayload =
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"

    @Test("RFC 7515 A.1 (HS256): the signature is reproduced exactly and verifies")
    func rfc7515A1() throws {
        let header = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
        let signature = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        let jwk = try JWK(
            jsonData: Data(
                #"{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}"#
                    .utf8))

        let signer = try JWSSigningKey(jwk: jwk)
        let computed = try signer.signature(for: Data("\(header).\(Self.rfcPayload)".utf8), algorithm: .hs256)
        #expect(Base64URL.encode(computed) == signature)

        let token = "\(header).\(Self.rfcPayload).\(signature)"
        let verified = try JWSVerifier(allowedAlgorithms: [.hs256], keys: [try JWSVerificationKey(jwk: jwk)]).verify(
            token)
        #expect(verified.header.type == "JWT")
        #expect(
            String(decoding: verified.payload, as: UTF8.self)
                == "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}")
        let claims = try verified.claims()
        #expect(claims.issuer == "joe")
        #expect(claims.expirationTime == NumericDate(secondsSince1970: 1_300_819_380))
        #expect(claims[claim: "http://example.com/is_root"] == true)
        #expect(joseReason { try claims.validateTimes(now: Date(timeIntervalSince1970: 1_300_819_380)) } == .expired)
        #expect(throws: Never.self) { try claims.validateTimes(now: Date(timeIntervalSince1970: 1_300_819_379)) }
    }

    @Test("RFC 7515 A.2 (RS256): the published token verifies with the published key")
    func rfc7515A2() throws {
        let modulus =
            "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-"
            + "pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2"
            + "CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDT"
            + "W9gb54h4FRWyuXpoQ"
        let signature =
            "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9C"
            + "UAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOL"
            + "n6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmt"
            + "VrBp0igcN_IoypGlUPQGe77Rw"
        var jwk = JWK(keyType: .rsa)
        jwk.modulus = modulus
        jwk.exponent = "AQAB"
        let key = try JWSVerificationKey(jwk: jwk)
        #expect(try key.publicJWK().modulus == modulus)
        let token = "eyJhbGciOiJSUzI1NiJ9.\(Self.rfcPayload).\(signature)"
        let verifier = JWSVerifier(allowedAlgorithms: [.rs256], keys: [key])
        #expect(try verifier.verify(token).claims().issuer == "joe")
        #expect(
            joseReason { try JWSVerifier(allowedAlgorithms: [.ps256], keys: [key]).verify(token) }
                == .algorithmNotAllowed)
        let relabelled = "eyJhbGciOiJQUzI1NiJ9.\(Self.rfcPayload).\(signature)"
        #expect(
            joseReason { try JWSVerifier(allowedAlgorithms: [.ps256], keys: [key]).verify(relabelled) }
                == .invalidSignature)
    }

    static let a3Key = #"""
        {"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
         "y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}
        """#

    @Test("RFC 7515 A.3 (ES256): the published signature verifies; the private key signs verifiable tokens")
    func rfc7515A3() throws {
        let jwk = try JWK(jsonData: Data(Self.a3Key.utf8))
        let publicKey = try JWSVerificationKey(jwk: jwk.publicJWK)
        let signature = "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"
        let token = "eyJhbGciOiJFUzI1NiJ9.\(Self.rfcPayload).\(signature)"
        let verifier = JWSVerifier(allowedAlgorithms: [.es256], keys: [publicKey])
        #expect(try verifier.verify(token).claims().issuer == "joe")

        var flipped = try Base64URL.decode(signature)
        flipped[flipped.startIndex] ^= 0x80
        #expect(
            joseReason { try verifier.verify("eyJhbGciOiJFUzI1NiJ9.\(Self.rfcPayload).\(Base64URL.encode(flipped))") }
                == .invalidSignature)

        let signer = try JWSSigningKey(jwk: jwk)
        let fresh = try JWS.sign(payload: try Base64URL.decode(Self.rfcPayload), key: signer, type: nil)
        #expect(fresh.encodedHeader == "eyJhbGciOiJFUzI1NiJ9")
        #expect(try verifier.verify(fresh).payload == (try Base64URL.decode(Self.rfcPayload)))
    }

    @Test("the Notify example JWT verifies with the UTF-8 secret, and minting reproduces its header")
    func notifyVector() throws {
        let token =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIyNjc4NWEwOS1hYjE2LTRlYjAtODQwNy1hMzc0OTdhNTc1MDYiLCJpYXQiOjE1Njg4MTg1Nzh9.YlLRluAeKD8aULjyZVgSwNwmUxolUmcv5g2k84o7ZTU"
        let secret = Data("3d844edf-8d35-48ac-975b-e847b4f122b0".utf8)
        let verifier = JWSVerifier(allowedAlgorithms: [.hs256], keys: [JWSVerificationKey(hmacSecret: secret)])
        let claims = try verifier.verify(token).claims()
        #expect(claims.issuer == "26785a09-ab16-4eb0-8407-a37497a57506")
        #expect(claims.issuedAt == NumericDate(secondsSince1970: 1_568_818_578))

        // The Notify server's ±30 s window, expressed with the time helpers.
        let issued = Date(timeIntervalSince1970: 1_568_818_578)
        let window = { (now: Date) in
            try claims.validateTimes(now: now, leeway: .seconds(30), requireExpirationTime: false, maximumAge: .zero)
        }
        #expect(throws: Never.self) { try window(issued.addingTimeInterval(30)) }
        #expect(throws: Never.self) { try window(issued.addingTimeInterval(-30)) }
        #expect(joseReason { try window(issued.addingTimeInterval(31)) } == .issuedTooLongAgo)
        #expect(joseReason { try window(issued.addingTimeInterval(-31)) } == .issuedInFuture)

        // Minting with the same inputs gives a header byte-identical to the doc's, and a token that verifies.
        let minted = try JWS.sign(
            claims: JWTClaims(issuer: "26785a09-ab16-4eb0-8407-a37497a57506", issuedAt: NumericDate(issued)),
            key: JWSSigningKey(hmacSecret: secret))
        #expect(minted.encodedHeader == "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9")
        #expect(
            String(decoding: minted.payload, as: UTF8.self)
                == #"{"iat":1568818578,"iss":"26785a09-ab16-4eb0-8407-a37497a57506"}"#)
        #expect(try verifier.verify(minted).claims() == claims)
    }

    @Test("OpenID Connect Core A.3 at_hash and A.4 c_hash")
    func tokenHashes() throws {
        #expect(
            try JWTTokenHash.compute(for: "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y", algorithm: .rs256)
                == "77QmUPtjPfzWtF2AnpK9RQ")
        #expect(
            try JWTTokenHash.compute(
                for: "Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk", algorithm: .rs256)
                == "LDktKdoQak3Pk0cnXxCltA")
        #expect(
            try JWTTokenHash.compute(for: "x", algorithm: .es256) == JWTTokenHash.compute(for: "x", algorithm: .hs256))
        #expect(try JWTTokenHash.compute(for: "x", algorithm: "RS384").count == 32)
        #expect(try JWTTokenHash.compute(for: "x", algorithm: "PS512").count == 43)
        #expect(joseReason { try JWTTokenHash.compute(for: "x", algorithm: .unsecured) } == .unsecuredAlgorithm)
        #expect(joseReason { try JWTTokenHash.compute(for: "x", algorithm: "EdDSA") } == .unsupportedAlgorithm)
    }
}
