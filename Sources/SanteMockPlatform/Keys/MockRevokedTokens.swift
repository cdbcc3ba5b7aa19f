import Synchronization

/// The `jti` of the access tokens a platform revoked (revocation endpoint, logout, reused code), read by
/// ``MockTokenVerifier`` and by the identity service's introspection and userinfo.
final class MockRevokedTokens: Sendable {
    private let identifiers = Mutex<Set<String>>([])

    /// Marks tokens as revoked.
    /// - Parameter tokenIDs: Their `jti` claims.
    func revoke(_ tokenIDs: some Sequence<String>) {
        identifiers.withLock { $0.formUnion(tokenIDs) }
    }

    /// Whether the token with this `jti` was revoked.
    func contains(_ tokenID: String) -> Bool {
        identifiers.withLock { $0.contains(tokenID) }
    }
}
