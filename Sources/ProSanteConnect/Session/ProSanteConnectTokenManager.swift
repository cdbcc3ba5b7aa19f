import Foundation
public import HTTPTypes
import SanteCore
public import SanteHTTP

/// Hands out a valid access token for one PSC session, refreshing it early and once for everyone.
///
/// - ``validAccessToken()`` returns the current access token, or refreshes it first when it expires
///   within ``refreshMargin`` (default 30 s; PSC access tokens live 2 minutes).
/// - **Single flight:** concurrent callers during a refresh share one refresh request. PSC rotates
///   refresh tokens, so two concurrent refreshes would end the session with `invalid_grant`.
/// - **Persist before use:** the refreshed tokens, with the rotated refresh token, are saved in the
///   ``TokenStore`` before any caller receives the new access token. If saving fails, the call throws
///   ``ProSanteConnectError/Reason/tokenStoreFailed`` and the next call tries to save again.
/// - **End of session:** `invalid_grant`, or a missing or expired refresh token, clears the store and
///   throws ``ProSanteConnectError/Reason/sessionEnded``; the professional must log in again.
///
/// It is a SanteHTTP `TokenProvider`, so the DMP and Annuaire Santé clients call their APIs with it:
/// a 401 from those APIs makes it refresh on the next call.
public actor ProSanteConnectTokenManager: TokenProvider {
    /// The client that refreshes.
    public nonisolated let client: ProSanteConnectClient
    /// Where the tokens are kept.
    public nonisolated let store: any TokenStore
    /// How long before expiry the access token is refreshed.
    public nonisolated let refreshMargin: Duration

    private var tokens: ProSanteConnectTokens?
    private var hasLoaded = false
    private var needsSave = false
    private var rejectedAccessToken: String?
    private var refreshTask: Task<ProSanteConnectTokens, any Error>?

    /// Creates a manager for one session.
    /// - Parameters:
    ///   - client: The client that refreshes.
    ///   - store: Where the tokens are kept (default: in memory). Tokens already in it are used.
    ///   - refreshMargin: How long before expiry to refresh (default 30 s).
    public init(
        client: ProSanteConnectClient, store: any TokenStore = InMemoryTokenStore(),
        refreshMargin: Duration = .seconds(30)
    ) {
        self.client = client
        self.store = store
        self.refreshMargin = refreshMargin
    }

    /// Starts the session with the tokens of a login, saving them in the store.
    /// - Parameter login: The login from the code flow or CIBA.
    /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/tokenStoreFailed``.
    public func begin(with login: ProSanteConnectLogin) async throws {
        try await begin(with: login.tokens)
    }

    /// Starts the session with `tokens`, saving them in the store.
    /// - Parameter tokens: The tokens.
    /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/tokenStoreFailed``.
    public func begin(with tokens: ProSanteConnectTokens) async throws {
        refreshTask = nil
        rejectedAccessToken = nil
        self.tokens = tokens
        hasLoaded = true
        needsSave = true
        try await saveIfNeeded()
    }

    /// The session's tokens, loaded from the store on first use; `nil` when there is no session.
    /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/tokenStoreFailed``.
    public func currentTokens() async throws -> ProSanteConnectTokens? {
        try await loadIfNeeded()
    }

    /// A valid access token, refreshed first when it expires within the margin or was refused.
    /// - Returns: The access token.
    /// - Throws: ``ProSanteConnectError``: ``ProSanteConnectError/Reason/sessionEnded`` when there is no
    ///   session or it cannot be refreshed any more, ``ProSanteConnectError/Reason/tokenStoreFailed``, or the
    ///   refresh's error.
    public func validAccessToken() async throws -> String {
        guard let current = try await loadIfNeeded() else {
            throw Self.ended("there is no session: log in first", underlyingError: nil)
        }
        try await saveIfNeeded()
        if needsRefresh(current) {
            return try await sharedRefresh().accessToken
        }
        return current.accessToken
    }

    /// Refreshes now, whatever the access token's expiry (joining a refresh already in flight).
    /// - Returns: The new tokens, already saved.
    /// - Throws: As ``validAccessToken()``.
    @discardableResult
    public func refresh() async throws -> ProSanteConnectTokens {
        guard try await loadIfNeeded() != nil else {
            throw Self.ended("there is no session: log in first", underlyingError: nil)
        }
        return try await sharedRefresh()
    }

    /// Ends the session locally: the store is cleared and every later call throws
    /// ``ProSanteConnectError/Reason/sessionEnded``.
    /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/tokenStoreFailed``.
    public func endSession() async throws {
        tokens = nil
        hasLoaded = true
        needsSave = false
        refreshTask = nil
        do {
            try await store.clear()
        } catch {
            throw ProSanteConnectErrorMapping.storeFailure(error, message: "the token store cannot be cleared")
        }
    }

    /// Ends the session at PSC (server-side logout with `id_token_hint`) and locally. The local tokens are
    /// cleared even when the call to PSC fails; its error is then thrown.
    /// - Throws: ``ProSanteConnectError``.
    public func logout() async throws {
        let idToken = try? await loadIfNeeded()?.idToken
        var logoutError: (any Error)?
        if let idToken {
            do {
                try await client.logout(idTokenHint: idToken)
            } catch {
                logoutError = error
            }
        }
        try await endSession()
        if let logoutError { throw logoutError }
    }

    /// `TokenProvider`: a valid access token for an API request.
    public nonisolated func token(for request: HTTPRequest, context: RequestContext) async throws -> String {
        try await validAccessToken()
    }

    /// `TokenProvider`: an API refused `token` with a 401; the next call refreshes.
    public nonisolated func tokenRejected(_ token: String) async throws {
        await markRejected(token)
    }

    private func markRejected(_ token: String) {
        if tokens?.accessToken == token { rejectedAccessToken = token }
    }

    private func loadIfNeeded() async throws -> ProSanteConnectTokens? {
        if !hasLoaded {
            let loaded: ProSanteConnectTokens?
            do {
                loaded = try await store.load()
            } catch {
                throw ProSanteConnectErrorMapping.storeFailure(error, message: "the token store cannot be read")
            }
            if !hasLoaded {
                tokens = loaded
                hasLoaded = true
            }
        }
        return tokens
    }

    private func saveIfNeeded() async throws {
        guard needsSave, let tokens else { return }
        do {
            try await store.save(tokens)
        } catch {
            throw ProSanteConnectErrorMapping.storeFailure(error, message: "the tokens cannot be saved")
        }
        if self.tokens == tokens { needsSave = false }
    }

    private func needsRefresh(_ tokens: ProSanteConnectTokens) -> Bool {
        if rejectedAccessToken == tokens.accessToken { return true }
        guard let expiresAt = tokens.accessTokenExpiresAt else { return false }
        // A token shorter-lived than twice the margin is refreshed at half its life, not at once.
        let lifetime = max(0, expiresAt.timeIntervalSince(tokens.receivedAt))
        let margin = min(refreshMargin.timeInterval, lifetime / 2)
        return client.configuration.clock.now() >= expiresAt - margin
    }

    private func sharedRefresh() async throws -> ProSanteConnectTokens {
        if let refreshTask { return try await refreshTask.value }
        guard let current = tokens else {
            throw Self.ended("there is no session: log in first", underlyingError: nil)
        }
        let task = Task { try await performRefresh(from: current) }
        refreshTask = task
        defer { if refreshTask == task { refreshTask = nil } }
        return try await task.value
    }

    private func performRefresh(from current: ProSanteConnectTokens) async throws -> ProSanteConnectTokens {
        if current.refreshTokenIsUnusable(at: client.configuration.clock.now()) {
            try? await endSession()
            throw Self.ended("the refresh token is missing or expired: log in again", underlyingError: nil)
        }
        let refreshed: ProSanteConnectTokens
        do {
            refreshed = try await client.refresh(current)
        } catch let error as ProSanteConnectError where error.oauthError?.error == .invalidGrant {
            try? await endSession()
            throw Self.ended(
                "the provider refused the refresh token (invalid_grant): log in again", underlyingError: error)
        }
        guard tokens == current else {
            // The session was replaced or ended while refreshing; do not resurrect it.
            throw Self.ended("the session changed while refreshing", underlyingError: nil)
        }
        tokens = refreshed
        rejectedAccessToken = nil
        needsSave = true
        try await saveIfNeeded()
        return refreshed
    }

    private static func ended(_ message: String, underlyingError: ProSanteConnectError?) -> ProSanteConnectError {
        ProSanteConnectError(
            .sessionEnded, message, operation: "psc.token.refresh", httpStatus: underlyingError?.httpStatus,
            oauthError: underlyingError?.oauthError, underlyingError: underlyingError)
    }
}
