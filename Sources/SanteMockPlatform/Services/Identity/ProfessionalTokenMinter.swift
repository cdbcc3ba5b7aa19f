import Foundation
import SanteCore

extension MockTokenError.Reason {
    /// The `SubjectNameID` is not one of the seeded professionals (``MockIdentities/professionals``).
    ///
    /// Raised by ``MockPlatform/mintProfessionalToken(subjectNameID:lifetime:)``.
    public static let unknownProfessional = MockTokenError.Reason(rawValue: "unknown_professional")
}

/// Mints TEST-ONLY Pro Santé Connect access tokens (``MockPSCAccessToken``) for seeded professionals, without
/// going through a sign-in: the same claims and RS256 signature as the token endpoint's, for the demo client.
struct ProfessionalTokenMinter: Sendable {
    /// The `iss` to write: the platform's issuer URL.
    let issuer: URL
    /// The platform clock, read for `iat` and `exp`.
    let clock: any SanteClock
    /// The identities whose professionals may get a token.
    let identities: MockIdentities
    /// The platform's signing keys.
    let keyRing: MockKeyRing

    private static let operation = "mock.tokens.mint"
    /// The scope written in minted tokens, as the demo client is granted it.
    static let scope = "openid scope_all"

    /// Mints an access token for a seeded professional.
    /// - Parameters:
    ///   - subjectNameID: The professional's `SubjectNameID`, one of ``MockIdentities/professionals``.
    ///   - lifetime: A whole number of seconds, from 1 to ``MockPatientToken/maximumLifetime``.
    /// - Returns: The compact JWS.
    /// - Throws: ``MockTokenError`` with ``MockTokenError/Reason/unknownProfessional``,
    ///   ``MockTokenError/Reason/invalidLifetime`` or ``MockTokenError/Reason/unavailable``.
    func mint(subjectNameID: String, lifetime: Duration) throws(MockTokenError) -> String {
        guard let professional = identities.professional(subjectNameID: subjectNameID) else {
            let known = identities.professionals.map(\.subjectNameID).joined(separator: ", ")
            throw MockTokenError(
                .unknownProfessional,
                "no seeded test professional has the SubjectNameID \"\(subjectNameID)\" (known: \(known))",
                operation: Self.operation)
        }
        let seconds = try Self.wholeSeconds(lifetime)
        let issuedAt = clock.now().timeIntervalSince1970.rounded(.down)
        let clientID = identities.demoClient.clientID
        let claims = JWTClaims(
            issuer: issuer.absoluteString,
            subject: PSCUserInfo.subject(of: professional),
            audience: .single(clientID),
            expirationTime: NumericDate(secondsSince1970: issuedAt + Double(seconds)),
            issuedAt: NumericDate(secondsSince1970: issuedAt),
            jwtID: PSCRandom.uuid(),
            additionalClaims: [
                MockPSCAccessToken.typeClaim: .string(MockPSCAccessToken.type),
                "azp": .string(clientID),
                "scope": .string(Self.scope),
                "acr": .string(PSCIDToken.authenticationContext),
                MockPSCAccessToken.subjectNameIDClaim: .string(professional.subjectNameID),
            ])
        do {
            let keys = try keyRing.current()
            return try JWS.sign(claims: claims, key: keys.rsa, algorithm: .rs256).compactSerialization
        } catch {
            throw MockTokenError(
                .unavailable, "the professional access token could not be signed", operation: Self.operation,
                underlyingError: error)
        }
    }

    /// The lifetime in seconds, when it is whole and within bounds.
    private static func wholeSeconds(_ lifetime: Duration) throws(MockTokenError) -> Int64 {
        let (seconds, attoseconds) = lifetime.components
        let maximum = MockPatientToken.maximumLifetime.components.seconds
        guard attoseconds == 0, (1...maximum).contains(seconds) else {
            throw MockTokenError(
                .invalidLifetime,
                "the lifetime must be a whole number of seconds from 1 to \(maximum), got \(lifetime)",
                operation: operation)
        }
        return seconds
    }
}

extension IdentityServiceState {
    /// Mints a test-only Pro Santé Connect access token for a seeded professional, for this platform's issuer.
    /// - Parameters:
    ///   - subjectNameID: The professional's `SubjectNameID`.
    ///   - lifetime: A whole number of seconds, from 1 to ``MockPatientToken/maximumLifetime``.
    /// - Returns: The compact JWS.
    /// - Throws: ``MockTokenError`` (unknown professional, invalid lifetime, or signing failure).
    nonisolated func mintProfessionalToken(subjectNameID: String, lifetime: Duration) throws(MockTokenError) -> String {
        guard let issuer = environment.issuerURL else {
            throw MockTokenError(
                .unavailable, "the platform's address is not known yet", operation: "mock.tokens.mint")
        }
        let minter = ProfessionalTokenMinter(
            issuer: issuer, clock: environment.clock, identities: environment.identities, keyRing: keyRing)
        return try minter.mint(subjectNameID: subjectNameID, lifetime: lifetime)
    }
}
