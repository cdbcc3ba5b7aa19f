import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import SanteMockPlatform
import Testing

/// The code flow against the mock provider, over real HTTP.
@Suite("End to end: code flow on the mock provider")
struct MockCodeFlowTests {
    @Test("RS256 code flow with client_secret_basic, then JSON userinfo", .timeLimit(.minutes(3)))
    func rs256() async throws {
        try await MockProvider.with { mock in
            let client = try mock.client()
            let login = try await mock.login(client)
            #expect(login.idToken.header.algorithm == .rs256)
            #expect(login.idToken.issuer == mock.platform.issuerURL.absoluteString)
            #expect(login.idToken.authenticationContextClass == "eidas1")
            #expect(login.subjectNameID?.rawValue == "899990000012")
            #expect(login.tokens.refreshToken != nil)
            #expect(login.tokens.accessTokenExpiresAt == mock.clock.now() + 120)
            let userInfo = try await client.userInfo(for: login)
            #expect(userInfo.subject == login.idToken.subject)
            #expect(userInfo.subjectNameID?.rawValue == "899990000012")
            #expect(userInfo.familyName?.isEmpty == false)
            let exercise = try #require(userInfo.professionalReference?.exercises.first)
            #expect(exercise.professionCode?.isEmpty == false)
            #expect(exercise.activities.isEmpty == false)
        }
    }

    @Test("The login_hint picks the professional", .timeLimit(.minutes(3)))
    func loginHint() async throws {
        try await MockProvider.with { mock in
            let login = try await mock.login(try mock.client(), loginHint: "899990000020")
            #expect(login.subjectNameID?.rawValue == "899990000020")
        }
    }

    @Test("An unknown professional is denied", .timeLimit(.minutes(3)))
    func denied() async throws {
        try await MockProvider.with { mock in
            let error = await pscError { try await mock.login(try mock.client(), loginHint: "899999999999") }
            #expect(error?.reason == .authorizationDenied)
            #expect(error?.oauthError?.error == .accessDenied)
        }
    }

    @Test("ES256 ID tokens", .timeLimit(.minutes(3)))
    func es256() async throws {
        try await MockProvider.with { mock in
            let secret = await mock.register("rp-es256", idToken: .es256)
            let login = try await mock.login(
                try mock.client(clientID: "rp-es256", authentication: .clientSecretBasic(secret)))
            #expect(login.idToken.header.algorithm == .es256)
        }
    }

    @Test("PS256 ID tokens", .timeLimit(.minutes(3)))
    func ps256() async throws {
        try await MockProvider.with { mock in
            let secret = await mock.register("rp-ps256", idToken: .ps256)
            let login = try await mock.login(
                try mock.client(clientID: "rp-ps256", authentication: .clientSecretBasic(secret)))
            #expect(login.idToken.header.algorithm == .ps256)
        }
    }

    @Test("HS256 ID tokens keyed with the client secret, when configured", .timeLimit(.minutes(3)))
    func hs256() async throws {
        try await MockProvider.with { mock in
            let secret = await mock.register("rp-hs256", idToken: .hs256)
            let login = try await mock.login(
                try mock.client(
                    clientID: "rp-hs256", authentication: .clientSecretPost(secret), signing: .hs256WithClientSecret))
            #expect(login.idToken.header.algorithm == .hs256)
            let refused = await pscError {
                try await mock.login(try mock.client(clientID: "rp-hs256", authentication: .clientSecretPost(secret)))
            }
            #expect(refused?.reason == .algorithmNotAllowed)
        }
    }

    @Test("Signed userinfo (application/jwt), RS256 and ES256", .timeLimit(.minutes(3)))
    func signedUserInfo() async throws {
        try await MockProvider.with { mock in
            for (clientID, algorithm) in [("rp-userinfo-rs", JWSAlgorithm.rs256), ("rp-userinfo-es", .es256)] {
                let secret = await mock.register(clientID, userinfo: algorithm)
                let client = try mock.client(clientID: clientID, authentication: .clientSecretBasic(secret))
                let login = try await mock.login(client)
                let userInfo = try await client.userInfo(for: login)
                #expect(userInfo.subjectNameID == login.subjectNameID)
                #expect(userInfo.additionalMembers["iss"] == .string(mock.platform.issuerURL.absoluteString))
            }
        }
    }

    @Test("client_secret_post and private_key_jwt", .timeLimit(.minutes(3)))
    func otherClientAuthentication() async throws {
        try await MockProvider.with { mock in
            let secret = await mock.register("rp-post", method: .clientSecretPost)
            let postLogin = try await mock.login(
                try mock.client(clientID: "rp-post", authentication: .clientSecretPost(secret)))
            #expect(postLogin.tokens.accessToken.isEmpty == false)
            let basicRefused = await pscError {
                try await mock.login(try mock.client(clientID: "rp-post", authentication: .clientSecretBasic(secret)))
            }
            #expect(basicRefused?.oauthError?.error == .invalidClient)

            let key = JWSSigningKey.generateP256(keyID: "rp-jwt-key")
            _ = await mock.register(
                "rp-jwt", method: .privateKeyJWT, keySet: JWKSet(keys: [try key.publicJWK(algorithm: .es256)]))
            let jwtLogin = try await mock.login(
                try mock.client(clientID: "rp-jwt", authentication: .privateKeyJWT(signingKey: key)))
            #expect(jwtLogin.tokens.accessToken.isEmpty == false)
        }
    }

    @Test("Keys rotated between two logins: the key set is fetched again", .timeLimit(.minutes(3)))
    func keyRotation() async throws {
        try await MockProvider.with { mock in
            let client = try mock.client()
            let first = try await mock.login(client)
            await mock.platform.identityProvider.rotateSigningKeys()
            let second = try await mock.login(client)
            #expect(first.idToken.header.keyID != second.idToken.header.keyID)
            #expect(await mock.requestCount(.get, pathSuffix: "/protocol/openid-connect/certs") == 2)
        }
    }
}
