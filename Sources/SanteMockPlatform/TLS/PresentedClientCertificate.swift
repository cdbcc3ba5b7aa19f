import Foundation
import NIOCore
import NIOSSL
import SwiftASN1
import X509

/// The client certificate of the connection a request arrived on: verified by the TLS handshake against the
/// platform's ``MockCertificateAuthority`` (the mutual-TLS listener refuses any other).
struct PresentedClientCertificate: Sendable, Hashable {
    /// The RFC 8705 `x5t#S256` of the certificate.
    let thumbprint: String
    /// The subject, as RFC 4514 writes it.
    let subjectDistinguishedName: String

    /// The certificate of the request being handled, on the mutual-TLS listener; `nil` elsewhere, or when the
    /// client presented none.
    ///
    /// Set for the duration of each request by ``MutualTLSResponder``, so that what authenticates bearer
    /// tokens deep inside a service (``MockTokenVerifier``) can check a token's certificate binding without
    /// every route passing its connection along.
    @TaskLocal static var current: PresentedClientCertificate?

    /// Reads the peer certificate of a TLS connection.
    /// - Returns: The certificate, or `nil` when the channel has no TLS handler or the client presented none.
    static func read(from channel: any Channel) async -> PresentedClientCertificate? {
        guard let certificate = try? await channel.nioSSL_peerCertificate().get(),
            let der = try? certificate.toDERBytes()
        else {
            return nil
        }
        let subject = (try? Certificate(derEncoded: der)).map { String(describing: $0.subject) } ?? ""
        return PresentedClientCertificate(
            thumbprint: MockCertificateAuthority.thumbprint(der: der), subjectDistinguishedName: subject)
    }
}
