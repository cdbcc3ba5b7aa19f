import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import Testing

@Suite("Authorization callback")
struct CallbackTests {
    @Test("The code flow exchanges the code with the verifier and validates the ID token")
    func happyPath() async throws {
        let harness = try TestHarness()
        let login = try await harness.login { try harness.standardIDToken($0) }
        #expect(login.tokens.accessToken == "access-1")
        #expect(login.tokens.refreshToken == "refresh-1")
        #expect(login.tokens.accessTokenExpiresAt == harness.clock.now() + 120)
        #expect(login.tokens.refreshTokenExpiresAt == harness.clock.now() + 1800)
        #expect(login.tokens.scopes == ["openid", "scope_all"])
        #expect(login.tokens.sessionState == "state-1")
        #expect(login.idToken.subject == TestProvider.subject)
        #expect(login.subjectNameID == .rpps(RPPS("99990000017")))
        #expect(login.idToken.authenticationContextClass == "eidas1")
        #expect(login.idToken.givenName == "CAMILLE")
        #expect(login.idToken.sessionID == "session-1")
        #expect(login.tokens.idToken == login.idToken.compactSerialization)

        let tokenRequest = harness.stub.recordedRequests[1]
        let fields = formFields(tokenRequest)
        #expect(fields["grant_type"] == "authorization_code")
        #expect(fields["code"] == "code-1")
        #expect(fields["redirect_uri"] == TestProvider.redirectURI.absoluteString)
        #expect(fields["code_verifier"]?.count == 43)
        #expect(fields["client_secret"] == nil)
        let basic = Data("\(TestProvider.clientID):a-client-secret-long-enough-for-hs256%21".utf8).base64EncodedString()
        #expect(tokenRequest.request.headerFields[.authorization] == "Basic \(basic)")
        #expect(tokenRequest.request.headerFields[.contentType] == "application/x-www-form-urlencoded")
        try harness.stub.verifyAllExpectationsConsumed()
        #expect(!"\(login)".contains("access-1"))
        #expect(!"\(login.tokens)".contains("refresh-1"))
    }

    @Test("client_secret_basic form-encodes the id and the secret (RFC 6749 §2.3.1)")
    func basicEncoding() async throws {
        let harness = try TestHarness(authentication: .clientSecretBasic("s3cr et:+/"))
        _ = try await harness.login { try harness.standardIDToken($0) }
        let header = harness.stub.recordedRequests[1].request.headerFields[.authorization] ?? ""
        let decoded = String(decoding: Data(base64Encoded: String(header.dropFirst(6))) ?? Data(), as: UTF8.self)
        #expect(decoded == "\(TestProvider.clientID):s3cr+et%3A%2B%2F")
    }

    @Test("ES256 and PS256 ID tokens verify with the key set")
    func otherAlgorithms() async throws {
        let harness = try TestHarness()
        let login = try await harness.login(keys: [TestKeys.ecKey]) { pending in
            try TestProvider.sign(
                TestProvider.idTokenClaims(
                    now: harness.clock.now(), nonce: pending.nonce, accessToken: "access-1", algorithm: .es256),
                key: TestKeys.ecKey)
        }
        #expect(login.idToken.header.algorithm == .es256)

        let second = try TestHarness()
        let psLogin = try await second.login { pending in
            try TestProvider.sign(
                TestProvider.idTokenClaims(
                    now: second.clock.now(), nonce: pending.nonce, accessToken: "access-1", algorithm: .ps256),
                key: try TestKeys.rsa(), algorithm: .ps256)
        }
        #expect(psLogin.idToken.header.algorithm == .ps256)
    }

    @Test("client_secret_post sends the id and secret in the form")
    func secretPost() async throws {
        let harness = try TestHarness(authentication: .clientSecretPost(TestProvider.clientSecret))
        _ = try await harness.login { try harness.standardIDToken($0) }
        let request = harness.stub.recordedRequests[1]
        #expect(request.request.headerFields[.authorization] == nil)
        #expect(formFields(request)["client_id"] == TestProvider.clientID)
        #expect(formFields(request)["client_secret"] == TestProvider.clientSecret)
    }

    @Test("private_key_jwt sends a client assertion signed with the client key")
    func privateKeyJWT() async throws {
        let clientKey = JWSSigningKey.generateP256(keyID: "client-key")
        let harness = try TestHarness(authentication: .privateKeyJWT(signingKey: clientKey))
        _ = try await harness.login { try harness.standardIDToken($0) }
        let fields = formFields(harness.stub.recordedRequests[1])
        #expect(fields["client_id"] == TestProvider.clientID)
        #expect(fields["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        let assertion = try #require(fields["client_assertion"])
        let verified = try JWSVerifier(allowedAlgorithms: [.es256], keys: [clientKey.verificationKey]).verify(assertion)
        #expect(verified.header.keyID == "client-key")
        let claims = try verified.claims()
        #expect(claims.issuer == TestProvider.clientID)
        #expect(claims.subject == TestProvider.clientID)
        #expect(claims.audience == .single("https://auth.psc.test" + TestProvider.tokenPath))
        #expect(claims.jwtID?.isEmpty == false)
        #expect(claims.expirationTime?.date == harness.clock.now() + 60)
    }

    @Test("tls_client_auth uses the mTLS token endpoint alias and sends only the client id")
    func mutualTLS() async throws {
        let harness = try TestHarness(authentication: .tlsClientAuth)
        harness.expectDiscovery([
            "mtls_endpoint_aliases": [
                "token_endpoint": "https://mtls.psc.test/auth/realms/esante-wallet/protocol/openid-connect/token"
            ]
        ])
        let (pending, callback) = try await harness.prepare()
        harness.stub.expect(
            .post, TestProvider.tokenPath, where: { $0.request.authority == "mtls.psc.test" },
            respond: .json(TestProvider.tokenResponse(idToken: try harness.standardIDToken(pending))))
        try harness.expectKeys([try TestKeys.rsa()])
        _ = try await harness.client.completeAuthorization(callbackURL: callback, pending: pending)
        let fields = formFields(harness.stub.recordedRequests[1])
        #expect(fields["client_id"] == TestProvider.clientID)
        #expect(fields["client_secret"] == nil)
        #expect(harness.stub.recordedRequests[1].request.headerFields[.authorization] == nil)
        try harness.stub.verifyAllExpectationsConsumed()
    }

    private func callbackReason(
        discovery: [String: JSONValue?] = [:],
        parameters: @escaping (PendingAuthorization) -> [(String, String)],
        url: ((PendingAuthorization) -> URL)? = nil
    ) async throws -> (ProSanteConnectError?, Int) {
        let harness = try TestHarness()
        harness.expectDiscovery(discovery)
        let (pending, callback) = try await harness.prepare(callbackParameters: parameters)
        let error = await pscError {
            try await harness.client.completeAuthorization(callbackURL: url?(pending) ?? callback, pending: pending)
        }
        return (error, harness.stub.recordedRequests.count)
    }

    @Test("A missing or different state is refused before any code exchange")
    func state() async throws {
        let (wrong, wrongCount) = try await callbackReason { _ in
            [("code", "c"), ("state", "other"), ("iss", TestProvider.issuer)]
        }
        #expect(wrong?.reason == .stateMismatch)
        #expect(wrongCount == 1)
        let (missing, _) = try await callbackReason { _ in [("code", "c"), ("iss", TestProvider.issuer)] }
        #expect(missing?.reason == .stateMismatch)
        let (prefix, _) = try await callbackReason { pending in
            [("code", "c"), ("state", String(pending.state.dropLast())), ("iss", TestProvider.issuer)]
        }
        #expect(prefix?.reason == .stateMismatch)
    }

    @Test("RFC 9207: iss is required when advertised and must be the issuer")
    func issuerParameter() async throws {
        let (missing, count) = try await callbackReason { pending in [("code", "c"), ("state", pending.state)] }
        #expect(missing?.reason == .missingIssuerInRedirect)
        #expect(count == 1)
        let (wrong, _) = try await callbackReason { pending in
            [("code", "c"), ("state", pending.state), ("iss", "https://evil.example/auth/realms/esante-wallet")]
        }
        #expect(wrong?.reason == .issuerMismatchInRedirect)
    }

    @Test("Without RFC 9207 support, a missing iss is accepted but a wrong one is refused")
    func issuerNotAdvertised() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery(["authorization_response_iss_parameter_supported": false])
        let (pending, callback) = try await harness.prepare { [("code", "code-1"), ("state", $0.state)] }
        harness.expectToken(TestProvider.tokenResponse(idToken: try harness.standardIDToken(pending)))
        try harness.expectKeys([try TestKeys.rsa()])
        let login = try await harness.client.completeAuthorization(callbackURL: callback, pending: pending)
        #expect(login.idToken.issuer == TestProvider.issuer)

        let (wrong, _) = try await callbackReason(discovery: ["authorization_response_iss_parameter_supported": false])
        {
            [("code", "c"), ("state", $0.state), ("iss", "https://evil.example")]
        }
        #expect(wrong?.reason == .issuerMismatchInRedirect)
    }

    @Test("An error redirect becomes authorizationDenied with the OAuth error")
    func denied() async throws {
        let (error, count) = try await callbackReason { pending in
            [
                ("error", "access_denied"), ("error_description", "Refus de l'utilisateur"),
                ("state", pending.state), ("iss", TestProvider.issuer),
            ]
        }
        #expect(error?.reason == .authorizationDenied)
        #expect(error?.oauthError?.error == .accessDenied)
        #expect(error?.oauthError?.errorDescription == "Refus de l'utilisateur")
        #expect(count == 1)
    }

    @Test("A callback on another URL, or without code, is refused")
    func malformedCallbacks() async throws {
        let (other, _) = try await callbackReason(
            parameters: { [("code", "c"), ("state", $0.state), ("iss", TestProvider.issuer)] },
            url: { URL(string: "https://evil.test/psc/callback?code=c&state=\($0.state)")! })
        #expect(other?.reason == .redirectURIMismatch)
        let (path, _) = try await callbackReason(
            parameters: { [("code", "c"), ("state", $0.state), ("iss", TestProvider.issuer)] },
            url: { URL(string: "https://app.cabinet.test/psc/other?code=c&state=\($0.state)")! })
        #expect(path?.reason == .redirectURIMismatch)
        let (noCode, _) = try await callbackReason { [("state", $0.state), ("iss", TestProvider.issuer)] }
        #expect(noCode?.reason == .missingAuthorizationCode)
    }

    @Test("A token endpoint error becomes .oauth with the decoded body and the status")
    func tokenEndpointError() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        let (pending, callback) = try await harness.prepare()
        harness.expectToken(TestProvider.oauthError("invalid_grant", description: "Code not valid"), status: 400)
        let error = await pscError {
            try await harness.client.completeAuthorization(callbackURL: callback, pending: pending)
        }
        #expect(error?.reason == .oauth)
        #expect(error?.code == .httpStatus)
        #expect(error?.httpStatus == 400)
        #expect(error?.oauthError == OAuthError(error: .invalidGrant, errorDescription: "Code not valid"))
        #expect(error?.operation == "psc.token.authorization_code")
        #expect(error?.requiresNewLogin == true)
        #expect(error?.description.contains("code-1") == false)
    }

    @Test("A 401 without a body is read as invalid_client")
    func unauthorizedClient() async throws {
        let harness = try TestHarness()
        harness.expectDiscovery()
        let (pending, callback) = try await harness.prepare()
        harness.stub.expect(.post, TestProvider.tokenPath, respond: .status(401))
        let error = await pscError {
            try await harness.client.completeAuthorization(callbackURL: callback, pending: pending)
        }
        #expect(error?.reason == .oauth)
        #expect(error?.oauthError?.error == .invalidClient)
        #expect(error?.httpStatus == 401)
    }

    @Test("Unusable token responses are refused")
    func invalidTokenResponses() async throws {
        for (body, expected) in [
            (TestProvider.tokenResponse(idToken: nil), ProSanteConnectError.Reason.idTokenMissing),
            (TestProvider.tokenResponse(idToken: "x", tokenType: "MAC"), .invalidTokenResponse),
            (#"{"token_type":"Bearer"}"#, .invalidTokenResponse),
            ("not json", .invalidTokenResponse),
            (TestProvider.tokenResponse(idToken: "not-a-jws"), .idTokenMalformed),
        ] {
            let harness = try TestHarness()
            harness.expectDiscovery()
            let (pending, callback) = try await harness.prepare()
            harness.expectToken(body)
            let reason = await pscReason {
                try await harness.client.completeAuthorization(callbackURL: callback, pending: pending)
            }
            #expect(reason == expected, "\(body)")
        }
    }
}
