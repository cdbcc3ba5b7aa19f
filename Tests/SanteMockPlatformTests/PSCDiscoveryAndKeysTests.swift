import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct PSCDiscoveryAndKeysTests {
    @Test(.timeLimit(.minutes(3)))
    func discoveryIsServedUnderBothNames() async throws {
        try await withPlatform { platform in
            let wallet = try await TestHTTP.send(
                try platform.url(PSC.realm + "/.well-known/wallet-openid-configuration"))
            let standard = try await TestHTTP.send(try platform.url(PSC.realm + "/.well-known/openid-configuration"))
            #expect(wallet.status == 200)
            #expect(standard.status == 200)
            #expect(wallet.body == standard.body)

            let metadata = try wallet.jsonObject()
            let issuer = platform.issuerURL.absoluteString
            let base = platform.baseURL.absoluteString
            #expect(metadata["issuer"] as? String == issuer)
            #expect(issuer == base + "/psc/auth/realms/esante-wallet")
            #expect(metadata["authorization_endpoint"] as? String == base + "/psc/wallet/auth")
            #expect(metadata["token_endpoint"] as? String == issuer + "/protocol/openid-connect/token")
            #expect(metadata["userinfo_endpoint"] as? String == issuer + "/protocol/openid-connect/userinfo")
            #expect(metadata["jwks_uri"] as? String == issuer + "/protocol/openid-connect/certs")
            #expect(metadata["end_session_endpoint"] as? String == issuer + "/protocol/openid-connect/logout")
            #expect(
                metadata["introspection_endpoint"] as? String == issuer + "/protocol/openid-connect/token/introspect")
            #expect(metadata["revocation_endpoint"] as? String == issuer + "/protocol/openid-connect/revoke")
            #expect(
                metadata["backchannel_authentication_endpoint"] as? String
                    == issuer + "/protocol/openid-connect/ext/ciba/auth")
            #expect(metadata["authorization_response_iss_parameter_supported"] as? Bool == true)
            #expect(metadata["code_challenge_methods_supported"] as? [String] == ["plain", "S256"])
            #expect(
                metadata["token_endpoint_auth_methods_supported"] as? [String]
                    == ["private_key_jwt", "client_secret_basic", "client_secret_post", "tls_client_auth"])
            let grants = try #require(metadata["grant_types_supported"] as? [String])
            #expect(
                Set(grants).isSuperset(of: [
                    "authorization_code", "refresh_token", "urn:openid:params:grant-type:ciba",
                    "urn:ietf:params:oauth:grant-type:token-exchange",
                ]))
            #expect(metadata["backchannel_token_delivery_modes_supported"] as? [String] == ["poll"])
            #expect(
                metadata["id_token_signing_alg_values_supported"] as? [String] == ["RS256", "PS256", "ES256", "HS256"])
            #expect(metadata["userinfo_signing_alg_values_supported"] as? [String] == ["RS256", "ES256"])
            #expect(metadata["acr_values_supported"] as? [String] == ["eidas1"])
            let scopes = try #require(metadata["scopes_supported"] as? [String])
            #expect(Set(scopes).isSuperset(of: ["openid", "scope_all", "offline_access"]))
            #expect(metadata["mtls_endpoint_aliases"] == nil)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func keySetGainsThePS256UseOfTheRSAKeyOnceAClientSignsWithPS256() async throws {
        try await withPlatform { platform in
            let before = try await PSC.keySet(platform)
            #expect(before.keys.map(\.algorithm) == ["RS256", "ES256"])
            #expect(before.keys.map(\.keyType) == [.rsa, .ellipticCurve])

            await platform.identityProvider.register(
                MockPSCClient(
                    clientID: "rp-ps256", clientSecret: "rp-ps256-secret", idTokenSignedResponseAlgorithm: .ps256))
            let after = try await PSC.keySet(platform)
            #expect(after.keys.map(\.algorithm) == ["RS256", "ES256", "PS256"])
            let rsa = after.keys[0]
            let ps256 = after.keys[2]
            #expect(ps256.modulus == rsa.modulus)
            #expect(ps256.keyID != rsa.keyID)
            #expect(ps256.keyID?.hasPrefix("santekit-mock-ps256-") == true)
            #expect(after.keys.allSatisfy { !$0.containsPrivateMembers && $0.publicKeyUse == "sig" })
            #expect(try await platform.identityProvider.keySet() == after)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func keyRotationReplacesTheKeysOfThisPlatformOnly() async throws {
        try await withPlatform { platform in
            try await withPlatform { other in
                let shared = try MockSigningKeys.shared()
                let before = try await PSC.keySet(platform)
                #expect(before == shared.keySet)
                let oldTokens = try await PSC.signIn(platform)
                let oldAccessToken = try #require(oldTokens["access_token"] as? String)
                let oldPatientToken = try await platform.mintPatientToken(ins: "279035121518989")

                await platform.identityProvider.rotateSigningKeys()
                let rotated = try await PSC.keySet(platform)
                let oldIDs = Set(before.keys.compactMap(\.keyID))
                let newIDs = Set(rotated.keys.compactMap(\.keyID))
                #expect(rotated.keys.count == 2)
                #expect(newIDs.isDisjoint(with: oldIDs))
                #expect(rotated.keys.map(\.algorithm) == ["RS256", "ES256"])
                #expect(rotated.keys[0].modulus != before.keys[0].modulus)
                // Another platform of the process keeps the process's keys.
                #expect(try await PSC.keySet(other) == shared.keySet)

                // New tokens are signed with the new keys and verify against the new set only.
                let tokens = try await PSC.signIn(platform)
                let idToken = try #require(tokens["id_token"] as? String)
                let accessToken = try #require(tokens["access_token"] as? String)
                #expect(try JWS.parseUnverified(idToken).header.keyID == rotated.keys[0].keyID)
                #expect(try JWS.parseUnverified(accessToken).header.keyID == rotated.keys[0].keyID)
                _ = try JWSVerifier(allowedAlgorithms: [.rs256], keySet: rotated).verify(idToken)
                #expect(throws: JOSEError.self) {
                    try JWSVerifier(allowedAlgorithms: [.rs256], keySet: before).verify(idToken)
                }
                let patientToken = try await platform.mintPatientToken(ins: "279035121518989")
                #expect(try JWS.parseUnverified(patientToken).header.keyID == rotated.keys[1].keyID)

                // The platform's verifier follows: new tokens pass, old ones no longer verify.
                let verifier = try platform.tokenVerifier()
                #expect(try verifier.verify(accessToken) == .professional(subjectNameID: "899990000012"))
                #expect(try verifier.verify(patientToken) == .patient(ins: "279035121518989"))
                #expect(reason { try verifier.verify(oldAccessToken) } == .invalidToken)
                #expect(reason { try verifier.verify(oldPatientToken) } == .invalidToken)

                // Over HTTP: the answer is the new key set.
                let result = try await PSC.send("POST", try platform.url("/_mock/psc/rotate-keys"))
                #expect(result.status == 200)
                let third = try JWKSet(jsonData: result.body)
                #expect(try await PSC.keySet(platform) == third)
                #expect(Set(third.keys.compactMap(\.keyID)).isDisjoint(with: newIDs))
            }
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func verifierAcceptsPSCAccessTokensAsProfessionals() async throws {
        try await withPlatform { platform in
            let tokens = try await PSC.signIn(platform, loginHint: "899990000038")
            let accessToken = try #require(tokens["access_token"] as? String)
            let idToken = try #require(tokens["id_token"] as? String)
            let verifier = try platform.tokenVerifier()
            #expect(
                try verifier.verify(authorizationHeader: "Bearer \(accessToken)")
                    == .professional(subjectNameID: "899990000038"))
            let claims = try JWS.parseUnverified(accessToken).claims()
            #expect(claims[claim: "typ"] == "Bearer")
            #expect(claims[claim: "SubjectNameID"] == "899990000038")
            #expect(claims[claim: "azp"] == "santekit-demo")
            #expect(claims.audience == .single("santekit-demo"))
            #expect(claims[claim: "scope"] == "openid scope_all")
            // An ID token is not an access token.
            #expect(reason { try verifier.verify(idToken) } == .unsupportedTokenUse)
            // Revoked at the revocation endpoint: refused.
            let revoked = try await PSC.post(platform, PSC.revokePath, [("token", accessToken)])
            #expect(revoked.status == 200)
            #expect(reason { try verifier.verify(accessToken) } == .revoked)
        }
    }

    private func reason(_ body: () throws -> MockPrincipal) -> MockTokenError.Reason? {
        do {
            _ = try body()
            return nil
        } catch let error as MockTokenError {
            return error.reason
        } catch {
            return nil
        }
    }
}
