import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct PSCTokenEndpointTests {
    static let secret = "a-client-secret-of-more-than-32-bytes-0123"

    /// A client assertion for `private_key_jwt`.
    static func assertion(
        _ platform: MockPlatform, clientID: String, key: JWSSigningKey, jwtID: String = UUID().uuidString,
        audience: String? = nil
    ) throws -> String {
        let now = platform.clock.now().timeIntervalSince1970.rounded(.down)
        let claims = JWTClaims(
            issuer: clientID, subject: clientID,
            audience: .single(audience ?? platform.issuerURL.absoluteString + "/protocol/openid-connect/token"),
            expirationTime: NumericDate(secondsSince1970: now + 60), issuedAt: NumericDate(secondsSince1970: now),
            jwtID: jwtID)
        return try JWS.sign(claims: claims, key: key).compactSerialization
    }

    @Test(.timeLimit(.minutes(3)))
    func clientAuthenticatesWithBasicPostOrPrivateKeyJWT() async throws {
        try await withPlatform { platform in
            // client_secret_basic (the helper's default) and client_secret_post.
            _ = try await PSC.signIn(platform)
            let post = try await PSC.signIn(
                platform, authorization: "",
                extraForm: [("client_id", PSC.demoID), ("client_secret", PSC.demoSecret)])
            #expect(post["access_token"] is String)

            // private_key_jwt with an ES256 client key.
            let key = JWSSigningKey.generateP256(keyID: "rp-key-1")
            await platform.identityProvider.register(
                MockPSCClient(
                    clientID: "rp-jwt", tokenEndpointAuthMethod: .privateKeyJWT,
                    keySet: JWKSet(keys: [try key.publicJWK(algorithm: .es256)])))
            let jwtID = "assertion-1"
            let assertion = try Self.assertion(platform, clientID: "rp-jwt", key: key, jwtID: jwtID)
            let assertionForm = [
                ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                ("client_assertion", assertion),
            ]
            let tokens = try await PSC.signIn(platform, clientID: "rp-jwt", authorization: "", extraForm: assertionForm)
            let idToken = try JWS.parseUnverified(try #require(tokens["id_token"] as? String)).claims()
            #expect(idToken.audience == .single("rp-jwt"))

            // The same assertion twice is a replay.
            let code = try #require(
                try PSC.redirectParameters(try await PSC.authorize(platform, clientID: "rp-jwt"))["code"])
            let replay = try await PSC.post(
                platform, PSC.tokenPath,
                [
                    ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", PSC.redirectURI),
                    ("code_verifier", PSC.verifier),
                ] + assertionForm, authorization: nil)
            #expect(replay.status == 400)
            #expect(try PSC.oauthError(replay) == "invalid_client")
            // The issuer is an accepted audience too; a foreign key is not accepted.
            let issuerAudience = try Self.assertion(
                platform, clientID: "rp-jwt", key: key, audience: platform.issuerURL.absoluteString)
            let stranger = try Self.assertion(platform, clientID: "rp-jwt", key: .generateP256(keyID: "rp-key-1"))
            for (assertion, expected) in [(issuerAudience, 200), (stranger, 400)] {
                let code = try #require(
                    try PSC.redirectParameters(try await PSC.authorize(platform, clientID: "rp-jwt"))["code"])
                let result = try await PSC.post(
                    platform, PSC.tokenPath,
                    [
                        ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", PSC.redirectURI),
                        ("code_verifier", PSC.verifier),
                        ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                        ("client_assertion", assertion),
                    ], authorization: nil)
                #expect(result.status == expected)
            }
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func badClientCredentialsAreRefused() async throws {
        try await withPlatform { platform in
            let form = [("grant_type", "refresh_token"), ("refresh_token", "x")]
            let basic = try await PSC.post(
                platform, PSC.tokenPath, form, authorization: PSC.basic(PSC.demoID, "wrong"))
            #expect(basic.status == 401)
            #expect(basic.header("WWW-Authenticate")?.hasPrefix("Basic") == true)
            #expect(try PSC.oauthError(basic) == "invalid_client")

            let post = try await PSC.post(
                platform, PSC.tokenPath, form + [("client_id", PSC.demoID), ("client_secret", "wrong")],
                authorization: nil)
            #expect(post.status == 400)
            #expect(try PSC.oauthError(post) == "invalid_client")

            let none = try await PSC.post(
                platform, PSC.tokenPath, form + [("client_id", PSC.demoID)], authorization: nil)
            #expect(try PSC.oauthError(none) == "invalid_client")

            let both = try await PSC.post(
                platform, PSC.tokenPath, form + [("client_id", PSC.demoID), ("client_secret", PSC.demoSecret)])
            #expect(try PSC.oauthError(both) == "invalid_request")

            let grant = try await PSC.post(platform, PSC.tokenPath, [("grant_type", "password")])
            #expect(try PSC.oauthError(grant) == "unsupported_grant_type")

            // A client registered for one method only.
            await platform.identityProvider.register(
                MockPSCClient(
                    clientID: "rp-post", clientSecret: Self.secret, tokenEndpointAuthMethod: .clientSecretPost))
            let wrongMethod = try await PSC.post(
                platform, PSC.tokenPath, form, authorization: PSC.basic("rp-post", Self.secret))
            #expect(wrongMethod.status == 401)
        }
    }

    @Test(
        .timeLimit(.minutes(3)),
        arguments: [JWSAlgorithm.rs256, .es256, .ps256, .hs256])
    func idTokenIsSignedWithTheClientsAlgorithmAndCarriesTheContractClaims(algorithm: JWSAlgorithm) async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let clientID = "rp-\(algorithm.rawValue.lowercased())"
            await platform.identityProvider.register(
                MockPSCClient(clientID: clientID, clientSecret: Self.secret, idTokenSignedResponseAlgorithm: algorithm))
            let tokens = try await PSC.signIn(
                platform, clientID: clientID, authorization: PSC.basic(clientID, Self.secret),
                loginHint: "899990000020")
            let idToken = try #require(tokens["id_token"] as? String)
            let accessToken = try #require(tokens["access_token"] as? String)
            let keySet = try await PSC.keySet(platform)

            let verifier: JWSVerifier
            if algorithm == .hs256 {
                verifier = JWSVerifier(
                    allowedAlgorithms: [.hs256], keys: [JWSVerificationKey(hmacSecret: Data(Self.secret.utf8))])
                #expect(try JWS.parseUnverified(idToken).header.keyID == nil)
            } else {
                verifier = JWSVerifier(allowedAlgorithms: [algorithm], keySet: keySet)
                let keyID = try #require(try JWS.parseUnverified(idToken).header.keyID)
                #expect(keySet.key(withID: keyID)?.algorithm == algorithm.rawValue)
            }
            let verified = try verifier.verify(idToken)
            #expect(verified.header.algorithm == algorithm)
            let claims = try verified.claims()
            let now = clock.now().timeIntervalSince1970
            #expect(claims.issuer == platform.issuerURL.absoluteString)
            #expect(claims.audience == .single(clientID))
            #expect(claims[claim: "azp"] == .string(clientID))
            #expect(claims.subject?.hasPrefix("f:") == true)
            #expect(claims.subject?.hasSuffix(":899990000020") == true)
            #expect(claims.issuedAt?.secondsSince1970 == now)
            #expect(try #require(claims.expirationTime).secondsSince1970 > now)
            #expect(claims[claim: "auth_time"] == .integer(Int64(now)))
            #expect(claims[claim: "nonce"] == "nonce-1")
            #expect(claims[claim: "acr"] == "eidas1")
            #expect(claims[claim: "typ"] == "ID")
            #expect(claims[claim: "sid"] == .string(try #require(tokens["session_state"] as? String)))
            #expect(claims[claim: "session_state"] == claims[claim: "sid"])
            #expect(claims[claim: "SubjectNameID"] == "899990000020")
            #expect(claims[claim: "preferred_username"] == "899990000020")
            #expect(claims[claim: "given_name"] == "JULIEN")
            #expect(claims[claim: "family_name"] == "MARCHAND")
            #expect(claims[claim: "name"] == "JULIEN MARCHAND")
            #expect(
                claims[claim: "at_hash"] == .string(try JWTTokenHash.compute(for: accessToken, algorithm: algorithm)))
            // The access token is RS256 whatever the client.
            _ = try JWSVerifier(allowedAlgorithms: [.rs256], keySet: keySet).verify(accessToken)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func userinfoIsJSONOrASignedJWTPerClient() async throws {
        try await withPlatform { platform in
            let tokens = try await PSC.signIn(platform, loginHint: "899990000038")
            let accessToken = try #require(tokens["access_token"] as? String)
            let idToken = try JWS.parseUnverified(try #require(tokens["id_token"] as? String)).claims()
            let result = try await PSC.send(
                "GET", try platform.url(PSC.userinfoPath), headers: ["Authorization": "Bearer \(accessToken)"])
            #expect(result.status == 200)
            #expect(result.header("Content-Type")?.hasPrefix("application/json") == true)
            let userinfo = try result.jsonObject()
            #expect(userinfo["sub"] as? String == idToken.subject)
            #expect(userinfo["SubjectNameID"] as? String == "899990000038")
            #expect(userinfo["preferred_username"] as? String == "899990000038")
            #expect(userinfo["family_name"] as? String == "GIRARD")
            #expect(userinfo["SubjectRole"] as? [String] == ["60^1.2.250.1.213.1.1.5.5"])
            #expect(userinfo["Secteur_Activite"] as? String == "SA05^1.2.250.1.71.4.2.4")
            let otherIDs = try #require(userinfo["otherIds"] as? [[String: Any]])
            #expect(otherIDs.first?["origine"] as? String == "RPPS")
            let reference = try #require(userinfo["SubjectRefPro"] as? [String: Any])
            let exercises = try #require(reference["exercices"] as? [[String: Any]])
            #expect(exercises.count == 1)
            #expect(exercises[0]["codeProfession"] as? String == "60")
            let activities = try #require(exercises[0]["activities"] as? [[String: Any]])
            #expect(activities.count == 2)
            #expect(activities[0]["numeroFinessSite"] as? String == "690999974")
            #expect(activities[0]["numeroSiretSite"] as? String == "99999003900011")
            #expect(activities[0]["numeroSirenSite"] as? String == "999990039")
            #expect(activities[1]["numeroSiretSite"] as? String == "")
            #expect(activities[1]["raisonSocialeSite"] as? String == "CABINET INFIRMIER GIRARD")
            #expect(activities[1]["codeModeExercice"] as? String == "L")

            // The token may also come in the body of a POST.
            let posted = try await PSC.send(
                "POST", try platform.url(PSC.userinfoPath), form: [("access_token", accessToken)])
            #expect(try posted.jsonObject()["sub"] as? String == idToken.subject)
            let refused = try await PSC.send(
                "GET", try platform.url(PSC.userinfoPath), headers: ["Authorization": "Bearer nonsense"])
            #expect(refused.status == 401)
            #expect(refused.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)

            // A client registered for signed userinfo gets application/jwt.
            for algorithm in [JWSAlgorithm.rs256, .es256] {
                let clientID = "rp-userinfo-\(algorithm.rawValue)"
                await platform.identityProvider.register(
                    MockPSCClient(
                        clientID: clientID, clientSecret: Self.secret, userinfoSignedResponseAlgorithm: algorithm))
                let signed = try await PSC.signIn(
                    platform, clientID: clientID, authorization: PSC.basic(clientID, Self.secret))
                let token = try #require(signed["access_token"] as? String)
                let jwtResult = try await PSC.send(
                    "GET", try platform.url(PSC.userinfoPath), headers: ["Authorization": "Bearer \(token)"])
                #expect(jwtResult.status == 200)
                #expect(jwtResult.header("Content-Type") == "application/jwt")
                let jwt = String(decoding: jwtResult.body, as: UTF8.self)
                let verified = try JWSVerifier(allowedAlgorithms: [algorithm], keySet: try await PSC.keySet(platform))
                    .verify(jwt)
                let claims = try verified.claims()
                #expect(claims.issuer == platform.issuerURL.absoluteString)
                #expect(claims.audience == .single(clientID))
                #expect(claims[claim: "SubjectNameID"] == "899990000012")
                #expect(claims[claim: "SubjectRefPro"]?.objectValue?["exercices"] != nil)
            }
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func refreshTokensRotate() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let first = try await PSC.signIn(platform)
            let firstRefresh = try #require(first["refresh_token"] as? String)
            let firstID = try JWS.parseUnverified(try #require(first["id_token"] as? String)).claims()
            clock.advance(by: .seconds(100))

            let refreshed = try await PSC.post(
                platform, PSC.tokenPath, [("grant_type", "refresh_token"), ("refresh_token", firstRefresh)])
            #expect(refreshed.status == 200)
            let second = try refreshed.jsonObject()
            let secondRefresh = try #require(second["refresh_token"] as? String)
            #expect(secondRefresh != firstRefresh)
            let secondID = try JWS.parseUnverified(try #require(second["id_token"] as? String)).claims()
            #expect(secondID.subject == firstID.subject)
            #expect(secondID.issuer == firstID.issuer)
            #expect(secondID[claim: "auth_time"] == firstID[claim: "auth_time"])
            #expect(secondID[claim: "sid"] == firstID[claim: "sid"])
            #expect(secondID[claim: "nonce"] == nil)
            #expect(try #require(secondID.issuedAt) > (try #require(firstID.issuedAt)))
            let accessToken = try #require(second["access_token"] as? String)
            let userinfo = try await PSC.send(
                "GET", try platform.url(PSC.userinfoPath), headers: ["Authorization": "Bearer \(accessToken)"])
            #expect(userinfo.status == 200)

            // The used refresh token is refused; the new one works once.
            let reused = try await PSC.post(
                platform, PSC.tokenPath, [("grant_type", "refresh_token"), ("refresh_token", firstRefresh)])
            #expect(reused.status == 400)
            #expect(try PSC.oauthError(reused) == "invalid_grant")
            // Another client cannot use it.
            await platform.identityProvider.register(MockPSCClient(clientID: "rp-other", clientSecret: Self.secret))
            let foreign = try await PSC.post(
                platform, PSC.tokenPath, [("grant_type", "refresh_token"), ("refresh_token", secondRefresh)],
                authorization: PSC.basic("rp-other", Self.secret))
            #expect(try PSC.oauthError(foreign) == "invalid_grant")
            // Refresh tokens expire after 30 minutes on the platform clock.
            clock.advance(by: .seconds(1_800))
            let expired = try await PSC.post(
                platform, PSC.tokenPath, [("grant_type", "refresh_token"), ("refresh_token", secondRefresh)])
            #expect(try PSC.oauthError(expired) == "invalid_grant")
        }
    }
}
