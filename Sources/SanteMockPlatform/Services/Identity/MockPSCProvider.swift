import Logging
public import SanteCore

/// The controls of a platform's mock Pro Santé Connect provider (``MockPlatform/identityProvider``).
///
/// Each control is also available over HTTP under `/_mock/psc`:
///
/// | Swift | HTTP |
/// |---|---|
/// | ``register(_:)`` | `POST /_mock/psc/clients` |
/// | ``arm(_:count:)``, ``armedFaults()``, ``disarmAllFaults()`` | `POST`, `GET`, `DELETE /_mock/psc/faults` |
/// | ``rotateSigningKeys()`` | `POST /_mock/psc/rotate-keys` |
/// | ``setCIBABehaviour(_:)`` | `POST /_mock/psc/ciba` |
public struct MockPSCProvider: Sendable {
    let state: IdentityServiceState

    /// Registers a client (replacing any client with the same id). Check ``MockPSCClient/validationIssues``
    /// first: a client that cannot be served (HS256 with a short secret) gets `server_error` when its
    /// tokens are issued.
    /// - Parameter client: The client.
    public func register(_ client: MockPSCClient) async {
        await state.register(client)
    }

    /// The registered client with this id, if any (`santekit-demo` is always there).
    /// - Parameter clientID: The client id.
    /// - Returns: The client, or `nil`.
    public func client(id clientID: String) async -> MockPSCClient? {
        await state.client(id: clientID)
    }

    /// Arms a fault for the next `count` ID tokens, authorization redirects or userinfo responses (per
    /// ``MockPSCFault/target``). Arming a fault again replaces its count; a count below 1 disarms it.
    /// - Parameters:
    ///   - fault: The fault.
    ///   - count: How many items it alters.
    public func arm(_ fault: MockPSCFault, count: Int = 1) async {
        await state.arm(fault, count: count)
    }

    /// The armed faults and how many more items each one alters.
    /// - Returns: The remaining count by fault.
    public func armedFaults() async -> [MockPSCFault: Int] {
        await state.armedFaults
    }

    /// Disarms every fault.
    public func disarmAllFaults() async {
        await state.disarmAllFaults()
    }

    /// Rotates the signing keys of this platform: new RSA and P-256 keys with new `kid`s replace the old
    /// ones in the key set and sign every token from now on (ID, access, userinfo and patient tokens).
    /// Tokens signed with the old keys stop verifying.
    ///
    /// Takes the time of an RSA 2048 generation. Should the crypto library fail, the keys stay as they were.
    public func rotateSigningKeys() async {
        do {
            try state.keyRing.rotate()
        } catch {
            state.environment.logger.error("Key rotation failed", metadata: ["error": "\(error)"])
        }
    }

    /// The key set the provider serves at its `jwks_uri`.
    /// - Returns: The public keys.
    /// - Throws: ``SanteCore/JOSEError`` when the keys are unavailable.
    public func keySet() async throws(JOSEError) -> JWKSet {
        try await state.publishedKeySet()
    }

    /// Sets how the polls of CIBA requests are answered, from now on.
    /// - Parameter behaviour: ``MockCIBABehaviour/approveAfterPolls(_:)`` or ``MockCIBABehaviour/deny``.
    public func setCIBABehaviour(_ behaviour: MockCIBABehaviour) async {
        await state.setBackchannelBehaviour(behaviour)
    }
}
