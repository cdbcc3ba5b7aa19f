import Foundation
import NIOSSL
import SanteHTTP

/// The TLS settings a transport applies to each of its requests, read once from its configuration.
struct TransportTLS: Sendable {
    /// The per-request TLS configuration.
    let configuration: TLSConfiguration
    /// The client identity, when one is configured.
    let clientIdentity: TLSClientIdentityMaterial?

    /// Reads the TLS part of a transport configuration.
    /// - Returns: The settings, or `nil` when the configuration has neither a client identity nor trust roots
    ///   (the client's own TLS configuration then applies).
    /// - Throws: `SanteHTTPError` with code `.configuration` when a certificate or key cannot be read.
    static func make(from configuration: AsyncHTTPClientTransport.Configuration) throws -> TransportTLS? {
        guard configuration.clientIdentity != nil || configuration.trustRoots != nil else { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        var identity: TLSClientIdentityMaterial?
        if let clientIdentity = configuration.clientIdentity {
            let material = try TLSClientIdentityMaterial(clientIdentity)
            tls.certificateChain = material.certificateChain.map { .certificate($0) }
            tls.privateKey = .privateKey(material.privateKey)
            identity = material
        }
        if let trustRoots = configuration.trustRoots {
            let roots = try certificates(of: trustRoots)
            switch configuration.trustRootsUsage {
            case .inAdditionToSystemRoots:
                tls.additionalTrustRoots = [.certificates(roots)]
            case .insteadOfSystemRoots:
                tls.trustRoots = .certificates(roots)
            }
        }
        return TransportTLS(configuration: tls, clientIdentity: identity)
    }

    private static func certificates(of roots: TLSTrustRoots) throws -> [NIOSSLCertificate] {
        switch roots {
        case .pem(let text):
            return try TLSClientIdentityMaterial.readCertificates(pem: text, what: "trust roots")
        case .der(let certificates):
            guard !certificates.isEmpty else {
                throw TLSClientIdentityMaterial.configurationError("the trust roots are empty", underlying: nil)
            }
            do {
                return try certificates.map { try NIOSSLCertificate(bytes: Array($0), format: .der) }
            } catch {
                throw TLSClientIdentityMaterial.configurationError(
                    "a DER trust root is not a valid certificate", underlying: error)
            }
        }
    }
}
