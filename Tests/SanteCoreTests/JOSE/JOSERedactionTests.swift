import Foundation
import SanteCore
import Testing

@Suite("JOSE values never print tokens or key material")
struct JOSERedactionTests {
    /// Every way a value commonly reaches a log.
    func renderings(_ value: some Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), "\(value)", dumped]
    }

    let secret = "c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1uZXZlci1iZS1sb2dnZWQ"

    @Test("JWS and VerifiedJWS show the algorithm and kid only")
    func tokens() throws {
        let key = JWSSigningKey(hmacSecret: Data(secret.utf8), keyID: "h1")
        let jws = try JWS.sign(payload: Data(#"{"sub":"patient-secret-subject"}"#.utf8), key: key)
        let verified = try JWSVerifier(allowedAlgorithms: [.hs256], keys: [key.verificationKey])
            .verify(jws.compactSerialization)
        for text in renderings(jws) + renderings(verified) {
            #expect(!text.contains(jws.encodedPayload), "\(text)")
            #expect(!text.contains(jws.encodedSignature), "\(text)")
            #expect(!text.contains("patient-secret-subject"), "\(text)")
            #expect(!text.contains(secret), "\(text)")
        }
        #expect(String(describing: jws) == #"JWS(HS256, kid: "h1", <redacted>)"#)
        #expect(String(describing: verified) == #"VerifiedJWS(HS256, kid: "h1", <redacted>)"#)
    }

    @Test("A private JWK never shows its private members")
    func privateJWK() throws {
        let members = ["d", "p", "q", "dp", "dq", "qi"]
        var json = #"{"kty":"RSA","kid":"r1","alg":"RS256","n":"bW9kdWx1cw","e":"AQAB""#
        for member in members { json += #","\#(member)":"\#(member)-\#(secret)""# }
        json += "}"
        let rsa = try JSONDecoder().decode(JWK.self, from: Data(json.utf8))
        let oct = try JSONDecoder().decode(JWK.self, from: Data(#"{"kty":"oct","kid":"o1","k":"\#(secret)"}"#.utf8))
        for text in renderings(rsa) + renderings(oct) {
            #expect(!text.contains(secret), "\(text)")
        }
        #expect(String(describing: rsa) == #"JWK(RSA, kid: "r1", alg: RS256, private)"#)
    }

    @Test("Signing keys and HMAC verification keys show no material")
    func keys() {
        let hmac = JWSSigningKey(hmacSecret: Data(secret.utf8), keyID: "h1")
        let p256 = JWSSigningKey.generateP256(keyID: "p1")
        for text in renderings(hmac) + renderings(hmac.verificationKey) + renderings(p256) {
            #expect(!text.contains(secret), "\(text)")
            #expect(!text.contains("material"), "\(text)")
            #expect(!text.contains("SymmetricKey"), "\(text)")
            #expect(!text.contains("PrivateKey"), "\(text)")
        }
        #expect(String(describing: p256) == #"JWSSigningKey(EC, kid: "p1", <redacted>)"#)
    }
}
