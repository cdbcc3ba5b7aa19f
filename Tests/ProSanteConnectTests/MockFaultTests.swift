import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import SanteMockPlatform
import Testing

/// Every fault the mock provider can arm, and the client's answer.
@Suite("End to end: armed faults on the mock provider")
struct MockFaultTests {
    /// Faults applied to the login's ID token or redirect, and the reason the client must give.
    static let loginFaults: [(MockPSCFault, ProSanteConnectError.Reason)] = [
        (.badSignature, .signatureInvalid),
        (.wrongIssuer, .idTokenInvalidIssuer),
        (.wrongAudience, .idTokenInvalidAudience),
        (.wrongAuthorizedParty, .idTokenInvalidAuthorizedParty),
        (.missingAudience, .idTokenInvalidAudience),
        (.missingSubject, .idTokenMissingSubject),
        (.missingIssuedAt, .idTokenMissingIssuedAt),
        (.expired, .idTokenExpired),
        (.issuedInFuture, .idTokenIssuedInFuture),
        (.wrongNonce, .nonceMismatch),
        (.badAccessTokenHash, .accessTokenHashMismatch),
        (.algNone, .algorithmNotAllowed),
        (.unknownKid, .unknownKeyID),
        (.hs256Confusion, .algorithmNotAllowed),
        (.wrongACR, .acrMismatch),
        (.wrongIssuerInRedirect, .issuerMismatchInRedirect),
        (.missingIssuerInRedirect, .missingIssuerInRedirect),
    ]

    @Test("An armed fault is refused with its typed reason", .timeLimit(.minutes(3)), arguments: loginFaults)
    func loginFault(fault: MockPSCFault, expected: ProSanteConnectError.Reason) async throws {
        try await MockProvider.with { mock in
            let client = try mock.client()
            await mock.platform.identityProvider.arm(fault, count: 1)
            let error = await pscError { try await mock.login(client) }
            #expect(error?.reason == expected, "\(fault): \(String(describing: error))")
            // The fault is spent: the next login succeeds.
            let login = try await mock.login(client)
            #expect(login.subjectNameID != nil)
        }
    }

    @Test("unknownKid makes exactly one refetch of the key set", .timeLimit(.minutes(3)))
    func unknownKidRefetch() async throws {
        try await MockProvider.with { mock in
            await mock.platform.identityProvider.arm(.unknownKid, count: 1)
            #expect(await pscReason { try await mock.login(try mock.client()) } == .unknownKeyID)
            #expect(await mock.requestCount(.get, pathSuffix: "/protocol/openid-connect/certs") == 2)
        }
    }

    @Test(
        "Tolerated faults: at_hash absent; no kid with one suitable key (conformance: accept, or try every key)",
        .timeLimit(.minutes(3)), arguments: [MockPSCFault.missingAccessTokenHash, .kidAbsentWithSeveralKeys])
    func toleratedFault(fault: MockPSCFault) async throws {
        try await MockProvider.with { mock in
            await mock.platform.identityProvider.arm(fault, count: 1)
            let login = try await mock.login(try mock.client())
            #expect(login.subjectNameID?.rawValue == "899990000012")
            if fault == .kidAbsentWithSeveralKeys { #expect(login.idToken.header.keyID == nil) }
            if fault == .missingAccessTokenHash { #expect(login.idToken.claims[claim: "at_hash"] == nil) }
        }
    }

    @Test("userinfoSubjectMismatch is refused", .timeLimit(.minutes(3)))
    func userinfoSubject() async throws {
        try await MockProvider.with { mock in
            let client = try mock.client()
            let login = try await mock.login(client)
            await mock.platform.identityProvider.arm(.userinfoSubjectMismatch, count: 1)
            #expect(await pscReason { try await client.userInfo(for: login) } == .userinfoSubjectMismatch)
        }
    }

    @Test("A refreshed ID token with another sub is refused", .timeLimit(.minutes(3)))
    func refreshedSubject() async throws {
        try await MockProvider.with { mock in
            let client = try mock.client()
            let login = try await mock.login(client)
            await mock.platform.identityProvider.arm(.wrongSubject, count: 1)
            #expect(await pscReason { try await client.refresh(login.tokens) } == .refreshedIDTokenMismatch)
        }
    }

    @Test("A refreshed ID token with another issuer is refused", .timeLimit(.minutes(3)))
    func refreshedIssuer() async throws {
        try await MockProvider.with { mock in
            let client = try mock.client()
            let login = try await mock.login(client)
            await mock.platform.identityProvider.arm(.wrongIssuer, count: 1)
            #expect(await pscReason { try await client.refresh(login.tokens) } == .idTokenInvalidIssuer)
        }
    }
}
