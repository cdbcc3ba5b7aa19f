import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct PSCAuthorizationCodeTests {
    @Test(.timeLimit(.minutes(3)))
    func authorizeRedirectsAtOnceWithCodeStateAndIssuer() async throws {
        try await withPlatform { platform in
            let result = try await PSC.authorize(platform, state: "xyz 42/&")
            #expect(result.status == 302)
            let location = try #require(result.header("Location"))
            #expect(location.hasPrefix(PSC.redirectURI + "?"))
            // RFC 9207: the issuer, percent-encoded.
            #expect(location.contains("iss=" + PSC.encode(platform.issuerURL.absoluteString)))
            #expect(location.contains("iss=http%3A%2F%2F127.0.0.1"))
            let parameters = try PSC.redirectParameters(result)
            #expect(parameters["state"] == "xyz 42/&")
            #expect(parameters["iss"] == platform.issuerURL.absoluteString)
            #expect((parameters["code"]?.count ?? 0) >= 32)
            #expect(parameters["error"] == nil)

            // A redirect URI with a query keeps it; loopback on any port and localhost are accepted.
            let withQuery = try await PSC.authorize(platform, redirectURI: "http://localhost:54321/cb?app=1")
            #expect(try #require(withQuery.header("Location")).hasPrefix("http://localhost:54321/cb?app=1&code="))
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func loginHintChoosesTheProfessional() async throws {
        try await withPlatform { platform in
            let byDefault = try await PSC.signIn(platform)
            let defaultClaims = try JWS.parseUnverified(try #require(byDefault["id_token"] as? String)).claims()
            #expect(defaultClaims[claim: "SubjectNameID"] == "899990000012")

            let hinted = try await PSC.signIn(platform, loginHint: "0759300122")
            let claims = try JWS.parseUnverified(try #require(hinted["id_token"] as? String)).claims()
            #expect(claims[claim: "SubjectNameID"] == "0759300122")
            #expect(claims[claim: "given_name"] == "THOMAS")
            #expect(claims.subject?.hasPrefix("f:") == true)
            #expect(claims.subject?.hasSuffix(":0759300122") == true)

            let unknown = try await PSC.authorize(platform, loginHint: "899999999999")
            #expect(unknown.status == 302)
            let parameters = try PSC.redirectParameters(unknown)
            #expect(parameters["error"] == "access_denied")
            #expect(parameters["state"] == "state-1")
            #expect(parameters["iss"] == platform.issuerURL.absoluteString)
            #expect(parameters["code"] == nil)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func badAuthorizationRequestsAreRefused() async throws {
        try await withPlatform { platform in
            let unknownClient = try await PSC.authorize(platform, clientID: "nobody")
            #expect(unknownClient.status == 400)
            #expect(try PSC.oauthError(unknownClient) == "unauthorized_client")
            #expect(unknownClient.header("Location") == nil)

            let foreignRedirect = try await PSC.authorize(platform, redirectURI: "https://evil.example/cb")
            #expect(foreignRedirect.status == 400)
            #expect(try PSC.oauthError(foreignRedirect) == "invalid_request")

            func redirectError(_ pairs: [(String, String)]) async throws -> String? {
                let result = try await PSC.authorize(platform, extra: pairs)
                #expect(result.status == 302)
                return try PSC.redirectParameters(result)["error"]
            }
            let base = [
                ("response_type", "code"), ("client_id", PSC.demoID), ("redirect_uri", PSC.redirectURI),
                ("scope", "openid scope_all"), ("state", "s"),
            ]
            #expect(try await redirectError(base) == "invalid_request")  // no PKCE
            #expect(
                try await redirectError(base + [("code_challenge", PSC.verifier), ("code_challenge_method", "plain")])
                    == "invalid_request")
            let pkce = [("code_challenge", PSC.challenge), ("code_challenge_method", "S256")]
            #expect(try await redirectError(base + pkce) == nil)
            var noOpenID = base + pkce
            noOpenID[3] = ("scope", "scope_all")
            #expect(try await redirectError(noOpenID) == "invalid_scope")
            var token = base + pkce
            token[0] = ("response_type", "token")
            #expect(try await redirectError(token) == "unsupported_response_type")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func codeExchangeEnforcesPKCEAndSingleUse() async throws {
        try await withPlatform { platform in
            func code() async throws -> String {
                try #require(try PSC.redirectParameters(try await PSC.authorize(platform))["code"])
            }
            func exchange(_ code: String, verifier: String = PSC.verifier, redirect: String = PSC.redirectURI)
                async throws -> HTTPResult
            {
                try await PSC.post(
                    platform, PSC.tokenPath,
                    [
                        ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirect),
                        ("code_verifier", verifier),
                    ])
            }
            // A wrong verifier fails, and consumes the code.
            let first = try await code()
            let wrong = try await exchange(first, verifier: String(repeating: "a", count: 43))
            #expect(wrong.status == 400)
            #expect(try PSC.oauthError(wrong) == "invalid_grant")
            #expect(try PSC.oauthError(try await exchange(first)) == "invalid_grant")

            // A redirect URI other than the authorization request's fails.
            let second = try await code()
            #expect(
                try PSC.oauthError(try await exchange(second, redirect: "http://127.0.0.1:9/other")) == "invalid_grant")

            // The right exchange works once; a reuse fails and revokes what the code obtained.
            let third = try await code()
            let ok = try await exchange(third)
            #expect(ok.status == 200)
            #expect(ok.header("Cache-Control") == "no-store")
            let tokens = try ok.jsonObject()
            #expect(tokens["token_type"] as? String == "Bearer")
            #expect(tokens["expires_in"] as? Int == 120)
            #expect(tokens["refresh_expires_in"] as? Int == 1800)
            #expect(tokens["scope"] as? String == "openid scope_all")
            #expect(tokens["not-before-policy"] as? Int == 0)
            #expect((tokens["session_state"] as? String)?.isEmpty == false)
            let accessToken = try #require(tokens["access_token"] as? String)
            let reuse = try await exchange(third)
            #expect(reuse.status == 400)
            #expect(try PSC.oauthError(reuse) == "invalid_grant")
            let introspection = try await PSC.post(platform, PSC.introspectPath, [("token", accessToken)])
            #expect(try introspection.jsonObject()["active"] as? Bool == false)

            #expect(try PSC.oauthError(try await exchange("not-a-code")) == "invalid_grant")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func codesExpireAfterSixtySecondsOnThePlatformClock() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let code = try #require(try PSC.redirectParameters(try await PSC.authorize(platform))["code"])
            clock.advance(by: .seconds(60))
            let result = try await PSC.post(
                platform, PSC.tokenPath,
                [
                    ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", PSC.redirectURI),
                    ("code_verifier", PSC.verifier),
                ])
            #expect(try PSC.oauthError(result) == "invalid_grant")
        }
    }
}
