import Synchronization

/// A ``TokenStore`` in memory: tokens last as long as the process (and the store value).
public final class InMemoryTokenStore: TokenStore {
    private let storage: Mutex<ProSanteConnectTokens?>

    /// Creates a store.
    /// - Parameter tokens: The initial tokens, if any.
    public init(_ tokens: ProSanteConnectTokens? = nil) {
        storage = Mutex(tokens)
    }

    /// The stored tokens.
    public func load() async throws -> ProSanteConnectTokens? {
        storage.withLock { $0 }
    }

    /// Replaces the stored tokens.
    public func save(_ tokens: ProSanteConnectTokens) async throws {
        storage.withLock { $0 = tokens }
    }

    /// Removes the stored tokens.
    public func clear() async throws {
        storage.withLock { $0 = nil }
    }
}
