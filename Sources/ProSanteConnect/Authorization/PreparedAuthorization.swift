public import Foundation

/// An authorization request ready to go: the URL to send the browser to, and what to keep until the
/// callback.
public struct PreparedAuthorization: Sendable, Hashable {
    /// The authorization URL, on the provider's authorization endpoint (PSC's `wallet.*` host).
    public let url: URL
    /// What the server keeps in the user's session until the callback.
    public let pending: PendingAuthorization

    /// Creates the value.
    /// - Parameters:
    ///   - url: The authorization URL.
    ///   - pending: What the server keeps.
    public init(url: URL, pending: PendingAuthorization) {
        self.url = url
        self.pending = pending
    }
}
