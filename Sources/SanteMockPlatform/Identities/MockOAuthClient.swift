import Foundation

/// An OAuth 2.0 client registered with the mock identity provider.
public struct MockOAuthClient: Sendable, Hashable, Encodable {
    /// The client identifier.
    public let clientID: String
    /// The client secret (the client is confidential: `client_secret_basic` or `client_secret_post`).
    public let clientSecret: String
    /// Whether any loopback redirect URI is accepted on any port, as RFC 8252 §7.3 asks of native apps.
    public let allowsLoopbackRedirects: Bool
    /// Redirect URIs accepted in addition to loopback ones, compared exactly.
    public let redirectURIs: [String]
    /// The scopes the client may ask for.
    public let scopes: [String]

    /// Creates a client.
    /// - Parameters:
    ///   - clientID: The client identifier.
    ///   - clientSecret: The client secret.
    ///   - allowsLoopbackRedirects: Whether loopback redirect URIs are accepted on any port.
    ///   - redirectURIs: Redirect URIs accepted exactly.
    ///   - scopes: The scopes the client may ask for.
    public init(
        clientID: String, clientSecret: String, allowsLoopbackRedirects: Bool, redirectURIs: [String],
        scopes: [String]
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.allowsLoopbackRedirects = allowsLoopbackRedirects
        self.redirectURIs = redirectURIs
        self.scopes = scopes
    }

    /// Whether `uri` is an acceptable redirect URI for this client.
    ///
    /// A loopback URI is `http` on `127.0.0.1`, `[::1]` or `localhost`, on any port and path, without a
    /// fragment (RFC 8252 §7.3, RFC 6749 §3.1.2). Any other URI must equal one of ``redirectURIs``.
    /// - Parameter uri: The redirect URI from an authorization or token request.
    /// - Returns: `true` when the URI is accepted.
    public func acceptsRedirect(_ uri: String) -> Bool {
        if redirectURIs.contains(uri) {
            return true
        }
        guard allowsLoopbackRedirects, let components = URLComponents(string: uri),
            components.scheme?.lowercased() == "http", components.fragment == nil,
            let host = components.host?.lowercased()
        else {
            return false
        }
        return ["127.0.0.1", "::1", "[::1]", "localhost"].contains(host)
    }
}
