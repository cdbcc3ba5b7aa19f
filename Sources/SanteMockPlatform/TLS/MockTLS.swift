/// How a ``MockPlatform`` serves HTTPS and mutual TLS (``MockPlatform/Configuration/tls``).
///
/// With TLS on, the platform makes (or takes) a ``MockCertificateAuthority`` at start-up and opens two
/// listeners that serve the same routes:
/// - the main one (``MockPlatform/baseURL``), HTTPS with a server certificate for `localhost`, `127.0.0.1`
///   and `::1`, signed by the authority;
/// - the mutual-TLS one (``MockPlatform/mutualTLSBaseURL``), which also asks for a client certificate. A
///   certificate is verified against the authority during the handshake (an expired one, or one from another
///   authority, fails it); a connection without one is let through, and the endpoints that need one answer
///   `401 invalid_client`, as Keycloak does. The identity service advertises its endpoints on this listener
///   as `mtls_endpoint_aliases`.
///
/// ```swift
/// let platform = try await MockPlatform.start(MockPlatform.Configuration(tls: MockTLS()))
/// ```
public struct MockTLS: Sendable {
    /// The TCP port of the mutual-TLS listener; `0` (the default) lets the system pick a free port.
    public var mutualTLSPort: Int
    /// The authority to sign the server certificate and to trust for client certificates, or `nil` (the
    /// default) for a new one made at start-up.
    public var certificateAuthority: MockCertificateAuthority?

    /// Creates TLS settings.
    /// - Parameters:
    ///   - mutualTLSPort: The port of the mutual-TLS listener; `0` picks a free port.
    ///   - certificateAuthority: The authority to use, or `nil` to make one at start-up.
    public init(mutualTLSPort: Int = 0, certificateAuthority: MockCertificateAuthority? = nil) {
        self.mutualTLSPort = mutualTLSPort
        self.certificateAuthority = certificateAuthority
    }
}
