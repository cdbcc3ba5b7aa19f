import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct PSCFaultTests {
    static let idTokenFaults: [MockPSCFault] = MockPSCFault.allCases.filter { $0.target == .idToken }

    /// One sign-in's ID token, the access token, and the served key set.
    struct SignedIn {
        let idToken: String
        let accessToken: String
        let keySet: JWKSet
        var jws: JWS { get throws { try JWS.parseUnverified(idToken) } }
        var claims: JWTClaims { get throws { try jws.claims() } }
        var verifiesWithRS256: Bool {
            (try? JWSVerifier(allowedAlgorithms: [.rs256], keySet: keySet).verify(idToken)) != nil
        }
    }

    static func signIn(_ platform: MockPlatform) async throws -> SignedIn {
        let tokens = try await PSC.signIn(platform)
        return SignedIn(
            idToken: try #require(tokens["id_token"] as? String),
            accessToken: try #require(tokens["access_token"] as? String), keySet: try await PSC.keySet(platform))
    }

    @Test func everyContractFaultHasATarget() {
        #expect(Self.idTokenFaults.count == 18)
        #expect(MockPSCFault.allCases.allSatisfy { $0.target != nil })
        #expect(MockPSCFault(rawValue: "noSuchFault").target == nil)
    }

    @Test(.timeLimit(.minutes(3)), arguments: idTokenFaults)
    func idTokenFaultVisiblyChangesTheNextTokenOnly(fault: MockPSCFault) async throws {
        try await withPlatform { platform in
            let clean = try await Self.signIn(platform)
            #expect(clean.verifiesWithRS256)
            await platform.identityProvider.arm(fault, count: 1)
            let faulty = try await Self.signIn(platform)
            let issuer = platform.issuerURL.absoluteString
            let now = Date().timeIntervalSince1970
            let claims = try faulty.claims
            let header = try faulty.jws.header
            switch fault {
            case .badSignature:
                #expect(!faulty.verifiesWithRS256)
                #expect(header.algorithm == .rs256)
                #expect(claims.issuer == issuer)
            case .wrongIssuer:
                #expect(claims.issuer != issuer)
                #expect(claims.issuer?.hasPrefix(issuer) == true)
            case .wrongAudience:
                #expect(claims.audience?.contains(PSC.demoID) == false)
            case .wrongAuthorizedParty:
                #expect(claims.audience?.values.count == 2)
                #expect(claims.audience?.contains(PSC.demoID) == true)
                #expect(claims[claim: "azp"] != .string(PSC.demoID))
            case .missingAudience:
                #expect(claims.audience == nil)
            case .missingSubject:
                #expect(claims.subject == nil)
            case .wrongSubject:
                #expect(claims.subject != nil)
                #expect(claims.subject != (try clean.claims.subject))
            case .missingIssuedAt:
                #expect(claims.issuedAt == nil)
            case .expired:
                #expect(try #require(claims.expirationTime).secondsSince1970 < now)
            case .issuedInFuture:
                #expect(try #require(claims.issuedAt).secondsSince1970 > now + 600)
            case .wrongNonce:
                #expect(claims[claim: "nonce"] != nil)
                #expect(claims[claim: "nonce"] != "nonce-1")
            case .badAccessTokenHash:
                let expected = try JWTTokenHash.compute(for: faulty.accessToken, algorithm: .rs256)
                #expect(claims[claim: "at_hash"] != nil)
                #expect(claims[claim: "at_hash"] != .string(expected))
            case .missingAccessTokenHash:
                #expect(claims[claim: "at_hash"] == nil)
            case .algNone:
                #expect(header.algorithm == .unsecured)
                #expect(try faulty.jws.signature.isEmpty)
                #expect(faulty.idToken.hasSuffix("."))
            case .kidAbsentWithSeveralKeys:
                #expect(header.keyID == nil)
                #expect(faulty.keySet.keys.count >= 2)
                let rsa = try #require(faulty.keySet.keys.first { $0.keyType == .rsa })
                let key = try JWSVerificationKey(jwk: rsa)
                #expect(
                    key.isValidSignature(try faulty.jws.signature, for: try faulty.jws.signingInput, algorithm: .rs256))
            case .unknownKid:
                let keyID = try #require(header.keyID)
                #expect(faulty.keySet.key(withID: keyID) == nil)
                #expect(throws: JOSEError.self) {
                    try JWSVerifier(allowedAlgorithms: [.rs256], keySet: faulty.keySet).verify(faulty.idToken)
                }
            case .hs256Confusion:
                #expect(header.algorithm == .hs256)
                let rsa = try #require(faulty.keySet.keys.first { $0.keyType == .rsa })
                let pem = try #require(try JWSVerificationKey(jwk: rsa).pemRepresentation)
                let hmac = JWSVerificationKey(hmacSecret: Data(pem.utf8))
                #expect(
                    hmac.isValidSignature(try faulty.jws.signature, for: try faulty.jws.signingInput, algorithm: .hs256)
                )
                #expect(!faulty.verifiesWithRS256)
            case .wrongACR:
                #expect(claims[claim: "acr"] != "eidas1")
                #expect(claims[claim: "acr"] != nil)
            default:
                Issue.record("untested fault \(fault)")
            }
            // Claim faults keep a valid signature, so only the claim check can catch them.
            let signatureFaults: Set<MockPSCFault> = [.badSignature, .algNone, .unknownKid, .hs256Confusion]
            if !signatureFaults.contains(fault) {
                #expect(faulty.verifiesWithRS256)
            }
            // The fault was armed for one token: the next one is clean again.
            let after = try await Self.signIn(platform)
            #expect(after.verifiesWithRS256)
            #expect(try after.claims.issuer == issuer)
            #expect(try after.claims[claim: "nonce"] == "nonce-1")
            #expect(await platform.identityProvider.armedFaults().isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func redirectFaultsChangeTheIssuerParameter() async throws {
        try await withPlatform { platform in
            await platform.identityProvider.arm(.wrongIssuerInRedirect)
            let wrong = try PSC.redirectParameters(try await PSC.authorize(platform))
            #expect(wrong["iss"] != nil)
            #expect(wrong["iss"] != platform.issuerURL.absoluteString)
            #expect(wrong["code"] != nil)

            await platform.identityProvider.arm(.missingIssuerInRedirect, count: 2)
            for _ in 0..<2 {
                let missing = try PSC.redirectParameters(try await PSC.authorize(platform))
                #expect(missing["iss"] == nil)
                #expect(missing["state"] == "state-1")
            }
            let clean = try PSC.redirectParameters(try await PSC.authorize(platform))
            #expect(clean["iss"] == platform.issuerURL.absoluteString)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func userinfoSubjectMismatchChangesTheUserinfoSubject() async throws {
        try await withPlatform { platform in
            let signedIn = try await Self.signIn(platform)
            await platform.identityProvider.arm(.userinfoSubjectMismatch)
            let headers = ["Authorization": "Bearer \(signedIn.accessToken)"]
            let mismatched = try await PSC.send("GET", try platform.url(PSC.userinfoPath), headers: headers)
            let subject = try signedIn.claims.subject
            #expect(try mismatched.jsonObject()["sub"] as? String != subject)
            let clean = try await PSC.send("GET", try platform.url(PSC.userinfoPath), headers: headers)
            #expect(try clean.jsonObject()["sub"] as? String == subject)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func faultsAreArmedOverHTTPForNTokens() async throws {
        try await withPlatform { platform in
            let armed = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/psc/faults"), json: #"{"fault": "wrongIssuer", "count": 2}"#)
            #expect(armed.status == 201)
            #expect(try armed.jsonObject()["target"] as? String == "idToken")
            let listed = try await TestHTTP.send(try platform.url("/_mock/psc/faults"))
            let entries = try #require(try JSONSerialization.jsonObject(with: listed.body) as? [[String: Any]])
            #expect(entries.count == 1)
            #expect(entries.first?["fault"] as? String == "wrongIssuer")
            #expect(entries.first?["remaining"] as? Int == 2)

            let issuer = platform.issuerURL.absoluteString
            #expect(try await Self.signIn(platform).claims.issuer != issuer)
            // A refreshed ID token is an issued ID token too.
            let tokens = try await PSC.signIn(platform)
            #expect(try JWS.parseUnverified(try #require(tokens["id_token"] as? String)).claims().issuer != issuer)
            #expect(try await Self.signIn(platform).claims.issuer == issuer)

            let unknown = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/psc/faults"), json: #"{"fault": "noSuchFault"}"#)
            #expect(unknown.status == 400)
            _ = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/psc/faults"), json: #"{"fault": "algNone", "count": 5}"#)
            #expect(try await TestHTTP.send("DELETE", try platform.url("/_mock/psc/faults")).status == 204)
            #expect(await platform.identityProvider.armedFaults().isEmpty)
            #expect(try await Self.signIn(platform).verifiesWithRS256)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func clientsAreRegisteredOverHTTP() async throws {
        try await withPlatform { platform in
            let json = #"""
                {"client_id": "rp-http", "client_secret": "rp-http-secret",
                 "id_token_signed_response_alg": "ES256", "userinfo_signed_response_alg": "RS256",
                 "token_endpoint_auth_method": "client_secret_post",
                 "post_logout_redirect_uris": ["https://rp.example/bye"]}
                """#
            let registered = try await TestHTTP.sendJSON("POST", try platform.url("/_mock/psc/clients"), json: json)
            #expect(registered.status == 201)
            #expect(try registered.jsonObject()["client_id"] as? String == "rp-http")
            let client = try #require(await platform.identityProvider.client(id: "rp-http"))
            #expect(client.idTokenSignedResponseAlgorithm == .es256)
            #expect(client.userinfoSignedResponseAlgorithm == .rs256)
            #expect(client.allowedAuthenticationMethods == [.clientSecretPost])
            #expect(client.acceptsPostLogoutRedirect("https://rp.example/bye"))

            let tokens = try await PSC.signIn(
                platform, clientID: "rp-http", authorization: "",
                extraForm: [("client_id", "rp-http"), ("client_secret", "rp-http-secret")])
            let idToken = try #require(tokens["id_token"] as? String)
            #expect(try JWS.parseUnverified(idToken).header.algorithm == .es256)

            let shortSecret = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/psc/clients"),
                json: #"{"client_id": "rp-hs", "client_secret": "short", "id_token_signed_response_alg": "HS256"}"#)
            #expect(shortSecret.status == 400)
            let badMethod = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/psc/clients"),
                json: #"{"client_id": "rp-x", "client_secret": "s", "token_endpoint_auth_method": "magic"}"#)
            #expect(badMethod.status == 400)
        }
    }
}
