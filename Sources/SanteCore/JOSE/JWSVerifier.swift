/// Verifies compact JWS objects against keys and an allow-list of algorithms chosen by the caller.
///
/// The rules, in order:
/// 1. `none` (in any letter case) is always refused, even if listed in ``allowedAlgorithms``.
/// 2. The header's `alg` must be in ``allowedAlgorithms``; the token never chooses the algorithm.
/// 3. Every `crit` extension must be in ``understoodCriticalHeaders``.
/// 4. Key selection:
///    - a `kid` that some key has → those keys, which must suit the algorithm
///      (otherwise ``JOSEError/Reason/keyAlgorithmMismatch``);
///    - a `kid` that no key has → the keys without a `kid` that suit the algorithm (exactly one is
///      needed), otherwise ``JOSEError/Reason/unknownKeyID``, so that the caller can refetch the key set
///      once;
///    - no `kid` → the keys that suit the algorithm: none is ``JOSEError/Reason/noMatchingKey``, several is
///      ``JOSEError/Reason/ambiguousKey``.
/// 5. A key suits an algorithm only if its material is of the algorithm's family (an RSA public key is
///    never an HMAC secret) and its bound ``JWSVerificationKey/algorithm``, if any, is that algorithm.
///
/// ```swift
/// let verifier = JWSVerifier(allowedAlgorithms: [.rs256], keySet: jwks)
/// let verified = try verifier.verify(idToken)
/// let claims = try verified.claims()
/// ```
public struct JWSVerifier: Sendable {
    /// The algorithms accepted; `none` is refused even if present.
    public let allowedAlgorithms: Set<JWSAlgorithm>
    /// The candidate keys.
    public let keys: [JWSVerificationKey]
    /// The `crit` extension names this caller understands and checks itself.
    public let understoodCriticalHeaders: Set<String>

    /// Creates a verifier.
    /// - Parameters:
    ///   - allowedAlgorithms: The algorithms to accept, chosen by the caller.
    ///   - keys: The candidate keys.
    ///   - understoodCriticalHeaders: The `crit` extensions the caller understands; empty by default.
    public init(
        allowedAlgorithms: Set<JWSAlgorithm>,
        keys: [JWSVerificationKey],
        understoodCriticalHeaders: Set<String> = []
    ) {
        self.allowedAlgorithms = allowedAlgorithms
        self.keys = keys
        self.understoodCriticalHeaders = understoodCriticalHeaders
    }

    /// Creates a verifier over the usable signature keys of a JWK set (see ``JWKSet/verificationKeys()``).
    /// - Parameters:
    ///   - allowedAlgorithms: The algorithms to accept, chosen by the caller.
    ///   - keySet: The JWK set, for example from the provider's `jwks_uri`.
    ///   - understoodCriticalHeaders: The `crit` extensions the caller understands; empty by default.
    public init(
        allowedAlgorithms: Set<JWSAlgorithm>,
        keySet: JWKSet,
        understoodCriticalHeaders: Set<String> = []
    ) {
        self.init(
            allowedAlgorithms: allowedAlgorithms, keys: keySet.verificationKeys(),
            understoodCriticalHeaders: understoodCriticalHeaders)
    }

    /// Parses and verifies a compact JWS.
    /// - Parameter compactSerialization: The token, `header.payload.signature`.
    /// - Returns: The verified JWS and the key that verified it.
    /// - Throws: ``JOSEError``: a decoding reason for malformed input, otherwise a verification reason
    ///   (see the rules above, and ``JOSEError/Reason/invalidSignature``).
    public func verify(_ compactSerialization: some StringProtocol) throws(JOSEError) -> VerifiedJWS {
        try verify(JWS.parseUnverified(compactSerialization))
    }

    /// Verifies an already parsed JWS.
    /// - Parameter token: The parsed token.
    /// - Returns: The verified JWS and the key that verified it.
    /// - Throws: ``JOSEError`` with a verification reason (see the rules above).
    public func verify(_ token: JWS) throws(JOSEError) -> VerifiedJWS {
        let header = token.header
        let algorithm = header.algorithm
        guard !algorithm.isUnsecured else {
            throw failure(.unsecuredAlgorithm, "unsecured JWS (alg \"\(algorithm)\") refused", header)
        }
        guard allowedAlgorithms.contains(algorithm) else {
            throw failure(.algorithmNotAllowed, "algorithm \"\(algorithm)\" is not allowed", header)
        }
        guard algorithm.isSupported else {
            throw failure(.unsupportedAlgorithm, "algorithm \"\(algorithm)\" is not supported", header)
        }
        try checkCritical(header)
        let signingInput = token.signingInput
        let candidates = try candidateKeys(for: header)
        for key in candidates where key.isValidSignature(token.signature, for: signingInput, algorithm: algorithm) {
            return VerifiedJWS(token: token, key: key)
        }
        if candidates.allSatisfy(\.isWeakHMACSecret) {
            throw failure(.weakKey, "the HMAC secret is shorter than 32 bytes, which HS256 forbids", header)
        }
        throw failure(.invalidSignature, "the \(algorithm) signature does not verify", header)
    }

    private static let registeredHeaderNames: Set<String> = [
        "alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit",
    ]

    private func checkCritical(_ header: JWSHeader) throws(JOSEError) {
        for name in header.critical ?? [] {
            if Self.registeredHeaderNames.contains(name) {
                throw failure(.invalidHeader, "\"crit\" lists the registered member \"\(name)\"", header)
            }
            guard understoodCriticalHeaders.contains(name) else {
                throw failure(.unsupportedCriticalHeader, "critical extension \"\(name)\" is not understood", header)
            }
            guard header[member: name] != nil else {
                throw failure(.invalidHeader, "\"crit\" lists \"\(name)\", which the header lacks", header)
            }
        }
    }

    private func candidateKeys(for header: JWSHeader) throws(JOSEError) -> [JWSVerificationKey] {
        let algorithm = header.algorithm
        let suitable = keys.filter { $0.canVerify(algorithm) }
        if let keyID = header.keyID {
            let named = keys.filter { $0.keyID == keyID }
            if !named.isEmpty {
                let usable = named.filter { $0.canVerify(algorithm) }
                guard !usable.isEmpty else {
                    throw failure(.keyAlgorithmMismatch, "the key with this kid cannot verify \(algorithm)", header)
                }
                return usable
            }
            let anonymous = suitable.filter { $0.keyID == nil }
            guard !anonymous.isEmpty else {
                throw failure(.unknownKeyID, "no key has this kid", header)
            }
            guard anonymous.count == 1 else {
                throw failure(.ambiguousKey, "\(anonymous.count) keys without kid could verify \(algorithm)", header)
            }
            return anonymous
        }
        guard !suitable.isEmpty else {
            throw failure(.noMatchingKey, "no key can verify \(algorithm)", header)
        }
        guard suitable.count == 1 else {
            throw failure(.ambiguousKey, "no kid and \(suitable.count) keys could verify \(algorithm)", header)
        }
        return suitable
    }

    private func failure(_ reason: JOSEError.Reason, _ message: String, _ header: JWSHeader) -> JOSEError {
        JOSEError(reason, message, keyID: header.keyID, operation: "jose.verify")
    }
}
