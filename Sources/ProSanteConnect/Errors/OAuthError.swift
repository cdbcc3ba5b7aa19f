/// The body of an OAuth 2.0 error: `{error, error_description, error_uri}`.
///
/// It comes from a token, revocation, introspection or backchannel endpoint (as JSON), or from the
/// authorization redirect (as query parameters). ``ProSanteConnectError/oauthError`` carries it.
public struct OAuthError: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The error code (`error`).
    public var error: OAuthErrorCode
    /// A human-readable explanation from the provider (`error_description`), if any.
    public var errorDescription: String?
    /// A page about the error (`error_uri`), if any.
    public var errorURI: String?

    /// Creates an OAuth error.
    /// - Parameters:
    ///   - error: The error code.
    ///   - errorDescription: The provider's explanation.
    ///   - errorURI: A page about the error.
    public init(error: OAuthErrorCode, errorDescription: String? = nil, errorURI: String? = nil) {
        self.error = error
        self.errorDescription = errorDescription
        self.errorURI = errorURI
    }

    /// `error: description`.
    public var description: String {
        guard let errorDescription, !errorDescription.isEmpty else { return error.rawValue }
        return "\(error.rawValue): \(errorDescription)"
    }

    private enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
        case errorURI = "error_uri"
    }
}
