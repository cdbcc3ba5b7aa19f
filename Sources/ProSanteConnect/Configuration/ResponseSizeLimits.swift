/// The largest response bodies the client reads, so that a hostile or broken server cannot fill memory.
public struct ResponseSizeLimits: Sendable, Hashable {
    /// The discovery document (default 256 KiB).
    public var discovery: Int
    /// The JWK set (default 256 KiB).
    public var keySet: Int
    /// Token, backchannel, introspection and revocation responses (default 256 KiB).
    public var tokenEndpoint: Int
    /// The userinfo response (default 1 MiB: `SubjectRefPro` can list many practice sites).
    public var userinfo: Int

    /// Creates limits, in bytes.
    /// - Parameters:
    ///   - discovery: The discovery document's limit.
    ///   - keySet: The JWK set's limit.
    ///   - tokenEndpoint: The limit of token, backchannel, introspection and revocation responses.
    ///   - userinfo: The userinfo response's limit.
    public init(
        discovery: Int = 256 * 1024,
        keySet: Int = 256 * 1024,
        tokenEndpoint: Int = 256 * 1024,
        userinfo: Int = 1024 * 1024
    ) {
        self.discovery = discovery
        self.keySet = keySet
        self.tokenEndpoint = tokenEndpoint
        self.userinfo = userinfo
    }

    /// The default limits.
    public static let `default` = ResponseSizeLimits()
}
