import Crypto
public import Foundation
import _CryptoExtras

extension JWSSigningKey {
    /// Imports an RSA or P-256 private key from PEM.
    ///
    /// Accepted blocks: `RSA PRIVATE KEY` (PKCS #1), `EC PRIVATE KEY` (SEC 1) and `PRIVATE KEY` (PKCS #8,
    /// RSA or P-256). Encrypted keys are not supported.
    /// - Parameters:
    ///   - pemRepresentation: The PEM text.
    ///   - keyID: The `kid` to announce, if any.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/invalidKey`` when no supported key can be read.
    public init(pemRepresentation: String, keyID: String? = nil) throws(JOSEError) {
        let label = PEMLabel(pemRepresentation)
        if label == .rsaPrivateKey || label == .privateKey,
            let key = try? _RSA.Signing.PrivateKey(pemRepresentation: pemRepresentation)
        {
            self.init(rsa: key, keyID: keyID)
        } else if label == .ecPrivateKey || label == .privateKey,
            let key = try? P256.Signing.PrivateKey(pemRepresentation: pemRepresentation)
        {
            self.init(p256: key, keyID: keyID)
        } else {
            throw JOSEError(
                .invalidKey, "no RSA or P-256 private key in the PEM text (\(label.description))", keyID: keyID,
                operation: "jose.key")
        }
    }

    /// Imports an RSA or P-256 private key from DER (PKCS #1, SEC 1 or PKCS #8).
    /// - Parameters:
    ///   - derRepresentation: The DER bytes.
    ///   - keyID: The `kid` to announce, if any.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/invalidKey`` when no supported key can be read.
    public init(derRepresentation: some DataProtocol, keyID: String? = nil) throws(JOSEError) {
        let der = Data(derRepresentation)
        if let key = try? P256.Signing.PrivateKey(derRepresentation: der) {
            self.init(p256: key, keyID: keyID)
        } else if let key = try? _RSA.Signing.PrivateKey(derRepresentation: der) {
            self.init(rsa: key, keyID: keyID)
        } else {
            throw JOSEError(
                .invalidKey, "no RSA or P-256 private key in the DER bytes", keyID: keyID, operation: "jose.key")
        }
    }

    /// The private key as PEM (PKCS #1 for RSA, PKCS #8 for P-256), or `nil` for an HMAC secret.
    public var pemRepresentation: String? {
        switch material {
        case .rsa(let key): key.pemRepresentation
        case .p256(let key): key.pemRepresentation
        case .hmac: nil
        }
    }
}

extension JWSVerificationKey {
    /// Imports an RSA or P-256 public key from PEM (`PUBLIC KEY`, or `RSA PUBLIC KEY` for PKCS #1).
    /// - Parameters:
    ///   - pemRepresentation: The PEM text.
    ///   - keyID: The `kid` that selects this key, if any.
    ///   - algorithm: The only algorithm to accept with this key, if it is bound to one.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/invalidKey`` when no supported key can be read
    ///   (certificates are not supported; extract the public key first).
    public init(pemRepresentation: String, keyID: String? = nil, algorithm: JWSAlgorithm? = nil) throws(JOSEError) {
        let label = PEMLabel(pemRepresentation)
        if label == .publicKey, let key = try? P256.Signing.PublicKey(pemRepresentation: pemRepresentation) {
            self.init(p256: key, keyID: keyID, algorithm: algorithm)
        } else if label == .publicKey || label == .rsaPublicKey,
            let key = try? _RSA.Signing.PublicKey(pemRepresentation: pemRepresentation)
        {
            self.init(rsa: key, keyID: keyID, algorithm: algorithm)
        } else {
            throw JOSEError(
                .invalidKey, "no RSA or P-256 public key in the PEM text (\(label.description))", keyID: keyID,
                operation: "jose.key")
        }
    }

    /// Imports an RSA or P-256 public key from DER (SubjectPublicKeyInfo, or PKCS #1 for RSA).
    /// - Parameters:
    ///   - derRepresentation: The DER bytes.
    ///   - keyID: The `kid` that selects this key, if any.
    ///   - algorithm: The only algorithm to accept with this key, if it is bound to one.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/invalidKey`` when no supported key can be read.
    public init(
        derRepresentation: some DataProtocol, keyID: String? = nil, algorithm: JWSAlgorithm? = nil
    ) throws(JOSEError) {
        let der = Data(derRepresentation)
        if let key = try? P256.Signing.PublicKey(derRepresentation: der) {
            self.init(p256: key, keyID: keyID, algorithm: algorithm)
        } else if let key = try? _RSA.Signing.PublicKey(derRepresentation: der) {
            self.init(rsa: key, keyID: keyID, algorithm: algorithm)
        } else {
            throw JOSEError(
                .invalidKey, "no RSA or P-256 public key in the DER bytes", keyID: keyID, operation: "jose.key")
        }
    }

    /// The public key as SubjectPublicKeyInfo PEM (`PUBLIC KEY`), or `nil` for an HMAC secret.
    public var pemRepresentation: String? {
        switch material {
        case .rsa(let key): key.pemRepresentation
        case .p256(let key): key.pemRepresentation
        case .hmac: nil
        }
    }
}

/// The label of the first PEM block in a text, used to pick the right parser.
private enum PEMLabel: Equatable, CustomStringConvertible {
    case rsaPrivateKey, ecPrivateKey, privateKey, publicKey, rsaPublicKey
    case other(String)
    case missing

    init(_ pem: String) {
        guard let begin = pem.range(of: "-----BEGIN "),
            let end = pem[begin.upperBound...].range(of: "-----")
        else {
            self = .missing
            return
        }
        switch pem[begin.upperBound..<end.lowerBound] {
        case "RSA PRIVATE KEY": self = .rsaPrivateKey
        case "EC PRIVATE KEY": self = .ecPrivateKey
        case "PRIVATE KEY": self = .privateKey
        case "PUBLIC KEY": self = .publicKey
        case "RSA PUBLIC KEY": self = .rsaPublicKey
        case let label: self = .other(String(label))
        }
    }

    var description: String {
        switch self {
        case .rsaPrivateKey: "RSA PRIVATE KEY"
        case .ecPrivateKey: "EC PRIVATE KEY"
        case .privateKey: "PRIVATE KEY"
        case .publicKey: "PUBLIC KEY"
        case .rsaPublicKey: "RSA PUBLIC KEY"
        case .other(let label): label
        case .missing: "no PEM block"
        }
    }
}
