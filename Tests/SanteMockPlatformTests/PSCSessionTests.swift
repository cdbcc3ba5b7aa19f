import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct PSCSessionTests {
    @Test(.timeLimit(.minutes(3)))
    func introspectionTellsActiveFromInactive() async throws {
        try await withPlatform { platform in
            let tokens = try await PSC.signIn(platform, loginHint: "899990000012")
            let accessToken = try #require(tokens["access_token"] as? String)
            let refreshToken = try #require(tokens["refresh_token"] as? String)

            let access = try await PSC.post(platform, PSC.introspectPath, [("token", accessToken)])
            #expect(access.status == 200)
            let accessAnswer = try access.jsonObject()
            #expect(accessAnswer["active"] as? Bool == true)
            #expect(accessAnswer["SubjectNameID"] as? String == "899990000012")
            #expect(accessAnswer["client_id"] as? String == PSC.demoID)
            #expect(accessAnswer["token_type"] as? String == "Bearer")
            #expect(accessAnswer["scope"] as? String == "openid scope_all")
            #expect(accessAnswer["iss"] as? String == platform.issuerURL.absoluteString)
            #expect(accessAnswer["exp"] is Int)

            let refresh = try await PSC.post(
                platform, PSC.introspectPath, [("token", refreshToken), ("token_type_hint", "refresh_token")])
            let refreshAnswer = try refresh.jsonObject()
            #expect(refreshAnswer["active"] as? Bool == true)
            #expect(refreshAnswer["SubjectNameID"] == nil)
            #expect(refreshAnswer["client_id"] as? String == PSC.demoID)

            let garbage = try await PSC.post(platform, PSC.introspectPath, [("token", "garbage")])
            #expect(garbage.status == 200)
            #expect(try garbage.jsonObject() as NSDictionary == ["active": false] as NSDictionary)
            let unauthenticated = try await PSC.post(
                platform, PSC.introspectPath, [("token", accessToken)], authorization: nil)
            #expect(try PSC.oauthError(unauthenticated) == "invalid_client")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func revocationEndsAccessAndRefreshTokens() async throws {
        try await withPlatform { platform in
            let tokens = try await PSC.signIn(platform)
            let accessToken = try #require(tokens["access_token"] as? String)
            let refreshToken = try #require(tokens["refresh_token"] as? String)

            #expect(try await PSC.post(platform, PSC.revokePath, [("token", accessToken)]).status == 200)
            let introspection = try await PSC.post(platform, PSC.introspectPath, [("token", accessToken)])
            #expect(try introspection.jsonObject()["active"] as? Bool == false)
            let userinfo = try await PSC.send(
                "GET", try platform.url(PSC.userinfoPath), headers: ["Authorization": "Bearer \(accessToken)"])
            #expect(userinfo.status == 401)

            #expect(try await PSC.post(platform, PSC.revokePath, [("token", refreshToken)]).status == 200)
            let refresh = try await PSC.post(
                platform, PSC.tokenPath, [("grant_type", "refresh_token"), ("refresh_token", refreshToken)])
            #expect(try PSC.oauthError(refresh) == "invalid_grant")
            // Unknown tokens are fine (RFC 7009).
            #expect(try await PSC.post(platform, PSC.revokePath, [("token", "unknown")]).status == 200)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func rpInitiatedLogoutRedirectsWithStateAndEndsTheSession() async throws {
        try await withPlatform { platform in
            let tokens = try await PSC.signIn(platform)
            let idToken = try #require(tokens["id_token"] as? String)
            let refreshToken = try #require(tokens["refresh_token"] as? String)
            let accessToken = try #require(tokens["access_token"] as? String)
            let query = PSC.formBody([
                ("id_token_hint", idToken), ("post_logout_redirect_uri", "http://127.0.0.1:9/after"),
                ("state", "bye 1"),
            ])
            let result = try await PSC.send("GET", try platform.url(PSC.logoutPath + "?" + query))
            #expect(result.status == 302)
            #expect(result.header("Location") == "http://127.0.0.1:9/after?state=bye%201")

            let refresh = try await PSC.post(
                platform, PSC.tokenPath, [("grant_type", "refresh_token"), ("refresh_token", refreshToken)])
            #expect(try PSC.oauthError(refresh) == "invalid_grant")
            let introspection = try await PSC.post(platform, PSC.introspectPath, [("token", accessToken)])
            #expect(try introspection.jsonObject()["active"] as? Bool == false)

            // Without state, no state comes back.
            let noState = PSC.formBody([
                ("id_token_hint", idToken), ("post_logout_redirect_uri", "http://127.0.0.1:9/x"),
            ])
            let plain = try await PSC.send("GET", try platform.url(PSC.logoutPath + "?" + noState))
            #expect(plain.header("Location") == "http://127.0.0.1:9/x")
            // A redirect the client does not accept, or a forged hint, is refused.
            let foreign = PSC.formBody([
                ("id_token_hint", idToken), ("post_logout_redirect_uri", "https://evil.example/"),
            ])
            #expect(try await PSC.send("GET", try platform.url(PSC.logoutPath + "?" + foreign)).status == 400)
            let forged = PSC.formBody([("id_token_hint", idToken + "x")])
            #expect(try await PSC.send("GET", try platform.url(PSC.logoutPath + "?" + forged)).status == 400)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func serverSideLogoutWithOnlyTheHintAnswersNoContent() async throws {
        try await withPlatform { platform in
            let tokens = try await PSC.signIn(platform)
            let idToken = try #require(tokens["id_token"] as? String)
            let refreshToken = try #require(tokens["refresh_token"] as? String)
            let result = try await PSC.send(
                "POST", try platform.url(PSC.logoutPath), form: [("id_token_hint", idToken)])
            #expect(result.status == 204)
            let refresh = try await PSC.post(
                platform, PSC.tokenPath, [("grant_type", "refresh_token"), ("refresh_token", refreshToken)])
            #expect(try PSC.oauthError(refresh) == "invalid_grant")
            let get = try await PSC.send(
                "GET", try platform.url(PSC.logoutPath + "?" + PSC.formBody([("id_token_hint", idToken)])))
            #expect(get.status == 204)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func tokenExchangeTurnsAnAccessTokenIntoAFourHourToken() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let tokens = try await PSC.signIn(platform, loginHint: "899990000020")
            let accessToken = try #require(tokens["access_token"] as? String)
            let grantType = "urn:ietf:params:oauth:grant-type:token-exchange"
            let result = try await PSC.post(
                platform, PSC.tokenPath,
                [
                    ("grant_type", grantType), ("subject_token", accessToken),
                    ("subject_token_type", "urn:ietf:params:oauth:token-type:jwt"), ("scope", "dmp"),
                ])
            #expect(result.status == 200)
            let answer = try result.jsonObject()
            #expect(answer["issued_token_type"] as? String == "urn:ietf:params:oauth:token-type:access_token")
            #expect(answer["token_type"] as? String == "Bearer")
            #expect(answer["expires_in"] as? Int == 14_400)
            #expect(answer["scope"] as? String == "dmp")
            #expect(answer["refresh_token"] == nil)
            let exchanged = try #require(answer["access_token"] as? String)
            let claims = try JWSVerifier(allowedAlgorithms: [.rs256], keySet: try await PSC.keySet(platform))
                .verify(exchanged).claims()
            let now = clock.now().timeIntervalSince1970
            #expect(claims.expirationTime?.secondsSince1970 == now + 14_400)
            #expect(claims.audience == .single("santekit-dmp"))
            #expect(claims[claim: "act"] == ["sub": "santekit-demo"])
            #expect(claims[claim: "scope"] == "dmp")
            #expect(claims[claim: "SubjectNameID"] == "899990000020")
            #expect(claims.subject == (try JWS.parseUnverified(accessToken).claims().subject))
            #expect(try platform.tokenVerifier().verify(exchanged) == .professional(subjectNameID: "899990000020"))
            // The exchanged token outlives the 2-minute access token.
            clock.advance(by: .seconds(3_600))
            #expect(try platform.tokenVerifier().verify(exchanged) == .professional(subjectNameID: "899990000020"))

            // An expired or foreign subject token is refused.
            let expired = try await PSC.post(
                platform, PSC.tokenPath,
                [
                    ("grant_type", grantType), ("subject_token", accessToken),
                    ("subject_token_type", "urn:ietf:params:oauth:token-type:access_token"),
                ])
            #expect(try PSC.oauthError(expired) == "invalid_request")
            let patientToken = try await platform.mintPatientToken(ins: "279035121518989")
            let patient = try await PSC.post(
                platform, PSC.tokenPath,
                [
                    ("grant_type", grantType), ("subject_token", patientToken),
                    ("subject_token_type", "urn:ietf:params:oauth:token-type:jwt"),
                ])
            #expect(try PSC.oauthError(patient) == "invalid_request")
        }
    }
}
