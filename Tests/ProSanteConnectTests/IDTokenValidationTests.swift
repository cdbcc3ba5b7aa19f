import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import Testing

/// OpenID Connect Core §3.1.3.7, one rule per test, through the code flow.
@Suite("ID token validation")
struct IDTokenValidationTests {
    /// Logs in with the standard RS256 token changed by `changes`, and returns the error's reason.
    private func reason(
        _ changes: [String: JSONValue?], configure: (inout ProSanteConnectConfiguration) -> Void = { _ in }
    ) async throws -> ProSanteConnectError.Reason? {
        let harness = try TestHarness(configure: configure)
        return await pscReason { try await harness.login { try harness.standardIDToken($0, changes: changes) } }
    }

    private var now: Int64 { Int64(TestClock().now().timeIntervalSince1970) }

    @Test("The standard token is accepted (control)")
    func control() async throws {
        #expect(try await reason([:]) == nil)
    }

    @Test("iss must be exactly the issuer")
    func issuer() async throws {
        #expect(try await reason(["iss": "https://evil.example/auth/realms/esante-wallet"]) == .idTokenInvalidIssuer)
        #expect(try await reason(["iss": .string(TestProvider.issuer + "/")]) == .idTokenInvalidIssuer)
        #expect(try await reason(["iss": nil]) == .idTokenInvalidIssuer)
    }

    @Test("aud must list the client, and no untrusted audience")
    func audience() async throws {
        #expect(try await reason(["aud": "other-client"]) == .idTokenInvalidAudience)
        #expect(try await reason(["aud": nil]) == .idTokenInvalidAudience)
        #expect(try await reason(["aud": [.string(TestProvider.clientID), "other"]]) == .idTokenInvalidAudience)
        #expect(try await reason(["aud": [.string(TestProvider.clientID)]]) == nil)
        #expect(
            try await reason(["aud": [.string(TestProvider.clientID), "trusted"]]) {
                $0.additionalTrustedAudiences = ["trusted"]
            } == nil)
    }

    @Test("azp is required with several audiences and must be the client")
    func authorizedParty() async throws {
        #expect(
            try await reason(["aud": [.string(TestProvider.clientID), "other"], "azp": "other"])
                == .idTokenInvalidAuthorizedParty)
        #expect(
            try await reason(["aud": [.string(TestProvider.clientID), "trusted"], "azp": nil]) {
                $0.additionalTrustedAudiences = ["trusted"]
            } == .idTokenInvalidAuthorizedParty)
        #expect(try await reason(["azp": "other"]) == .idTokenInvalidAuthorizedParty)
        #expect(try await reason(["azp": nil]) == nil)
    }

    @Test("sub must be present and non-empty")
    func subject() async throws {
        #expect(try await reason(["sub": nil]) == .idTokenMissingSubject)
        #expect(try await reason(["sub": ""]) == .idTokenMissingSubject)
    }

    @Test("exp and iat are required; exp past and iat in the future are refused beyond the leeway")
    func times() async throws {
        let now = self.now
        #expect(try await reason(["iat": nil]) == .idTokenMissingIssuedAt)
        #expect(try await reason(["exp": nil]) == .idTokenMissingExpiration)
        #expect(try await reason(["exp": .integer(now - 61)]) == .idTokenExpired)
        #expect(try await reason(["exp": .integer(now - 30)]) == nil)
        #expect(try await reason(["iat": .integer(now + 61)]) == .idTokenIssuedInFuture)
        #expect(try await reason(["iat": .integer(now + 30)]) == nil)
        #expect(try await reason(["nbf": .integer(now + 120)]) == .idTokenNotYetValid)
        #expect(try await reason(["exp": .integer(now - 5)]) { $0.clockLeeway = .zero } == .idTokenExpired)
    }

    @Test("nonce must be the one sent")
    func nonce() async throws {
        #expect(try await reason(["nonce": "another-nonce"]) == .nonceMismatch)
        #expect(try await reason(["nonce": nil]) == .nonceMismatch)
    }

    @Test("acr must be the level requested (eidas1)")
    func acr() async throws {
        #expect(try await reason(["acr": "eidas2"]) == .acrMismatch)
        #expect(try await reason(["acr": nil]) == .acrMismatch)
        #expect(try await reason(["acr": nil]) { $0.acrValues = [] } == nil)
    }

    @Test("at_hash, when present, must match the access token; absent is accepted")
    func accessTokenHash() async throws {
        #expect(try await reason(["at_hash": "AAAAAAAAAAAAAAAAAAAAAA"]) == .accessTokenHashMismatch)
        #expect(try await reason(["at_hash": 12]) == .accessTokenHashMismatch)
        #expect(try await reason(["at_hash": nil]) == nil)
    }

    @Test("With max_age, auth_time is required and must be recent enough")
    func authenticationTime() async throws {
        let now = self.now
        let maxAge: (inout ProSanteConnectConfiguration) -> Void = { $0.maximumAuthenticationAge = .seconds(300) }
        #expect(try await reason(["auth_time": nil], configure: maxAge) == .idTokenMissingAuthTime)
        #expect(try await reason(["auth_time": .integer(now - 400)], configure: maxAge) == .authenticationTooOld)
        #expect(try await reason(["auth_time": .integer(now - 330)], configure: maxAge) == nil)
        #expect(try await reason(["auth_time": nil]) == nil)
    }

    @Test("A typ claim other than ID is refused (access or logout tokens are not ID tokens)")
    func type() async throws {
        #expect(try await reason(["typ": "Bearer"]) == .idTokenInvalidType)
        #expect(try await reason(["typ": "Logout"]) == .idTokenInvalidType)
        #expect(try await reason(["typ": nil]) == nil)
    }

    @Test("Every reason maps to a stable code")
    func codes() {
        #expect(ProSanteConnectError.Reason.idTokenInvalidIssuer.code == .verification)
        #expect(ProSanteConnectError.Reason.idTokenMalformed.code == .decoding)
        #expect(ProSanteConnectError.Reason.oauth.code == .httpStatus)
        #expect(ProSanteConnectError.Reason.invalidConfiguration.code == .configuration)
        #expect(ProSanteConnectError.Reason.cancelled.code == .cancelled)
        #expect(ProSanteConnectError.Reason.backchannelAuthenticationExpired.code == .timeout)
        #expect(ProSanteConnectError.Reason.responseTooLarge.code == .transport)
        let error = ProSanteConnectError(.stateMismatch, "the callback's state differs", operation: "psc.callback")
        #expect(error.description == "ProSanteConnectError[state_mismatch] psc.callback: the callback's state differs")
        #expect(error.code == .verification)
    }
}
