/// A failure while encoding, parsing, signing or verifying JOSE objects (base64url, JWK, JWS, JWT).
///
/// Match on ``reason`` (a stable, extensible set of constants), never on ``message``:
///
/// ```swift
/// do {
///     let verified = try verifier.verify(token)
/// } catch let error where error.reason == .unknownKeyID {
///     // refetch the JWKS once, then verify again
/// }
/// ```
///
/// The ``code`` is ``SanteErrorCode/decoding`` for malformed input (compact form, base64url, JSON,
/// key material) and ``SanteErrorCode/verification`` for signature, algorithm, key-selection and
/// time-claim failures.
public struct JOSEError: SanteError {
    /// Why a JOSE operation failed: a stable string constant that tests and callers can match exactly.
    public struct Reason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The reason's stable string form, such as `"unknown_key_id"`.
        public let rawValue: String

        /// Creates a reason from its string form.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The reason's string form.
        public var description: String { rawValue }

        // MARK: Malformed input (code: decoding)

        /// The compact serialization does not have exactly three dot-separated parts.
        public static let malformedCompactSerialization = Reason(rawValue: "malformed_compact_serialization")
        /// A part that must be base64url is not valid unpadded base64url.
        public static let invalidBase64URL = Reason(rawValue: "invalid_base64url")
        /// The protected header is not a JSON object, or a registered member has the wrong type.
        public static let invalidHeader = Reason(rawValue: "invalid_header")
        /// The payload is not the JSON the caller asked for.
        public static let invalidPayload = Reason(rawValue: "invalid_payload")
        /// A JWK, JWK set, PEM or DER document is malformed, or its key material is unusable.
        public static let invalidKey = Reason(rawValue: "invalid_key")
        /// The key type (`kty`) is not supported (only `RSA`, `EC` and `oct` are).
        public static let unsupportedKeyType = Reason(rawValue: "unsupported_key_type")
        /// The elliptic curve (`crv`) is not supported (only `P-256` is).
        public static let unsupportedCurve = Reason(rawValue: "unsupported_curve")

        // MARK: Verification failures (code: verification)

        /// The algorithm is `none`: unsecured JWS objects are always refused.
        public static let unsecuredAlgorithm = Reason(rawValue: "unsecured_algorithm")
        /// The token's algorithm is not in the allow-list chosen by the caller.
        public static let algorithmNotAllowed = Reason(rawValue: "algorithm_not_allowed")
        /// The algorithm is not implemented (only RS256, PS256, ES256 and HS256 are).
        public static let unsupportedAlgorithm = Reason(rawValue: "unsupported_algorithm")
        /// The selected key cannot be used with the algorithm (for example an RSA key for HS256).
        public static let keyAlgorithmMismatch = Reason(rawValue: "key_algorithm_mismatch")
        /// The header names a `kid` that no configured key has; refetching the key set may help.
        public static let unknownKeyID = Reason(rawValue: "unknown_key_id")
        /// The header names no `kid` and several configured keys could verify the token.
        public static let ambiguousKey = Reason(rawValue: "ambiguous_key")
        /// No configured key can verify a token with this algorithm.
        public static let noMatchingKey = Reason(rawValue: "no_matching_key")
        /// The signature does not verify.
        public static let invalidSignature = Reason(rawValue: "invalid_signature")
        /// The header lists in `crit` an extension this verifier does not understand.
        public static let unsupportedCriticalHeader = Reason(rawValue: "unsupported_critical_header")
        /// The `exp` claim is in the past (beyond the leeway).
        public static let expired = Reason(rawValue: "expired")
        /// The `nbf` claim is in the future (beyond the leeway).
        public static let notYetValid = Reason(rawValue: "not_yet_valid")
        /// The `iat` claim is in the future (beyond the leeway).
        public static let issuedInFuture = Reason(rawValue: "issued_in_future")
        /// The `iat` claim is older than the maximum age allowed (beyond the leeway).
        public static let issuedTooLongAgo = Reason(rawValue: "issued_too_long_ago")
        /// A claim that the check requires is absent.
        public static let missingRequiredClaim = Reason(rawValue: "missing_required_claim")

        // MARK: Local problems (code: configuration or validation)

        /// The key is too weak for the algorithm (for example an HMAC secret shorter than the hash).
        public static let weakKey = Reason(rawValue: "weak_key")
        /// Key generation or signing failed inside the crypto library.
        public static let cryptoFailure = Reason(rawValue: "crypto_failure")
        /// A value could not be encoded as JSON.
        public static let encodingFailed = Reason(rawValue: "encoding_failed")
        /// A public JWK was asked for a key that has no public half (an HMAC secret).
        public static let notExportable = Reason(rawValue: "not_exportable")

        /// The ``SanteErrorCode`` this reason maps to.
        public var code: SanteErrorCode {
            switch self {
            case .malformedCompactSerialization, .invalidBase64URL, .invalidHeader, .invalidPayload, .invalidKey,
                .unsupportedKeyType, .unsupportedCurve:
                .decoding
            case .weakKey, .cryptoFailure, .notExportable:
                .configuration
            case .encodingFailed:
                .validation
            default:
                .verification
            }
        }
    }

    /// Why the operation failed.
    public let reason: Reason
    /// A readable explanation for logs. It never contains a token, a secret or key material.
    public let message: String
    /// The `kid` involved, when the failure concerns one key (for example ``Reason/unknownKeyID``).
    public let keyID: String?
    /// The operation that failed, such as `"jose.verify"`.
    public let operation: String?
    /// The lower-level error that caused this one, if any.
    public let underlyingError: (any Error)?

    /// Creates an error.
    /// - Parameters:
    ///   - reason: Why the operation failed.
    ///   - message: A readable explanation without secrets.
    ///   - keyID: The `kid` involved, if any.
    ///   - operation: The operation that failed, such as `"jose.verify"`.
    ///   - underlyingError: The lower-level cause, if any.
    public init(
        _ reason: Reason,
        _ message: String,
        keyID: String? = nil,
        operation: String? = nil,
        underlyingError: (any Error)? = nil
    ) {
        self.reason = reason
        self.message = message
        self.keyID = keyID
        self.operation = operation
        self.underlyingError = underlyingError
    }

    /// The stable code derived from ``reason``.
    public var code: SanteErrorCode { reason.code }

    /// Always `nil`: JOSE work involves no HTTP exchange.
    public var httpStatus: Int? { nil }

    /// `operation: reason: message`.
    public var description: String {
        var text = operation.map { "\($0): " } ?? ""
        text += "\(reason): \(message)"
        if let keyID { text += " (kid \"\(keyID)\")" }
        return text
    }

    /// A copy of this error attributed to `operation`, unless it already names one.
    func attributed(to operation: String) -> JOSEError {
        guard self.operation == nil else { return self }
        return JOSEError(reason, message, keyID: keyID, operation: operation, underlyingError: underlyingError)
    }
}
