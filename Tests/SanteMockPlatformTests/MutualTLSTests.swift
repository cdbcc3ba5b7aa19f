import Foundation
import HTTPTypes
import SanteAsyncHTTPClient
import SanteCore
import SanteHTTP
import SanteMockPlatform
import Testing

@Suite("Mock platform over HTTPS and mutual TLS")
struct MutualTLSTests {
    static let professional = "899990000012"
    static let dmpSearch =
        "dmp/fhir/DocumentReference?patient.identifier=urn%3Aoid%3A1.2.250.1.213.1.4.10%7C279035121518989&status=current"

    /// A CIBA login of `professional` by `santekit-mtls` over mutual TLS with `certificate`: the token response.
    static func backchannelLogin(
        _ platform: MockPlatform, clock: TestClock, caller: MutualTLSCaller, clientID: String = "santekit-mtls"
    ) async throws -> JSONValue {
        await platform.identityProvider.setCIBABehaviour(.approveAfterPolls(0))
        let started = try await caller.send(
            .post, platform.mutualTLSRealmURL("protocol/openid-connect/ext/ciba/auth"),
            form: [("client_id", clientID), ("scope", "openid scope_all"), ("login_hint", professional)])
        try #require(
            started.status == 200, "CIBA start answered \(started.status): \(String(describing: started.json))")
        let requestID = try #require(started.json?["auth_req_id"]?.stringValue)
        clock.advance(by: .seconds(5))
        let token = try await caller.send(
            .post, platform.mutualTLSRealmURL("protocol/openid-connect/token"),
            form: [
                ("client_id", clientID), ("grant_type", "urn:openid:params:grant-type:ciba"),
                ("auth_req_id", requestID),
            ])
        try #require(token.status == 200, "CIBA poll answered \(token.status): \(String(describing: token.json))")
        return try #require(token.json)
    }

    @Test(
        "The main listener serves HTTPS with a server certificate of the platform's authority", .timeLimit(.minutes(1)))
    func httpsListener() async throws {
        try await withTLSPlatform { platform, _ in
            let authority = try #require(platform.certificateAuthority)
            #expect(platform.baseURL.scheme == "https")
            #expect(platform.mutualTLSBaseURL?.scheme == "https")
            #expect(platform.mutualTLSPort != platform.port)
            #expect(authority.certificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----"))
            #expect(authority.subjectDistinguishedName == "CN=SanteKit Mock Test CA,O=SanteKit Mock,C=FR")
            #expect(
                "\(authority)" == "MockCertificateAuthority(subject: CN=SanteKit Mock Test CA,O=SanteKit Mock,C=FR)")
            var dumped = ""
            dump(authority, to: &dumped)
            #expect(!dumped.contains("privateKey"))

            let caller = try MutualTLSCaller(trusting: authority)
            let health = try await caller.send(.get, platform.baseURL.appending(path: "health"))
            #expect(health.status == 200)
            #expect(health.json?["status"] == "ok")
            // Without a client certificate, the mutual-TLS listener still answers the routes that need none.
            let viaMutualTLS = try await caller.send(
                .get, try #require(platform.mutualTLSBaseURL).appending(path: "health"))
            #expect(viaMutualTLS.status == 200)

            // A client that does not trust the authority refuses the server.
            let untrusting = try MutualTLSCaller(trusting: try MockCertificateAuthority())
            let error = await #expect(throws: SanteHTTPError.self) {
                _ = try await untrusting.send(.get, platform.baseURL.appending(path: "health"))
            }
            #expect(error?.code == .transport)
        }
    }

    @Test("Discovery advertises mtls_endpoint_aliases on the mutual-TLS listener", .timeLimit(.minutes(1)))
    func discoveryAliases() async throws {
        try await withTLSPlatform { platform, _ in
            let caller = try MutualTLSCaller(trusting: platform.certificateAuthority)
            let discovery = try await caller.send(
                .get, platform.issuerURL.appending(path: ".well-known/wallet-openid-configuration"))
            let document = try #require(discovery.json)
            let issuer = platform.issuerURL.absoluteString
            #expect(document["issuer"]?.stringValue == issuer)
            #expect(document["token_endpoint"]?.stringValue == issuer + "/protocol/openid-connect/token")
            #expect(document["tls_client_certificate_bound_access_tokens"] == true)
            let aliases = try #require(document["mtls_endpoint_aliases"])
            let mutualIssuer = try platform.mutualTLSRealmURL("").absoluteString
            #expect(mutualIssuer.hasPrefix(try #require(platform.mutualTLSBaseURL).absoluteString))
            let expected = [
                "token_endpoint": "protocol/openid-connect/token",
                "userinfo_endpoint": "protocol/openid-connect/userinfo",
                "revocation_endpoint": "protocol/openid-connect/revoke",
                "introspection_endpoint": "protocol/openid-connect/token/introspect",
                "backchannel_authentication_endpoint": "protocol/openid-connect/ext/ciba/auth",
            ]
            for (name, path) in expected {
                #expect(aliases[name]?.stringValue == (try platform.mutualTLSRealmURL(path)).absoluteString)
            }
            let methods = document["token_endpoint_auth_methods_supported"]?.arrayValue ?? []
            #expect(methods.contains("tls_client_auth"))
        }
    }

    @Test("Without TLS there is one plain HTTP listener and no alias", .timeLimit(.minutes(1)))
    func plainPlatform() async throws {
        let platform = try await MockPlatform.start()
        #expect(platform.baseURL.scheme == "http")
        #expect(platform.certificateAuthority == nil)
        #expect(platform.mutualTLSBaseURL == nil)
        #expect(platform.mutualTLSBaseURL(for: .dmp) == nil)
        await platform.stop()
    }

    @Test(
        "tls_client_auth succeeds with the client's certificate; tokens carry cnf.x5t#S256",
        .timeLimit(.minutes(1)))
    func boundTokens() async throws {
        try await withTLSPlatform { platform, clock in
            let authority = try #require(platform.certificateAuthority)
            let certificate = try authority.issueCertificate(for: MockPSCClient.mutualTLSDemoSubject)
            #expect(certificate.subjectDistinguishedName == "CN=santekit-mtls,O=SanteKit Mock,C=FR")
            #expect(certificate.certificateThumbprint.count == 43)
            #expect(!"\(certificate)".contains("PRIVATE KEY"))
            let caller = try MutualTLSCaller(trusting: authority, presenting: certificate)
            let tokens = try await Self.backchannelLogin(platform, clock: clock, caller: caller)
            let accessToken = try #require(tokens["access_token"]?.stringValue)
            let claims = try JWS.parseUnverified(accessToken).claims()
            #expect(claims[claim: "cnf"] == ["x5t#S256": .string(certificate.certificateThumbprint)])
            #expect(claims[claim: "azp"] == "santekit-mtls")

            // Introspection shows the binding; it is open to the client over mutual TLS.
            let introspection = try await caller.send(
                .post, platform.mutualTLSRealmURL("protocol/openid-connect/token/introspect"),
                form: [("client_id", "santekit-mtls"), ("token", accessToken)])
            #expect(introspection.json?["active"] == true)
            #expect(introspection.json?["cnf"] == ["x5t#S256": .string(certificate.certificateThumbprint)])

            // Refresh and token exchange stay bound.
            let refreshToken = try #require(tokens["refresh_token"]?.stringValue)
            let refreshed = try await caller.send(
                .post, platform.mutualTLSRealmURL("protocol/openid-connect/token"),
                form: [
                    ("client_id", "santekit-mtls"), ("grant_type", "refresh_token"), ("refresh_token", refreshToken),
                ])
            #expect(refreshed.status == 200)
            let refreshedToken = try #require(refreshed.json?["access_token"]?.stringValue)
            #expect(
                try JWS.parseUnverified(refreshedToken).claims()[claim: "cnf"]
                    == ["x5t#S256": .string(certificate.certificateThumbprint)])
            let exchanged = try await caller.send(
                .post, platform.mutualTLSRealmURL("protocol/openid-connect/token"),
                form: [
                    ("client_id", "santekit-mtls"), ("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange"),
                    ("subject_token", refreshedToken), ("subject_token_type", "urn:ietf:params:oauth:token-type:jwt"),
                ])
            #expect(exchanged.status == 200)
            let exchangedClaims = try JWS.parseUnverified(try #require(exchanged.json?["access_token"]?.stringValue))
                .claims()
            #expect(exchangedClaims[claim: "cnf"] == ["x5t#S256": .string(certificate.certificateThumbprint)])
            #expect(exchangedClaims.audience == .single("santekit-dmp"))

            // The verifier given the thumbprint explicitly agrees.
            let verifier = try platform.tokenVerifier()
            #expect(
                try verifier.verify(accessToken, presentedCertificateThumbprint: certificate.certificateThumbprint)
                    == .professional(subjectNameID: Self.professional))
            let unbound = #expect(throws: MockTokenError.self) { try verifier.verify(accessToken) }
            #expect(unbound?.reason == .certificateBindingMismatch)
        }
    }

    @Test("A tls_client_auth client without a certificate gets 401 invalid_client", .timeLimit(.minutes(1)))
    func missingCertificate() async throws {
        try await withTLSPlatform { platform, _ in
            let caller = try MutualTLSCaller(trusting: platform.certificateAuthority)
            let form = [("client_id", "santekit-mtls"), ("grant_type", "refresh_token"), ("refresh_token", "any")]
            let viaAlias = try await caller.send(
                .post, platform.mutualTLSRealmURL("protocol/openid-connect/token"), form: form)
            #expect(viaAlias.status == 401)
            #expect(viaAlias.error == "invalid_client")
            #expect(viaAlias.json?["error_description"]?.stringValue?.contains("certificate") == true)
            let viaMain = try await caller.send(
                .post, platform.issuerURL.appending(path: "protocol/openid-connect/token"), form: form)
            #expect(viaMain.status == 401)
            #expect(viaMain.error == "invalid_client")
            let ciba = try await caller.send(
                .post, platform.mutualTLSRealmURL("protocol/openid-connect/ext/ciba/auth"),
                form: [("client_id", "santekit-mtls"), ("scope", "openid"), ("login_hint", Self.professional)])
            #expect(ciba.status == 401)
            #expect(ciba.error == "invalid_client")
        }
    }

    @Test(
        "A certificate of the authority whose subject is not the client's gets 401 invalid_client",
        .timeLimit(.minutes(1)))
    func wrongSubject() async throws {
        try await withTLSPlatform { platform, _ in
            let authority = try #require(platform.certificateAuthority)
            let other = try authority.issueCertificate(for: MockCertificateSubject(commonName: "someone-else"))
            let caller = try MutualTLSCaller(trusting: authority, presenting: other)
            let answer = try await caller.send(
                .post, platform.mutualTLSRealmURL("protocol/openid-connect/token"),
                form: [("client_id", "santekit-mtls"), ("grant_type", "refresh_token"), ("refresh_token", "any")])
            #expect(answer.status == 401)
            #expect(answer.error == "invalid_client")
            #expect(answer.json?["error_description"]?.stringValue?.contains("tls_client_auth_subject_dn") == true)
        }
    }

    @Test("A test can register its own tls_client_auth client", .timeLimit(.minutes(1)))
    func registeredClient() async throws {
        try await withTLSPlatform { platform, clock in
            let authority = try #require(platform.certificateAuthority)
            let subject = MockCertificateSubject(
                commonName: "Cabinet Exemple", organizationalUnit: "499990000017001", organization: "SanteKit Tests",
                country: "FR")
            let client = MockPSCClient(
                clientID: "rp-mtls", tokenEndpointAuthMethod: .tlsClientAuth,
                tlsClientAuthSubjectDN: "cn=Cabinet Exemple, OU=499990000017001, O=SanteKit Tests, C=FR")
            #expect(client.validationIssues.isEmpty)
            #expect(client.allowedAuthenticationMethods == [.tlsClientAuth])
            #expect(!MockPSCClient(clientID: "x", tokenEndpointAuthMethod: .tlsClientAuth).validationIssues.isEmpty)
            await platform.identityProvider.register(client)
            let certificate = try authority.issueCertificate(for: subject)
            let caller = try MutualTLSCaller(trusting: authority, presenting: certificate)
            let tokens = try await Self.backchannelLogin(platform, clock: clock, caller: caller, clientID: "rp-mtls")
            let claims = try JWS.parseUnverified(try #require(tokens["access_token"]?.stringValue)).claims()
            #expect(claims[claim: "azp"] == "rp-mtls")
            #expect(claims[claim: "cnf"]?["x5t#S256"]?.stringValue == certificate.certificateThumbprint)
        }
    }

    @Test("POST /_mock/psc/clients registers a tls_client_auth client with its subject DN", .timeLimit(.minutes(1)))
    func registrationOverHTTP() async throws {
        try await withTLSPlatform { platform, _ in
            let caller = try MutualTLSCaller(trusting: platform.certificateAuthority)
            let url = platform.baseURL.appending(path: "_mock/psc/clients")
            let incomplete = try await caller.send(
                .post, url, json: #"{"client_id": "rp-http", "token_endpoint_auth_method": "tls_client_auth"}"#)
            #expect(incomplete.status == 400)
            #expect(incomplete.json?["message"]?.stringValue?.contains("tls_client_auth_subject_dn") == true)
            let registered = try await caller.send(
                .post, url,
                json: #"""
                    {"client_id": "rp-http", "token_endpoint_auth_method": "tls_client_auth",
                     "tls_client_auth_subject_dn": "CN=rp-http,C=FR"}
                    """#)
            #expect(registered.status == 201)
            #expect(registered.json?["tls_client_auth_subject_dn"] == "CN=rp-http,C=FR")
            #expect(registered.json?["token_endpoint_auth_methods"] == ["tls_client_auth"])
            let client = await platform.identityProvider.client(id: "rp-http")
            #expect(client?.tlsClientAuthSubjectDN == "CN=rp-http,C=FR")
        }
    }

    @Test("stop() closes both listeners", .timeLimit(.minutes(1)))
    func stopClosesBothListeners() async throws {
        let platform = try await MockPlatform.start(MockPlatform.Configuration(tls: MockTLS()))
        let caller = try MutualTLSCaller(trusting: platform.certificateAuthority)
        let mutualTLSHealth = try #require(platform.mutualTLSBaseURL).appending(path: "health")
        #expect(try await caller.send(.get, mutualTLSHealth).status == 200)
        await platform.stop()
        let fresh = try MutualTLSCaller(trusting: platform.certificateAuthority)
        for url in [platform.baseURL.appending(path: "health"), mutualTLSHealth] {
            let error = await #expect(throws: SanteHTTPError.self) { _ = try await fresh.send(.get, url) }
            #expect(error?.code == .transport)
        }
    }

    @Test("A certificate from another authority fails the handshake", .timeLimit(.minutes(1)))
    func wrongAuthority() async throws {
        try await withTLSPlatform { platform, _ in
            let stranger = try MockCertificateAuthority(
                subject: MockCertificateSubject(commonName: "Another Test CA", country: "FR"))
            let certificate = try stranger.issueCertificate(for: MockPSCClient.mutualTLSDemoSubject)
            let caller = try MutualTLSCaller(trusting: platform.certificateAuthority, presenting: certificate)
            let error = await #expect(throws: SanteHTTPError.self) {
                _ = try await caller.send(.get, try #require(platform.mutualTLSBaseURL).appending(path: "health"))
            }
            #expect(error?.code == .transport)
            #expect(await platform.requestLog.entries.isEmpty)
        }
    }

    @Test("An expired certificate fails the handshake", .timeLimit(.minutes(1)))
    func expiredCertificate() async throws {
        try await withTLSPlatform { platform, _ in
            let authority = try #require(platform.certificateAuthority)
            let expired = try authority.issueCertificate(
                for: MockPSCClient.mutualTLSDemoSubject, notValidBefore: Date() - 3 * 86_400,
                notValidAfter: Date() - 86_400)
            let caller = try MutualTLSCaller(trusting: authority, presenting: expired)
            let error = await #expect(throws: SanteHTTPError.self) {
                _ = try await caller.send(.get, try #require(platform.mutualTLSBaseURL).appending(path: "health"))
            }
            #expect(error?.code == .transport)
            #expect(await platform.requestLog.entries.isEmpty)
            #expect(throws: MockPlatformError.self) {
                try authority.issueCertificate(
                    for: MockPSCClient.mutualTLSDemoSubject, notValidBefore: Date(), notValidAfter: Date() - 1)
            }
        }
    }

    @Test(
        "The DMP and userinfo accept a bound token only with its certificate, over mutual TLS",
        .timeLimit(.minutes(1)))
    func boundTokenReplay() async throws {
        try await withTLSPlatform { platform, clock in
            let authority = try #require(platform.certificateAuthority)
            let certificate = try authority.issueCertificate(for: MockPSCClient.mutualTLSDemoSubject)
            let owner = try MutualTLSCaller(trusting: authority, presenting: certificate)
            let tokens = try await Self.backchannelLogin(platform, clock: clock, caller: owner)
            let accessToken = try #require(tokens["access_token"]?.stringValue)
            let mutualTLSBase = try #require(platform.mutualTLSBaseURL)
            let search = try #require(URL(string: mutualTLSBase.absoluteString + "/" + Self.dmpSearch))

            let granted = try await owner.send(.get, search, bearer: accessToken)
            #expect(granted.status == 200)
            #expect(granted.json?["resourceType"] == "Bundle")
            let userinfo = try await owner.send(
                .get, platform.mutualTLSRealmURL("protocol/openid-connect/userinfo"), bearer: accessToken)
            #expect(userinfo.status == 200)
            #expect(userinfo.json?["SubjectNameID"]?.stringValue == Self.professional)

            // Replayed over the HTTPS listener, without the certificate.
            let thief = try MutualTLSCaller(trusting: authority)
            let plainSearch = try #require(URL(string: platform.baseURL.absoluteString + "/" + Self.dmpSearch))
            let replayed = try await thief.send(.get, plainSearch, bearer: accessToken)
            #expect(replayed.status == 401)
            #expect(replayed.json?["resourceType"] == "OperationOutcome")
            #expect(replayed.headerFields[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let stolenUserinfo = try await thief.send(
                .get, platform.issuerURL.appending(path: "protocol/openid-connect/userinfo"), bearer: accessToken)
            #expect(stolenUserinfo.status == 401)
            #expect(stolenUserinfo.error == "invalid_token")

            // Replayed over mutual TLS with another valid certificate.
            let other = try authority.issueCertificate(for: MockCertificateSubject(commonName: "other-client"))
            let impostor = try MutualTLSCaller(trusting: authority, presenting: other)
            let withOther = try await impostor.send(.get, search, bearer: accessToken)
            #expect(withOther.status == 401)
            #expect(withOther.json?["resourceType"] == "OperationOutcome")

            // An unbound token still works on both listeners.
            let unbound = try await platform.mintProfessionalToken(subjectNameID: Self.professional)
            #expect(try await thief.send(.get, plainSearch, bearer: unbound).status == 200)
            #expect(try await impostor.send(.get, search, bearer: unbound).status == 200)
        }
    }
}
