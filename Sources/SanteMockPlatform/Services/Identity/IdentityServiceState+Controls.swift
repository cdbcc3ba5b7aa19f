import Foundation
import SanteCore

extension IdentityServiceState {
    /// Registers a client, replacing any client with the same id.
    func register(_ client: MockPSCClient) {
        clients[client.clientID] = client
    }

    /// The registered client with this id, if any.
    func client(id: String) -> MockPSCClient? {
        clients[id]
    }

    /// Arms a fault for the next `count` items of its target (a count below 1 disarms it).
    func arm(_ fault: MockPSCFault, count: Int) {
        armedFaults[fault] = count > 0 ? count : nil
    }

    /// Disarms every fault.
    func disarmAllFaults() {
        armedFaults = [:]
    }

    /// Sets how CIBA polls are answered.
    func setBackchannelBehaviour(_ behaviour: MockCIBABehaviour) {
        backchannelBehaviour = behaviour
    }

    /// The key set to serve: the current keys, plus the RSA key bound to PS256 once a client signs with PS256.
    func publishedKeySet() throws(JOSEError) -> JWKSet {
        let usesPS256 = clients.values.contains {
            $0.idTokenSignedResponseAlgorithm == .ps256 || $0.userinfoSignedResponseAlgorithm == .ps256
        }
        return try keyRing.current().publishedKeySet(includingPS256: usesPS256)
    }
}
