import Foundation
import SanteCore
import Testing

@Suite("JWT claims")
struct JWTClaimsTests {
    static func decode(_ json: String) throws -> JWTClaims {
        try JSONDecoder().decode(JWTClaims.self, from: Data(json.utf8))
    }

    static func encode(_ claims: JWTClaims) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(claims), as: UTF8.self)
    }

    @Test("decodes registered and private claims and encodes them back losslessly")
    func lossless() throws {
        let json =
            #"{"SubjectNameID":"899990000017","acr":"eidas1","aud":["client-1","other"],"exp":1700000120,"iat":1700000000.25,"iss":"https://auth.example/realms/esante-wallet","jti":"id-1","nbf":1699999990,"otherIds":[{"identifiant":"899990000017","qualite":1}],"sub":"f:uuid:899990000017","typ":"ID"}"#
        let claims = try Self.decode(json)
        #expect(claims.issuer == "https://auth.example/realms/esante-wallet")
        #expect(claims.subject == "f:uuid:899990000017")
        #expect(claims.audience == .multiple(["client-1", "other"]))
        #expect(claims.audience?.contains("client-1") == true)
        #expect(claims.expirationTime?.secondsSince1970 == 1_700_000_120)
        #expect(claims.issuedAt?.secondsSince1970 == 1_700_000_000.25)
        #expect(claims.issuedAt?.date == Date(timeIntervalSince1970: 1_700_000_000.25))
        #expect(claims.notBefore?.secondsSince1970 == 1_699_999_990)
        #expect(claims.jwtID == "id-1")
        #expect(claims.additionalClaims.count == 4)
        #expect(claims[claim: "otherIds"]?.arrayValue?.first?["qualite"] == 1)
        #expect(claims[claim: "aud"] == ["client-1", "other"])
        #expect(claims[claim: "iat"] == .number(1_700_000_000.25))
        #expect(claims[claim: "exp"] == .integer(1_700_000_120))
        #expect(try Self.encode(claims) == json)
    }

    @Test("a single-string audience stays a string")
    func singleAudience() throws {
        let claims = try Self.decode(#"{"aud":"client-1"}"#)
        #expect(claims.audience == "client-1")
        #expect(claims.audience?.values == ["client-1"])
        #expect(claims[claim: "aud"] == "client-1")
        #expect(try Self.encode(claims) == #"{"aud":"client-1"}"#)
    }

    @Test(
        "registered claims of the wrong type are refused",
        arguments: [#"{"exp":"tomorrow"}"#, #"{"iss":42}"#, #"{"aud":[1]}"#, #"{"iat":null}"#, #"{"sub":true}"#]
    )
    func wrongTypes(_ json: String) throws {
        let jws = try JWS.sign(payload: Data(json.utf8), key: JWSSigningKey.generateHMAC())
        #expect(joseReason { try jws.claims() } == .invalidPayload)
    }

    @Test("registered names passed as additional claims are ignored in favour of typed ones")
    func registeredNamesIgnored() throws {
        let claims = JWTClaims(subject: "real", additionalClaims: ["sub": "fake", "nonce": "n"])
        #expect(claims.additionalClaims == ["nonce": "n"])
        #expect(try Self.encode(claims) == #"{"nonce":"n","sub":"real"}"#)
    }

    static let issued = Date(timeIntervalSince1970: 1_700_000_000)
    static let claims = JWTClaims(
        expirationTime: NumericDate(issued.addingTimeInterval(120)),
        notBefore: NumericDate(issued.addingTimeInterval(-5)),
        issuedAt: NumericDate(issued))

    @Test("exp: valid strictly before exp + leeway")
    func expiration() {
        let claims = Self.claims
        #expect(throws: Never.self) { try claims.validateTimes(now: Self.issued.addingTimeInterval(119)) }
        #expect(joseReason { try claims.validateTimes(now: Self.issued.addingTimeInterval(120)) } == .expired)
        #expect(throws: Never.self) {
            try claims.validateTimes(now: Self.issued.addingTimeInterval(179), leeway: .seconds(60))
        }
        #expect(
            joseReason { try claims.validateTimes(now: Self.issued.addingTimeInterval(180), leeway: .seconds(60)) }
                == .expired)
        #expect(claims.isExpired(now: Self.issued.addingTimeInterval(120)))
        #expect(!claims.isExpired(now: Self.issued.addingTimeInterval(120), leeway: .seconds(1)))
    }

    @Test("nbf and iat in the future are refused beyond the leeway")
    func futureTimes() {
        let claims = Self.claims
        #expect(joseReason { try claims.validateTimes(now: Self.issued.addingTimeInterval(-6)) } == .notYetValid)
        #expect(joseReason { try claims.validateTimes(now: Self.issued.addingTimeInterval(-1)) } == .issuedInFuture)
        #expect(throws: Never.self) {
            try claims.validateTimes(now: Self.issued.addingTimeInterval(-6), leeway: .seconds(10))
        }
    }

    @Test("maximum age and required claims")
    func ageAndPresence() {
        let claims = Self.claims
        #expect(throws: Never.self) {
            try claims.validateTimes(now: Self.issued.addingTimeInterval(60), maximumAge: .seconds(60))
        }
        #expect(
            joseReason { try claims.validateTimes(now: Self.issued.addingTimeInterval(61), maximumAge: .seconds(60)) }
                == .issuedTooLongAgo)
        let bare = JWTClaims(subject: "s")
        #expect(joseReason { try bare.validateTimes(now: Self.issued) } == .missingRequiredClaim)
        #expect(throws: Never.self) { try bare.validateTimes(now: Self.issued, requireExpirationTime: false) }
        #expect(
            joseReason {
                try bare.validateTimes(now: Self.issued, requireExpirationTime: false, maximumAge: .seconds(1))
            }
                == .missingRequiredClaim)
    }

    @Test("claim time errors are verification errors")
    func errorCode() {
        do {
            try Self.claims.validateTimes(now: Self.issued.addingTimeInterval(500))
            Issue.record("expected expiry")
        } catch {
            #expect(error.code == .verification)
            #expect(error.operation == "jose.claims")
        }
    }

    @Test("custom Encodable claims sign with Date as NumericDate seconds")
    func customClaims() throws {
        struct NotifyClaims: Codable, Equatable {
            var iss: String
            var iat: Date
        }
        let value = NotifyClaims(iss: "service", iat: Date(timeIntervalSince1970: 1_568_818_578))
        let key = JWSSigningKey.generateHMAC()
        let jws = try JWS.sign(claims: value, key: key)
        #expect(String(decoding: jws.payload, as: UTF8.self) == #"{"iat":1568818578,"iss":"service"}"#)
        let verified = try JWSVerifier(allowedAlgorithms: [.hs256], keys: [key.verificationKey]).verify(jws)
        #expect(try verified.decodePayload(as: NotifyClaims.self) == value)
        #expect(try verified.claims().issuedAt == NumericDate(secondsSince1970: 1_568_818_578))
    }
}
