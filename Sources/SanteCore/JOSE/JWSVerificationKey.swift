public import Crypto
public import Foundation
public import _CryptoExtras

/// A public key (RSA or P-256) or an HMAC secret that verifies JWS signatures.
///
/// A key may be bound to one ``algorithm`` (from the JWK `alg` member); it then verifies that algorithm
/// only. Whatever the binding, key material and algorithm family must match: an RSA public key can never
/// act as an HMAC secret, which defeats the classic RS256-to-HS256 confusion attack.
public struct JWSVerificationKey: Sendable {
    enum Material: Sendable {
        case rsa(_RSA.Signing.PublicKey)
        case p256(P256.Signing.PublicKey)
        case hmac(SymmetricKey)
    }

    let material: Material

    /// The key identifier (`kid`) used to select this key, if any.
    public var keyID: String?

    /// The only algorithm this key verifies, or `nil` for any algorithm of its family.
    public var algorithm: JWSAlgorithm?

    init(material: Material, keyID: String?, algorithm: JWSAlgorithm?) {
        self.material = material
        self.keyID = keyID
        self.algorithm = algorithm
    }

    /// Wraps an RSA public key (RS256, PS256).
    /// - Parameters:
    ///   - key: The RSA public key.
    ///   - keyID: The `kid` that selects this key, if any.
    ///   - algorithm: The only algorithm to accept with this key, if it is bound to one.
    public init(rsa key: _RSA.Signing.PublicKey, keyID: String? = nil, algorithm: JWSAlgorithm? = nil) {
        self.init(material: .rsa(key), keyID: keyID, algorithm: algorithm)
    }

    /// Wraps a P-256 public key (ES256).
    /// - Parameters:
    ///   - key: The P-256 public key.
    ///   - keyID: The `kid` that selects this key, if any.
    ///   - algorithm: The only algorithm to accept with this key, if it is bound to one.
    public init(p256 key: P256.Signing.PublicKey, keyID: String? = nil, algorithm: JWSAlgorithm? = nil) {
        self.init(material: .p256(key), keyID: keyID, algorithm: algorithm)
    }

    /// Wraps an HMAC secret (HS256).
    /// - Parameters:
    ///   - secret: The shared secret (at least 32 bytes for HS256; shorter secrets never verify).
    ///   - keyID: The `kid` that selects this key, if any.
    ///   - algorithm: The only algorithm to accept with this key, if it is bound to one.
    public init(hmacSecret secret: SymmetricKey, keyID: String? = nil, algorithm: JWSAlgorithm? = nil) {
        self.init(material: .hmac(secret), keyID: keyID, algorithm: algorithm)
    }

    /// Wraps HMAC secret bytes (HS256), such as the UTF-8 bytes of a client secret.
    /// - Parameters:
    ///   - secret: The shared secret bytes (at least 32 bytes for HS256; shorter secrets never verify).
    ///   - keyID: The `kid` that selects this key, if any.
    ///   - algorithm: The only algorithm to accept with this key, if it is bound to one.
    public init(hmacSecret secret: some DataProtocol, keyID: String? = nil, algorithm: JWSAlgorithm? = nil) {
        self.init(material: .hmac(SymmetricKey(data: Data(secret))), keyID: keyID, algorithm: algorithm)
    }

    /// The key type: ``JWKKeyType/rsa``, ``JWKKeyType/ellipticCurve`` or ``JWKKeyType/octetSequence``.
    public var keyType: JWKKeyType {
        switch material {
        case .rsa: .rsa
        case .p256: .ellipticCurve
        case .hmac: .octetSequence
        }
    }

    /// Whether this key may verify `algorithm`: the key family matches and any bound ``algorithm`` agrees.
    /// - Parameter algorithm: The algorithm named by a token.
    /// - Returns: `true` when the key can be used; always `false` for `none` and unsupported algorithms.
    public func canVerify(_ algorithm: JWSAlgorithm) -> Bool {
        guard let required = algorithm.requiredKeyType, required == keyType else { return false }
        if let bound = self.algorithm, bound != algorithm { return false }
        return true
    }

    /// Whether this is an HMAC secret too short for HS256 (under 32 bytes); such a key never verifies.
    var isWeakHMACSecret: Bool {
        if case .hmac(let secret) = material { return secret.bitCount < 256 }
        return false
    }

    /// Checks a JOSE signature.
    /// - Parameters:
    ///   - signature: The signature bytes (for ES256, the 64-byte `r || s`).
    ///   - signingInput: The signed bytes (for JWS, the ASCII of `header.payload`).
    ///   - algorithm: The algorithm; when ``canVerify(_:)`` is `false` the answer is `false`.
    /// - Returns: Whether the signature is valid for this key and algorithm.
    public func isValidSignature(
        _ signature: some DataProtocol, for signingInput: some DataProtocol, algorithm: JWSAlgorithm
    ) -> Bool {
        guard canVerify(algorithm), let scheme = algorithm.scheme else { return false }
        switch (scheme, material) {
        case (.rsaPKCS1SHA256, .rsa(let key)):
            return key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: SHA256.hash(data: signingInput),
                padding: .insecurePKCS1v1_5)
        case (.rsaPSSSHA256, .rsa(let key)):
            return key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: SHA256.hash(data: signingInput),
                padding: .PSS)
        case (.ecdsaP256SHA256, .p256(let key)):
            guard signature.count == 64,
                let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
            else { return false }
            return key.isValidSignature(ecdsa, for: SHA256.hash(data: signingInput))
        case (.hmacSHA256, .hmac(let secret)):
            guard secret.bitCount >= 256 else { return false }
            return HMAC<SHA256>.isValidAuthenticationCode(Data(signature), authenticating: signingInput, using: secret)
        default:
            return false
        }
    }

    /// The public JWK of this key (`kty` and public members, plus `kid` and `alg` when set).
    /// - Returns: The JWK; it never contains private members.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/notExportable`` for an HMAC secret, which has no
    ///   public half.
    public func publicJWK() throws(JOSEError) -> JWK {
        var jwk: JWK
        switch material {
        case .rsa(let key):
            let primitives: _RSA.Signing.PublicKey.Primitives
            do {
                primitives = try key.getKeyPrimitives()
            } catch {
                throw JOSEError(
                    .cryptoFailure, "could not read the RSA key", keyID: keyID, operation: "jose.jwk",
                    underlyingError: error)
            }
            jwk = JWK(keyType: .rsa)
            jwk.modulus = Base64URL.encode(primitives.modulus.drop { $0 == 0 })
            jwk.exponent = Base64URL.encode(primitives.publicExponent.drop { $0 == 0 })
        case .p256(let key):
            let raw = key.rawRepresentation
            jwk = JWK(keyType: .ellipticCurve)
            jwk.curve = "P-256"
            jwk.xCoordinate = Base64URL.encode(raw.prefix(32))
            jwk.yCoordinate = Base64URL.encode(raw.suffix(32))
        case .hmac:
            throw JOSEError(
                .notExportable, "an HMAC secret has no public JWK", keyID: keyID, operation: "jose.jwk")
        }
        jwk.keyID = keyID
        jwk.algorithm = algorithm?.rawValue
        return jwk
    }
}
