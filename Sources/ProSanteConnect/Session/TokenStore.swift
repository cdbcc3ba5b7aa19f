/// Where a session's tokens live between requests (and, for persistent stores, between launches).
///
/// The ``ProSanteConnectTokenManager`` saves a rotated refresh token here *before* it uses it, so that a
/// crash never leaves the server with a refresh token the provider already invalidated.
///
/// SanteKit ships ``InMemoryTokenStore``, ``FileTokenStore`` (atomic writes, mode 0600) and, on Apple
/// platforms, `KeychainTokenStore`. On a server, keep one store per user session, encrypted at rest.
public protocol TokenStore: Sendable {
    /// The stored tokens, or `nil` when there are none.
    /// - Throws: When the store cannot be read.
    func load() async throws -> ProSanteConnectTokens?

    /// Replaces the stored tokens. When this returns, the tokens must survive what the store promises to
    /// survive (a file store: a crash of the process).
    /// - Parameter tokens: The tokens.
    /// - Throws: When the tokens cannot be stored.
    func save(_ tokens: ProSanteConnectTokens) async throws

    /// Removes the stored tokens (logout, or the end of the session).
    /// - Throws: When the store cannot be changed.
    func clear() async throws
}
