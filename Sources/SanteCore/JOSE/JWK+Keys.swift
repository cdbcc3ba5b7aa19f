import Crypto
import Foundation
import _CryptoExtras

extension JWSVerificationKey {
    /// Builds a verification key from a public JWK (`RSA` with `n`/`e`, `EC` P-256 with `x`/`y`, or `oct`
    /// with `k`), keeping its `kid` and binding it to its `alg` when present.
    /// - Parameter jwk: The JWK. Private members, if any, are ignored (except `k` for `oct`).
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/unsupportedKeyType``,
    ///   ``JOSEError/Reason/unsupportedCurve``, ``JOSEError/Reason/invalidBase64URL``,
    ///   ``JOSEError/Reason/weakKey`` (RSA below 2048 bits) or ``JOSEError/Reason/invalidKey`` (missing or
    ///   unusable material, or a key meant for encryption).
    public init(jwk: JWK) throws(JOSEError) {
        do throws(JOSEError) {
            let material = try JWKMaterial(jwk)
            if jwk.publicKeyUse == "enc" {
                throw material.failure(.invalidKey, "the key is meant for encryption (use \"enc\")")
            }
            if let operations = jwk.keyOperations, !operations.contains("verify") {
                throw material.failure(.invalidKey, "the key does not allow \"verify\" (key_ops)")
            }
            let algorithm = jwk.algorithm.map(JWSAlgorithm.init(rawValue:))
            switch jwk.keyType {
            case .rsa:
                self.init(rsa: try material.rsaPublicKey(), keyID: jwk.keyID, algorithm: algorithm)
            case .ellipticCurve:
                self.init(p256: try material.p256PublicKey(), keyID: jwk.keyID, algorithm: algorithm)
            case .octetSequence:
                self.init(hmacSecret: try material.required("k"), keyID: jwk.keyID, algorithm: algorithm)
            default:
                throw material.failure(.unsupportedKeyType, "key type \"\(jwk.keyType)\" is not supported")
            }
        } catch {
            throw error.attributed(to: "jose.jwk")
        }
    }
}

extension JWSSigningKey {
    /// Builds a signing key from a private JWK: `RSA` with `n`, `e`, `d`, `p`, `q`; `EC` P-256 with `d`
    /// (checked against `x`/`y` when present); or `oct` with `k`. The `kid` is kept.
    /// - Parameter jwk: The private JWK.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/unsupportedKeyType``,
    ///   ``JOSEError/Reason/unsupportedCurve``, ``JOSEError/Reason/invalidBase64URL`` or
    ///   ``JOSEError/Reason/invalidKey``.
    public init(jwk: JWK) throws(JOSEError) {
        do throws(JOSEError) {
            let material = try JWKMaterial(jwk)
            switch jwk.keyType {
            case .rsa:
                let key = try material.attempt("RSA private key") {
                    try _RSA.Signing.PrivateKey(
                        n: try material.required("n"), e: try material.required("e"),
                        d: try material.required("d"), p: try material.required("p"),
                        q: try material.required("q"))
                }
                self.init(rsa: key, keyID: jwk.keyID)
            case .ellipticCurve:
                try material.requireP256()
                let scalar = try material.required("d", length: 32)
                let key = try material.attempt("P-256 private key") {
                    try P256.Signing.PrivateKey(rawRepresentation: scalar)
                }
                if jwk.xCoordinate != nil || jwk.yCoordinate != nil {
                    guard try material.p256PublicKey().rawRepresentation == key.publicKey.rawRepresentation else {
                        throw material.failure(.invalidKey, "\"d\" does not match \"x\" and \"y\"")
                    }
                }
                self.init(p256: key, keyID: jwk.keyID)
            case .octetSequence:
                self.init(hmacSecret: try material.required("k"), keyID: jwk.keyID)
            default:
                throw material.failure(.unsupportedKeyType, "key type \"\(jwk.keyType)\" is not supported")
            }
        } catch {
            throw error.attributed(to: "jose.jwk")
        }
    }
}

/// Decodes the base64url members of one JWK into key material, with typed errors.
private struct JWKMaterial {
    let jwk: JWK

    init(_ jwk: JWK) throws(JOSEError) {
        self.jwk = jwk
    }

    func failure(_ reason: JOSEError.Reason, _ message: String) -> JOSEError {
        JOSEError(reason, message, keyID: jwk.keyID, operation: "jose.jwk")
    }

    /// The decoded member `name`, which must be present and, when `length` is given, exactly that long.
    func required(_ name: String, length: Int? = nil) throws(JOSEError) -> Data {
        guard let text = jwk[member: name]?.stringValue else {
            throw failure(.invalidKey, "the \(jwk.keyType) JWK has no string member \"\(name)\"")
        }
        let bytes: Data
        do throws(JOSEError) {
            bytes = try Base64URL.decode(text)
        } catch {
            throw failure(.invalidBase64URL, "member \"\(name)\" is not valid base64url")
        }
        if let length, bytes.count != length {
            throw failure(.invalidKey, "member \"\(name)\" must be \(length) bytes, not \(bytes.count)")
        }
        guard !bytes.isEmpty else { throw failure(.invalidKey, "member \"\(name)\" is empty") }
        return bytes
    }

    func requireP256() throws(JOSEError) {
        guard let curve = jwk.curve else { throw failure(.invalidKey, "the EC JWK has no \"crv\" member") }
        guard curve == "P-256" else { throw failure(.unsupportedCurve, "curve \"\(curve)\" is not supported") }
    }

    func rsaPublicKey() throws(JOSEError) -> _RSA.Signing.PublicKey {
        let modulus = try required("n")
        let exponent = try required("e")
        guard modulus.drop(while: { $0 == 0 }).count >= 256 else {
            throw failure(.weakKey, "RSA keys must have at least 2048 bits")
        }
        return try attempt("RSA public key") { try _RSA.Signing.PublicKey(n: modulus, e: exponent) }
    }

    func p256PublicKey() throws(JOSEError) -> P256.Signing.PublicKey {
        try requireP256()
        let point = Data([0x04]) + (try required("x", length: 32)) + (try required("y", length: 32))
        return try attempt("P-256 public key") { try P256.Signing.PublicKey(x963Representation: point) }
    }

    /// Runs a swift-crypto constructor, mapping its failure to ``JOSEError/Reason/invalidKey``.
    func attempt<Key>(_ what: String, _ build: () throws -> Key) throws(JOSEError) -> Key {
        do {
            return try build()
        } catch let error as JOSEError {
            throw error
        } catch {
            throw JOSEError(
                .invalidKey, "unusable \(what) material", keyID: jwk.keyID, operation: "jose.jwk",
                underlyingError: error)
        }
    }
}
