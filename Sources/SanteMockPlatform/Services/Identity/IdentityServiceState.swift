import Foundation
import SanteCore

/// The mutable state of the identity (Pro Santé Connect) service, isolated in its own actor.
///
/// Every request is handled by one synchronous actor method, so that a code, a refresh token or a CIBA
/// request changes state atomically.
actor IdentityServiceState {
    /// What the service shares with the rest of the platform (clock, identities, event bus, seed).
    let environment: MockServiceEnvironment
    /// This platform's signing keys (the process's keys until the first rotation).
    let keyRing = MockKeyRing()
    /// The access tokens revoked on this platform.
    let revokedTokens = MockRevokedTokens()
    /// The root URL of the mutual-TLS listener, once it listens (never set without TLS).
    let mutualTLSAddress = MockServerAddress()

    /// The registered clients by id: `santekit-demo` and `santekit-mtls` at first.
    var clients: [String: MockPSCClient]
    /// The armed faults and how many more items each one alters.
    var armedFaults: [MockPSCFault: Int] = [:]
    /// How CIBA polls are answered.
    var backchannelBehaviour = MockCIBABehaviour.default
    /// Authorization codes, redeemed ones included (to detect reuse).
    var authorizationCodes: [String: PSCAuthorizationCode] = [:]
    /// Live sessions by id.
    var sessions: [String: PSCSession] = [:]
    /// Live refresh tokens.
    var refreshGrants: [String: PSCRefreshGrant] = [:]
    /// Pending CIBA requests by `auth_req_id`.
    var backchannelRequests: [String: PSCBackchannelRequest] = [:]
    /// The `jti` of client assertions already used, with their expiry (replay protection).
    var usedAssertionIDs: [String: Double] = [:]

    /// Creates the service's initial state: the demo clients (``MockPSCClient/demo``,
    /// ``MockPSCClient/mutualTLSDemo``), no fault, no session. Generates no key.
    init(environment: MockServiceEnvironment) {
        self.environment = environment
        let demo = MockPSCClient(environment.identities.demoClient)
        let mutualTLS = MockPSCClient.mutualTLSDemo
        self.clients = [demo.clientID: demo, mutualTLS.clientID: mutualTLS]
    }

    /// A verifier of the bearer tokens this platform issues, following its key rotations and revocations.
    /// - Throws: ``MockTokenError`` with ``MockTokenError/Reason/unavailable`` before the server listens.
    nonisolated func tokenVerifier() throws(MockTokenError) -> MockTokenVerifier {
        guard let issuerURL = environment.issuerURL else {
            throw MockTokenError(
                .unavailable, "the platform's address is not known yet", operation: "mock.tokens.verify")
        }
        return MockTokenVerifier(
            issuer: issuerURL, clock: environment.clock, keyRing: keyRing, revokedTokens: revokedTokens)
    }

    /// The endpoints of the provider, once the server listens.
    nonisolated func endpoints() throws(PSCOAuthError) -> PSCEndpoints {
        guard let baseURL = environment.address.baseURL else {
            throw .serverError("the platform's address is not known yet")
        }
        return PSCEndpoints(serverBaseURL: baseURL)
    }

    /// The endpoints on the mutual-TLS listener (the `mtls_endpoint_aliases`), or `nil` without TLS.
    nonisolated func mutualTLSEndpoints() -> PSCEndpoints? {
        mutualTLSAddress.baseURL.map(PSCEndpoints.init(serverBaseURL:))
    }

    /// The current time on the platform clock, in seconds since 1970.
    nonisolated var now: Double {
        environment.clock.now().timeIntervalSince1970
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
        let minter = PatientTokenMinter(
            issuer: issuer, clock: environment.clock, identities: environment.identities, keyRing: keyRing)
        return try minter.mint(ins: ins, lifetime: lifetime)
    }

    /// Takes one use of every armed fault of `target`: the faults to apply to the item being issued.
    func takeFaults(for target: MockPSCFault.Target) -> Set<MockPSCFault> {
        var taken: Set<MockPSCFault> = []
        for (fault, remaining) in armedFaults where fault.target == target && remaining > 0 {
            taken.insert(fault)
            armedFaults[fault] = remaining > 1 ? remaining - 1 : nil
        }
        return taken
    }
}
