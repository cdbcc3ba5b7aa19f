import Foundation
import SanteCore

extension MockServiceEnvironment {
    /// The identity service's issuer, once the server listens (always, by the time a request arrives).
    var issuerURL: URL? {
        address.baseURL.map { IdentityService.issuerURL(serverBaseURL: $0) }
    }

    /// A verifier of the bearer tokens this platform issued, on the platform clock; for any service that
    /// authenticates requests (the DMP accepts patient tokens).
    /// - Returns: The verifier.
    /// - Throws: ``MockTokenError`` with ``MockTokenError/Reason/unavailable`` when the keys are unavailable
    ///   or the server's address is not known yet.
    func tokenVerifier() throws(MockTokenError) -> MockTokenVerifier {
        guard let issuerURL else {
            throw MockTokenError(
                .unavailable, "the platform's address is not known yet", operation: "mock.tokens.verify")
        }
        do {
            return MockTokenVerifier(issuer: issuerURL, clock: clock, keys: try MockSigningKeys.shared())
        } catch {
            throw MockTokenError(
                .unavailable, "the mock's signing keys are unavailable", operation: "mock.tokens.verify",
                underlyingError: error)
        }
    }
}
