import Foundation
import SanteCore

/// The mutable state of the identity (Pro Santé Connect) service, isolated in its own actor.
actor IdentityServiceState {
    /// What the service shares with the rest of the platform (clock, identities, event bus, seed).
    let environment: MockServiceEnvironment

    /// Creates the service's initial state.
    init(environment: MockServiceEnvironment) {
        self.environment = environment
    }

    /// Mints a test-only patient token (see ``MockPatientToken``), signed for this platform's issuer.
    /// - Parameters:
    ///   - ins: The INS of a seeded test patient.
    ///   - lifetime: A whole number of seconds, from 1 to ``MockPatientToken/maximumLifetime``.
    /// - Returns: The token and its lifetime in seconds.
    /// - Throws: ``MockTokenError`` (unknown patient, invalid lifetime, or signing failure).
    func mintPatientToken(ins: String, lifetime: Duration) throws(MockTokenError) -> MintedPatientToken {
        guard let issuer = environment.issuerURL else {
            throw MockTokenError(
                .unavailable, "the platform's address is not known yet", operation: "mock.tokens.mint")
        }
        let minter = PatientTokenMinter(issuer: issuer, clock: environment.clock, identities: environment.identities)
        return try minter.mint(ins: ins, lifetime: lifetime)
    }
}
