import Foundation
import NIOCore
import NIOSSL
import SanteCore

/// The TLS settings of the two listeners of a platform started with ``MockTLS``.
struct MockTLSListeners: Sendable {
    /// The authority that signed the server certificate and verifies client certificates.
    let authority: MockCertificateAuthority
    /// The main listener's settings: HTTPS, no client certificate asked.
    let server: TLSConfiguration
    /// The mutual-TLS listener's settings: a client certificate is asked for and, when presented, must chain
    /// to the authority and be valid now; a connection without one is accepted.
    let mutualTLS: TLSConfiguration
    /// The port of the mutual-TLS listener (`0` for any).
    let mutualTLSPort: Int

    /// Makes the server certificate for `host` and both configurations.
    /// - Throws: ``MockPlatformError`` with code `configuration` when a certificate cannot be made or read.
    init(settings: MockTLS, host: String) throws(MockPlatformError) {
        let authority: MockCertificateAuthority
        if let given = settings.certificateAuthority {
            authority = given
        } else {
            authority = try MockCertificateAuthority()
        }
        let serverCertificate = try authority.issueServerCertificate(host: host)
        do {
            let chain = try NIOSSLCertificate.fromPEMBytes(Array(serverCertificate.certificatePEM.utf8))
            let key = try NIOSSLPrivateKey(bytes: Array(serverCertificate.privateKeyPEM.utf8), format: .pem)
            let root = try NIOSSLCertificate(bytes: Array(authority.certificateDER), format: .der)
            var server = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
            server.minimumTLSVersion = .tlsv12
            // Closing a connection waits this long for the client's close_notify (NIOSSL's default is 5 s),
            // which would make every stop() with an idle keep-alive connection take 5 s.
            server.shutdownTimeout = .milliseconds(250)
            var mutualTLS = server
            mutualTLS.certificateVerification = .optionalVerification
            mutualTLS.trustRoots = .certificates([root])
            self.server = server
            self.mutualTLS = mutualTLS
        } catch {
            throw MockPlatformError(
                code: .configuration, operation: "mock.start", message: "the TLS certificates could not be loaded",
                underlyingError: error)
        }
        self.authority = authority
        self.mutualTLSPort = settings.mutualTLSPort
    }
}
