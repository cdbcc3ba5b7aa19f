import Crypto
public import Foundation
public import NIOSSL
import SanteCore
public import SanteHTTP

/// A `TLSClientIdentity` read into the certificate chain and private key that NIOSSL presents, with the
/// certificate's thumbprint.
///
/// The thumbprint is what RFC 8705 puts in an access token's `cnf` claim as `x5t#S256` to bind the token to
/// the certificate:
///
/// ```swift
/// let material = try TLSClientIdentityMaterial(.pem(certificateChain: chain, privateKey: key, passphrase: nil))
/// let thumbprint = material.certificateThumbprint   // 43 base64url characters
/// ```
public struct TLSClientIdentityMaterial: Sendable {
    /// The certificate chain, leaf first.
    public let certificateChain: [NIOSSLCertificate]
    /// The private key of the leaf certificate.
    public let privateKey: NIOSSLPrivateKey
    /// The DER encoding of the leaf certificate.
    public let leafCertificateDER: Data

    /// The base64url (unpadded) SHA-256 digest of the leaf certificate's DER encoding: the RFC 8705
    /// `x5t#S256` confirmation value.
    public var certificateThumbprint: String {
        Base64URL.encode(Data(SHA256.hash(data: leafCertificateDER)))
    }

    /// Reads an identity.
    /// - Parameter identity: A PEM chain and key (the key optionally encrypted), or a PKCS #12 bundle.
    /// - Throws: `SanteHTTPError` with code `.configuration` when the certificates or the key cannot be read
    ///   (wrong format or passphrase, no certificate, a key that does not match the leaf certificate is only
    ///   detected during the TLS handshake).
    public init(_ identity: TLSClientIdentity) throws {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        switch identity {
        case .pem(let certificateChain, let privateKey, let passphrase):
            chain = try Self.readCertificates(pem: certificateChain, what: "client certificate chain")
            key = try Self.readPrivateKey(pem: privateKey, passphrase: passphrase)
        case .pkcs12(let data, let passphrase):
            do {
                let bundle = try NIOSSLPKCS12Bundle(buffer: Array(data), passphrase: Array(passphrase.utf8))
                chain = bundle.certificateChain
                key = bundle.privateKey
            } catch {
                throw Self.configurationError(
                    "the PKCS #12 client identity could not be read (wrong passphrase or not a PKCS #12 bundle)",
                    underlying: error)
            }
        }
        guard let leaf = chain.first else {
            throw Self.configurationError("the client identity has no certificate", underlying: nil)
        }
        do {
            self.leafCertificateDER = Data(try leaf.toDERBytes())
        } catch {
            throw Self.configurationError("the client certificate could not be encoded", underlying: error)
        }
        self.certificateChain = chain
        self.privateKey = key
    }

    /// Reads one or more PEM certificates.
    static func readCertificates(pem: String, what: String) throws -> [NIOSSLCertificate] {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8))
        } catch {
            throw configurationError("the \(what) is not valid PEM", underlying: error)
        }
        guard !certificates.isEmpty else {
            throw configurationError("the \(what) contains no PEM certificate", underlying: nil)
        }
        return certificates
    }

    private static func readPrivateKey(pem: String, passphrase: String?) throws -> NIOSSLPrivateKey {
        do {
            if let passphrase {
                let passphraseBytes = Array(passphrase.utf8)
                return try NIOSSLPrivateKey(bytes: Array(pem.utf8), format: .pem) { provide in
                    provide(passphraseBytes)
                }
            }
            return try NIOSSLPrivateKey(bytes: Array(pem.utf8), format: .pem)
        } catch {
            throw configurationError(
                "the client private key could not be read (not a PEM key, or a wrong or missing passphrase)",
                underlying: error)
        }
    }

    static func configurationError(_ message: String, underlying: (any Error)?) -> SanteHTTPError {
        SanteHTTPError(
            code: .configuration, message: message, requestWasSent: false, isRetryable: false,
            underlyingError: underlying)
    }
}

extension TLSClientIdentity {
    /// The base64url SHA-256 thumbprint of the identity's leaf certificate, the RFC 8705 `x5t#S256` value.
    /// - Returns: The thumbprint.
    /// - Throws: `SanteHTTPError` with code `.configuration` when the identity cannot be read.
    public func certificateThumbprint() throws -> String {
        try TLSClientIdentityMaterial(self).certificateThumbprint
    }
}
