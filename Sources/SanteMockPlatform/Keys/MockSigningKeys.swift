public import SanteCore

/// The signing keys of the mock platform: an RSA 2048 key for RS256 and a P-256 key for ES256.
///
/// > Warning: **TEST-ONLY KEYS.** They are generated in memory, their private halves are public API, and
/// > anyone holding a ``MockPlatform`` can sign any token with them. Never trust them outside tests and demos,
/// > never configure a production relying party with the mock's key set.
///
/// The keys are generated once per process, on first use (RSA generation is slow), and shared by every
/// platform of the process; starting a platform never generates keys. Each key has a `kid` that stays the same
/// for the whole process: a fixed prefix (``rsaKeyIDPrefix``, ``ellipticCurveKeyIDPrefix``) and a random
/// suffix drawn with the keys, so that a client which cached the key set of an earlier `sante-mock` process
/// sees an unknown `kid` (and refetches) rather than a signature that fails.
///
/// The public ``keySet`` is served where Pro Santé Connect (Keycloak) serves its JWKS:
/// `GET /psc/auth/realms/esante-wallet/protocol/openid-connect/certs`.
public struct MockSigningKeys: Sendable {
    /// The prefix of the RSA key's `kid`.
    public static let rsaKeyIDPrefix = "santekit-mock-rs256-"
    /// The prefix of the P-256 key's `kid`.
    public static let ellipticCurveKeyIDPrefix = "santekit-mock-es256-"

    /// The RSA 2048 private key (RS256). TEST-ONLY.
    public let rsa: JWSSigningKey
    /// The P-256 private key (ES256). TEST-ONLY.
    public let ellipticCurve: JWSSigningKey
    /// The public JWK set of both keys (`kid`, `use: "sig"`, `alg`), RSA first.
    public let keySet: JWKSet
    /// The public keys, ready for a `JWSVerifier`, each bound to its one algorithm (RS256, ES256).
    public let verificationKeys: [JWSVerificationKey]

    private init(rsa: JWSSigningKey, ellipticCurve: JWSSigningKey) throws(JOSEError) {
        self.rsa = rsa
        self.ellipticCurve = ellipticCurve
        self.keySet = JWKSet(keys: [
            try rsa.publicJWK(algorithm: .rs256), try ellipticCurve.publicJWK(algorithm: .es256),
        ])
        var rsaPublic = rsa.verificationKey
        rsaPublic.algorithm = .rs256
        var ellipticCurvePublic = ellipticCurve.verificationKey
        ellipticCurvePublic.algorithm = .es256
        self.verificationKeys = [rsaPublic, ellipticCurvePublic]
    }

    /// The keys of this process, generated on the first call and cached for the life of the process.
    ///
    /// The first call takes the time of an RSA 2048 generation; later calls return at once. Safe to call
    /// from any thread or task.
    /// - Returns: The process's keys.
    /// - Throws: ``SanteCore/JOSEError`` with ``SanteCore/JOSEError/Reason/cryptoFailure`` when the crypto library
    ///   could not generate them (the failure is cached too).
    public static func shared() throws(JOSEError) -> MockSigningKeys {
        try cached.get()
    }

    /// Generated once per process: Swift initialises a global or static `let` lazily and exactly once,
    /// even when several threads ask at the same time.
    private static let cached: Result<MockSigningKeys, JOSEError> = {
        do throws(JOSEError) {
            return .success(try generate())
        } catch {
            return .failure(error)
        }
    }()

    /// Generates fresh keys with a new random `kid` suffix, unrelated to ``shared()``.
    ///
    /// This is what a platform's key rotation uses (``MockPSCProvider/rotateSigningKeys()``). It takes the
    /// time of an RSA 2048 generation; ``MockPlatform/start(_:)`` never calls it.
    /// - Returns: The new keys.
    /// - Throws: ``SanteCore/JOSEError`` with ``SanteCore/JOSEError/Reason/cryptoFailure`` when the crypto
    ///   library could not generate them.
    public static func generate() throws(JOSEError) -> MockSigningKeys {
        let suffix = randomKeyIDSuffix()
        let rsa = try JWSSigningKey.generateRSA(bits: 2048, keyID: rsaKeyIDPrefix + suffix)
        let ellipticCurve = JWSSigningKey.generateP256(keyID: ellipticCurveKeyIDPrefix + suffix)
        return try MockSigningKeys(rsa: rsa, ellipticCurve: ellipticCurve)
    }

    /// The `kid` of ``rsa``.
    public var rsaKeyID: String { rsa.keyID ?? "" }

    /// The `kid` of ``ellipticCurve``.
    public var ellipticCurveKeyID: String { ellipticCurve.keyID ?? "" }

    /// Eight random lower-case hexadecimal digits (not a secret: it only tells processes apart).
    private static func randomKeyIDSuffix() -> String {
        let value = UInt32.random(in: .min ... .max)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
