public import HTTPTypes

/// Supplies the access token that the ``AuthenticationMiddleware`` puts on each attempt.
///
/// Tokens on the platform live minutes or seconds, so the middleware asks the provider before every
/// attempt, never caching a token itself: the provider caches, and refreshes early, as it sees fit
/// (typically in an actor with a single in-flight refresh).
public protocol TokenProvider: Sendable {
    /// Returns a token that is valid now.
    /// - Parameters:
    ///   - request: The request about to be sent (a provider may pick a token by host or path).
    ///   - context: The request's options and attempt number.
    /// - Returns: The token, without any scheme prefix such as `Bearer`.
    /// - Throws: When no token can be obtained; the request then fails with that error.
    func token(for request: HTTPRequest, context: RequestContext) async throws -> String

    /// Tells the provider that the server refused `token` with a 401, so that its next call to
    /// ``token(for:context:)`` returns a fresh one. The default does nothing.
    /// - Parameter token: The token the server refused.
    func tokenRejected(_ token: String) async throws
}

extension TokenProvider {
    /// Does nothing.
    public func tokenRejected(_ token: String) async throws {}
}

/// A ``TokenProvider`` made from closures.
///
/// ```swift
/// let provider = ClosureTokenProvider { try await session.validAccessToken() }
/// ```
public struct ClosureTokenProvider: TokenProvider {
    private let makeToken: @Sendable () async throws -> String
    private let onRejected: @Sendable (String) async throws -> Void

    /// Creates a provider.
    /// - Parameters:
    ///   - onRejected: Called when the server refused a token (default: nothing).
    ///   - token: Returns a token valid now; called before every attempt.
    public init(
        onRejected: @escaping @Sendable (String) async throws -> Void = { _ in },
        token: @escaping @Sendable () async throws -> String
    ) {
        self.makeToken = token
        self.onRejected = onRejected
    }

    /// Calls the token closure.
    public func token(for request: HTTPRequest, context: RequestContext) async throws -> String {
        try await makeToken()
    }

    /// Calls the rejection closure.
    public func tokenRejected(_ token: String) async throws {
        try await onRejected(token)
    }
}
