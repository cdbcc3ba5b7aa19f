public import Foundation

/// A certificate issued by a ``MockCertificateAuthority`` with its private key, in PEM.
///
/// > Warning: **TEST-ONLY.** The key is made in memory by the mock and never leaves the process unless you
/// > write it somewhere.
///
/// Hand it to a transport as a client identity (`TLSClientIdentity.pem(certificateChain:privateKey:passphrase:)`),
/// or convert it to PKCS #12 with `openssl pkcs12 -export`, as an IGC-Santé certificate is delivered. The
/// description never shows the key.
public struct MockIssuedCertificate: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The certificate, in PEM.
    public let certificatePEM: String
    /// The certificate followed by the authority's certificate, in PEM (leaf first).
    public let certificateChainPEM: String
    /// The certificate's P-256 private key, as an unencrypted PKCS #8 PEM document.
    public let privateKeyPEM: String
    /// The DER encoding of the certificate.
    public let certificateDER: Data
    /// The base64url (unpadded) SHA-256 digest of ``certificateDER``: the RFC 8705 `x5t#S256` value that
    /// binds tokens to this certificate.
    public let certificateThumbprint: String
    /// The subject, as RFC 4514 writes it (``MockCertificateSubject/distinguishedName``).
    public let subjectDistinguishedName: String
    /// The first instant the certificate is valid.
    public let notValidBefore: Date
    /// The last instant the certificate is valid.
    public let notValidAfter: Date

    /// The subject, the thumbprint and the validity; never the key.
    public var description: String {
        "MockIssuedCertificate(subject: \(subjectDistinguishedName), x5t#S256: \(certificateThumbprint), "
            + "notValidAfter: \(notValidAfter), privateKey: [REDACTED])"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without the key, so that `dump` prints no secret.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "subjectDistinguishedName": subjectDistinguishedName, "certificateThumbprint": certificateThumbprint,
                "notValidBefore": notValidBefore, "notValidAfter": notValidAfter,
            ], displayStyle: .struct)
    }
}
