public import Crypto
public import Foundation
public import _CryptoExtras

/// A private key (RSA or P-256) or an HMAC secret that signs JWS objects.
///
/// Build one from a swift-crypto key, from PEM or DER (see the PEM initialisers), from a private JWK, or
/// generate one for tests and the mock platform with ``generateRSA(bits:keyID:)`` and
/// ``generateP256(keyID:)``.
public struct JWSSigningKey: Sendable {
    enum Material: Sendable {
        case rsa(_RSA.Signing.PrivateKey)
        case p256(P256.Signing.PrivateKey)
        case hmac(SymmetricKey)
    }

    let material: Material

    /// The key identifier written as `kid` in the headers this key signs, if any.
    public var keyID: String?

    init(material: Material, keyID: String?) {
        self.material = material
        self.keyID = keyID
    }

    /// Wraps an RSA private key (RS256, PS256).
    /// - Parameters:
    ///   - key: The RSA private key (2048 bits or more).
    ///   - keyID: The `kid` to announce, if any.
    public init(rsa key: _RSA.Signing.PrivateKey, keyID: String? = nil) {
        self.init(material: .rsa(key), keyID: keyID)
    }

    /// Wraps a P-256 private key (ES256).
    /// - Parameters:
    ///   - key: The P-256 private key.
    ///   - keyID: The `kid` to announce, if any.
    public init(p256 key: P256.Signing.PrivateKey, keyID: String? = nil) {
        self.init(material: .p256(key), keyID: keyID)
    }

    /// Wraps an HMAC secret (HS256).
    /// - Parameters:
    ///   - secret: The secret. HS256 needs at least 32 bytes; shorter secrets fail when signing.
    ///   - keyID: The `kid` to announce, if any.
    public init(hmacSecret secret: SymmetricKey, keyID: String? = nil) {
        self.init(material: .hmac(secret), keyID: keyID)
    }

    /// Wraps HMAC secret bytes (HS256), such as the UTF-8 bytes of a client secret.
    /// - Parameters:
    ///   - secret: The secret bytes. HS256 needs at least 32 bytes; shorter secrets fail when signing.
    ///   - keyID: The `kid` to announce, if any.
    public init(hmacSecret secret: some DataProtocol, keyID: String? = nil) {
        self.init(material: .hmac(SymmetricKey(data: Data(secret))), keyID: keyID)
    }

    /// Generates a fresh RSA key pair.
    /// - Parameters:
    ///   - bits: The modulus size: 2048, 3072 or 4096.
    ///   - keyID: The `kid` to announce, if any.
    /// - Returns: The new signing key.
    /// - Throws: ``JOSEError`` (``JOSEError/Reason/weakKey`` below 2048 bits, or
    ///   ``JOSEError/Reason/cryptoFailure``).
    public static func generateRSA(bits: Int = 2048, keyID: String? = nil) throws(JOSEError) -> JWSSigningKey {
        guard bits >= 2048 else {
            throw JOSEError(.weakKey, "RSA keys must have at least 2048 bits", operation: "jose.generate")
        }
        do {
            let key = try _RSA.Signing.PrivateKey(keySize: .init(bitCount: bits))
            return JWSSigningKey(rsa: key, keyID: keyID)
        } catch {
            throw JOSEError(
                .cryptoFailure, "RSA key generation failed", operation: "jose.generate", underlyingError: error)
        }
    }

    /// Generates a fresh P-256 key pair.
    /// - Parameter keyID: The `kid` to announce, if any.
    /// - Returns: The new signing key.
    public static func generateP256(keyID: String? = nil) -> JWSSigningKey {
        JWSSigningKey(p256: P256.Signing.PrivateKey(), keyID: keyID)
    }

    /// Generates a fresh random HMAC secret.
    /// - Parameters:
    ///   - byteCount: The secret length in bytes (32 or more for HS256).
    ///   - keyID: The `kid` to announce, if any.
    /// - Returns: The new signing key.
    public static func generateHMAC(byteCount: Int = 32, keyID: String? = nil) -> JWSSigningKey {
        JWSSigningKey(hmacSecret: SymmetricKey(size: SymmetricKeySize(bitCount: max(byteCount, 1) * 8)), keyID: keyID)
    }

    /// The key type: ``JWKKeyType/rsa``, ``JWKKeyType/ellipticCurve`` or ``JWKKeyType/octetSequence``.
    public var keyType: JWKKeyType {
        switch material {
        case .rsa: .rsa
        case .p256: .ellipticCurve
        case .hmac: .octetSequence
        }
    }

    /// The algorithm used when none is given: RS256 for RSA, ES256 for P-256, HS256 for HMAC.
    public var defaultAlgorithm: JWSAlgorithm {
        switch material {
        case .rsa: .rs256
        case .p256: .es256
        case .hmac: .hs256
        }
    }

    /// The key that verifies this key's signatures, with the same `kid`.
    ///
    /// For an HMAC key this is the same secret.
    public var verificationKey: JWSVerificationKey {
        switch material {
        case .rsa(let key): JWSVerificationKey(rsa: key.publicKey, keyID: keyID)
        case .p256(let key): JWSVerificationKey(p256: key.publicKey, keyID: keyID)
        case .hmac(let secret): JWSVerificationKey(hmacSecret: secret, keyID: keyID)
        }
    }

    /// The public JWK of this key (no private member), carrying `kid`, `use: "sig"` and `alg` when given.
    /// - Parameter algorithm: The `alg` to bind the published key to, if any.
    /// - Returns: The public JWK.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/notExportable`` for an HMAC secret.
    public func publicJWK(algorithm: JWSAlgorithm? = nil) throws(JOSEError) -> JWK {
        var jwk = try verificationKey.publicJWK()
        jwk.publicKeyUse = "sig"
        jwk.algorithm = algorithm?.rawValue
        return jwk
    }

    /// Signs `signingInput` with `algorithm`.
    /// - Parameters:
    ///   - signingInput: The bytes to sign (for JWS, the ASCII of `header.payload`).
    ///   - algorithm: The algorithm; it must suit this key.
    /// - Returns: The JOSE signature bytes (for ES256, the 64-byte `r || s`).
    /// - Throws: ``JOSEError`` when the algorithm is `none`, unsupported, does not match the key, when an
    ///   HMAC secret is too short, or when the crypto library fails.
    public func signature(for signingInput: some DataProtocol, algorithm: JWSAlgorithm) throws(JOSEError) -> Data {
        guard !algorithm.isUnsecured else {
            throw JOSEError(.unsecuredAlgorithm, "refusing to produce an unsecured JWS", operation: "jose.sign")
        }
        guard let scheme = algorithm.scheme else {
            throw JOSEError(.unsupportedAlgorithm, "cannot sign with \(algorithm)", operation: "jose.sign")
        }
        do {
            switch (scheme, material) {
            case (.rsaPKCS1SHA256, .rsa(let key)):
                return try key.signature(for: SHA256.hash(data: signingInput), padding: .insecurePKCS1v1_5)
                    .rawRepresentation
            case (.rsaPSSSHA256, .rsa(let key)):
                return try key.signature(for: SHA256.hash(data: signingInput), padding: .PSS).rawRepresentation
            case (.ecdsaP256SHA256, .p256(let key)):
                return try key.signature(for: SHA256.hash(data: signingInput)).rawRepresentation
            case (.hmacSHA256, .hmac(let secret)):
                guard secret.bitCount >= 256 else {
                    throw JOSEError(
                        .weakKey, "HS256 needs a secret of at least 32 bytes", keyID: keyID, operation: "jose.sign")
                }
                return Data(HMAC<SHA256>.authenticationCode(for: signingInput, using: secret))
            default:
                throw JOSEError(
                    .keyAlgorithmMismatch, "a \(keyType) key cannot sign \(algorithm)", keyID: keyID,
                    operation: "jose.sign")
            }
        } catch let error as JOSEError {
            throw error
        } catch {
            throw JOSEError(
                .cryptoFailure, "signing with \(algorithm) failed", keyID: keyID, operation: "jose.sign",
                underlyingError: error)
        }
    }
}
