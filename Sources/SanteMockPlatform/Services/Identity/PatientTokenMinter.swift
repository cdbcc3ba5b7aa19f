import Foundation
import SanteCore

/// A patient token just minted, with what an OAuth token response says about it.
struct MintedPatientToken: Sendable {
    /// The compact JWS.
    let accessToken: String
    /// The lifetime in whole seconds (`exp - iat`).
    let expiresIn: Int64
}

/// Mints the test-only patient tokens described by ``MockPatientToken``.
struct PatientTokenMinter: Sendable {
    /// The `iss` to write: the platform's issuer URL.
    let issuer: URL
    /// The platform clock, read for `iat` and `exp`.
    let clock: any SanteClock
    /// The identities whose patients may get a token.
    let identities: MockIdentities
    /// The platform's signing keys.
    let keyRing: MockKeyRing

    private static let operation = "mock.tokens.mint"

    /// Mints a token for a seeded patient.
    /// - Parameters:
    ///   - ins: The patient's INS matricule; it must be one of ``MockIdentities/patients``.
    ///   - lifetime: A whole number of seconds, from 1 to ``MockPatientToken/maximumLifetime``.
    /// - Returns: The token and its lifetime in seconds.
    /// - Throws: ``MockTokenError`` with ``MockTokenError/Reason/unknownPatient``,
    ///   ``MockTokenError/Reason/invalidLifetime`` or ``MockTokenError/Reason/unavailable``.
    func mint(ins: String, lifetime: Duration) throws(MockTokenError) -> MintedPatientToken {
        guard let patient = identities.patient(ins: ins) else {
            let known = identities.patients.map(\.ins).joined(separator: ", ")
            throw MockTokenError(
                .unknownPatient, "no seeded test patient has the INS \"\(ins)\" (known: \(known))",
                operation: Self.operation)
        }
        let seconds = try Self.wholeSeconds(lifetime)
        let issuedAt = clock.now().timeIntervalSince1970.rounded(.down)
        let claims = JWTClaims(
            issuer: issuer.absoluteString,
            subject: MockPatientToken.subject(forINS: patient.ins),
            audience: .single(MockPatientToken.audience),
            expirationTime: NumericDate(secondsSince1970: issuedAt + Double(seconds)),
            issuedAt: NumericDate(secondsSince1970: issuedAt),
            jwtID: UUID().uuidString.lowercased(),
            additionalClaims: [
                MockPatientToken.tokenUseClaim: .string(MockPatientToken.tokenUse),
                MockPatientToken.insClaim: .string(patient.ins),
                MockPatientToken.insOIDClaim: .string(patient.insOID),
            ])
        do {
            let keys = try keyRing.current()
            let token = try JWS.sign(claims: claims, key: keys.ellipticCurve, algorithm: .es256)
            return MintedPatientToken(accessToken: token.compactSerialization, expiresIn: seconds)
        } catch {
            throw MockTokenError(
                .unavailable, "the patient token could not be signed", operation: Self.operation,
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
