import SanteCore
import Synchronization

/// The signing keys of one platform, which its key rotation replaces.
///
/// Until the first rotation the platform signs with the keys of the process (``MockSigningKeys/shared()``),
/// so starting a platform generates nothing. A rotation generates new keys for this platform only: from
/// then on its key set lists only the new keys (the old `kid`s are gone) and every token it signs uses them.
final class MockKeyRing: Sendable {
    private let rotatedKeys = Mutex<MockSigningKeys?>(nil)

    /// The keys in use: the last rotated ones, or the process's keys before any rotation.
    /// - Throws: ``SanteCore/JOSEError`` when the process's keys could not be generated.
    func current() throws(JOSEError) -> MockSigningKeys {
        if let keys = rotatedKeys.withLock({ $0 }) {
            return keys
        }
        return try MockSigningKeys.shared()
    }

    /// Generates new keys for this platform and puts them in use.
    /// - Returns: The new keys.
    /// - Throws: ``SanteCore/JOSEError`` when the crypto library could not generate them; the keys in use
    ///   then stay.
    @discardableResult
    func rotate() throws(JOSEError) -> MockSigningKeys {
        let fresh = try MockSigningKeys.generate()
        rotatedKeys.withLock { $0 = fresh }
        return fresh
    }
}
