import Crypto
public import Foundation
import SanteCore
import SwiftASN1
import X509

/// A test certificate authority made in memory: it signs the mock's server certificate and the client
/// certificates that tests present over mutual TLS.
///
/// > Warning: **TEST-ONLY.** Its P-256 key is generated when the authority is made and never written
/// > anywhere; nothing secret is committed. A new platform started with ``MockTLS`` makes a new authority
/// > unless you pass one.
///
/// ```swift
/// let platform = try await MockPlatform.start(MockPlatform.Configuration(tls: MockTLS()))
/// let authority = try #require(platform.certificateAuthority)
/// let client = try authority.issueCertificate(for: MockCertificateSubject(commonName: "santekit-mtls"))
/// // trust authority.certificatePEM (TLSTrustRoots.pem), present client.certificateChainPEM and client.privateKeyPEM
/// ```
public struct MockCertificateAuthority: Sendable {
    /// How long issued certificates live by default: 30 days, in seconds.
    public static let defaultValidity: TimeInterval = 30 * 24 * 3600

    /// The authority's self-signed certificate, in PEM: the trust root clients configure.
    public let certificatePEM: String
    /// The authority's DER-encoded certificate.
    public let certificateDER: Data
    /// The authority's subject, as RFC 4514 writes it.
    public let subjectDistinguishedName: String

    private let certificate: Certificate
    private let privateKey: P256.Signing.PrivateKey

    /// Makes a new authority with a fresh P-256 key, valid from one hour ago for ten years.
    /// - Parameter subject: The authority's name (default `CN=SanteKit Mock Test CA,O=SanteKit Mock,C=FR`).
    /// - Throws: ``MockPlatformError`` with code `configuration` when the subject or the certificate cannot be
    ///   encoded (for example a country that is not a printable string).
    public init(
        subject: MockCertificateSubject = MockCertificateSubject(
            commonName: "SanteKit Mock Test CA", organization: "SanteKit Mock", country: "FR")
    ) throws(MockPlatformError) {
        let key = P256.Signing.PrivateKey()
        let now = Date()
        do {
            let name = try subject.x509Name()
            let publicKey = Certificate.PublicKey(key.publicKey)
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: publicKey)
            }
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
                notValidBefore: now - 3600, notValidAfter: now + 10 * 365 * 24 * 3600, issuer: name, subject: name,
                signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
                issuerPrivateKey: Certificate.PrivateKey(key))
            self.certificateDER = try Self.der(certificate)
            self.certificatePEM = try certificate.serializeAsPEM().pemString
            self.certificate = certificate
        } catch {
            throw Self.failure("the certificate authority could not be made", error)
        }
        self.privateKey = key
        self.subjectDistinguishedName = String(describing: certificate.subject)
    }

    /// Issues a client certificate (extended key usage `clientAuth`) with a fresh P-256 key.
    ///
    /// Pass dates in the past to make an expired certificate, which a mutual-TLS handshake refuses.
    /// - Parameters:
    ///   - subject: The certificate's subject; a `tls_client_auth` client is recognised by it.
    ///   - notValidBefore: The first valid instant (default: one hour ago).
    ///   - notValidAfter: The last valid instant (default: ``defaultValidity`` from now).
    /// - Returns: The certificate, its chain and its key, in PEM.
    /// - Throws: ``MockPlatformError`` with code `configuration` when the dates are reversed or the
    ///   certificate cannot be encoded.
    public func issueCertificate(
        for subject: MockCertificateSubject, notValidBefore: Date = Date() - 3600,
        notValidAfter: Date = Date() + MockCertificateAuthority.defaultValidity
    ) throws(MockPlatformError) -> MockIssuedCertificate {
        try issue(
            subject: subject, alternativeNames: [], usage: .clientAuth, notValidBefore: notValidBefore,
            notValidAfter: notValidAfter)
    }

    /// Issues the server certificate of a listener (extended key usage `serverAuth`), for `localhost`,
    /// `127.0.0.1`, `::1` and `host`.
    func issueServerCertificate(host: String) throws(MockPlatformError) -> MockIssuedCertificate {
        var names: [GeneralName] = [.dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))]
        names.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice([UInt8](repeating: 0, count: 15) + [1]))))
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if !["localhost", "127.0.0.1", "::1"].contains(bare) {
            if let address = Self.ipv4Bytes(bare) {
                names.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice(address))))
            } else if !bare.contains(":") {
                names.append(.dnsName(bare))
            }
        }
        return try issue(
            subject: MockCertificateSubject(commonName: bare, organization: "SanteKit Mock", country: "FR"),
            alternativeNames: names, usage: .serverAuth, notValidBefore: Date() - 3600,
            notValidAfter: Date() + 365 * 24 * 3600)
    }

    private func issue(
        subject: MockCertificateSubject, alternativeNames: [GeneralName], usage: ExtendedKeyUsage.Usage,
        notValidBefore: Date, notValidAfter: Date
    ) throws(MockPlatformError) -> MockIssuedCertificate {
        guard notValidBefore < notValidAfter else {
            throw MockPlatformError(
                code: .configuration, operation: "mock.tls.issue",
                message: "notValidBefore must be earlier than notValidAfter")
        }
        let key = P256.Signing.PrivateKey()
        do {
            let publicKey = Certificate.PublicKey(key.publicKey)
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([usage])
                SubjectKeyIdentifier(hash: publicKey)
                AuthorityKeyIdentifier(keyIdentifier: try certificate.extensions.subjectKeyIdentifier?.keyIdentifier)
                if !alternativeNames.isEmpty {
                    SubjectAlternativeNames(alternativeNames)
                }
            }
            let issued = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
                notValidBefore: notValidBefore, notValidAfter: notValidAfter, issuer: certificate.subject,
                subject: try subject.x509Name(), signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
                issuerPrivateKey: Certificate.PrivateKey(privateKey))
            let der = try Self.der(issued)
            let pem = try issued.serializeAsPEM().pemString
            return MockIssuedCertificate(
                certificatePEM: pem, certificateChainPEM: pem + "\n" + certificatePEM,
                privateKeyPEM: key.pemRepresentation, certificateDER: der,
                certificateThumbprint: Self.thumbprint(der: der),
                subjectDistinguishedName: String(describing: issued.subject),
                notValidBefore: notValidBefore, notValidAfter: notValidAfter)
        } catch {
            throw Self.failure("the certificate for \(subject) could not be issued", error)
        }
    }

    /// The RFC 8705 `x5t#S256` of a DER certificate: base64url (unpadded) SHA-256.
    static func thumbprint(der: some DataProtocol) -> String {
        Base64URL.encode(Array(SHA256.hash(data: der)))
    }

    private static func der(_ certificate: Certificate) throws -> Data {
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return Data(serializer.serializedBytes)
    }

    private static func ipv4Bytes(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let bytes = parts.compactMap { UInt8($0) }
        return parts.count == 4 && bytes.count == 4 ? bytes : nil
    }

    private static func failure(_ message: String, _ error: any Error) -> MockPlatformError {
        MockPlatformError(code: .configuration, operation: "mock.tls.issue", message: message, underlyingError: error)
    }
}
