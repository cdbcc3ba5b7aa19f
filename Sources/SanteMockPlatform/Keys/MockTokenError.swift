public import SanteCore

/// A failure while minting a test token or while authenticating a bearer token inside the mock.
///
/// Match on ``reason``, never on ``message``.
public struct MockTokenError: SanteError {
    /// Why minting or verification failed: a stable string constant.
    public struct Reason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The reason's stable string form, such as `"unknown_patient"`.
        public let rawValue: String

        /// Creates a reason from its string form.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The reason's string form.
        public var description: String { rawValue }

        // MARK: Minting (code: validation) and set-up (code: configuration)

        /// The INS is not one of the seeded test patients (``MockIdentities/patients``).
        public static let unknownPatient = Reason(rawValue: "unknown_patient")
        /// The lifetime is not a whole number of seconds between 1 and ``MockPatientToken/maximumLifetime``.
        public static let invalidLifetime = Reason(rawValue: "invalid_lifetime")
        /// The mock cannot mint or verify tokens: its keys could not be generated, signing failed inside the
        /// crypto library, or the server's address (hence the issuer) is not known yet.
        public static let unavailable = Reason(rawValue: "unavailable")

        // MARK: Verification (code: verification)

        /// No bearer token was presented (no `Authorization` header, or not the `Bearer` scheme).
        public static let missingToken = Reason(rawValue: "missing_token")
        /// The token is malformed, uses an algorithm other than ES256 or RS256, or its signature fails.
        public static let invalidToken = Reason(rawValue: "invalid_token")
        /// The `iss` claim is not the platform's issuer.
        public static let wrongIssuer = Reason(rawValue: "wrong_issuer")
        /// The `aud` claim does not contain the audience the token kind requires.
        public static let wrongAudience = Reason(rawValue: "wrong_audience")
        /// The `exp` claim is past on the platform clock, or a time claim is unusable.
        public static let expired = Reason(rawValue: "expired")
        /// The `token_use` claim is absent or names a kind of token the mock does not accept.
        public static let unsupportedTokenUse = Reason(rawValue: "unsupported_token_use")
        /// A claim the token kind needs (such as `ins`) is absent or not a string.
        public static let missingClaim = Reason(rawValue: "missing_claim")
        /// The access token was revoked on the platform (revocation endpoint, logout, or a reused code).
        public static let revoked = Reason(rawValue: "revoked")

        /// The ``SanteCore/SanteErrorCode`` this reason maps to.
        public var code: SanteErrorCode {
            switch self {
            case .unknownPatient, .unknownProfessional, .invalidLifetime: .validation
            case .unavailable: .configuration
            default: .verification
            }
        }
    }

    /// Why the operation failed.
    public let reason: Reason
    /// A readable explanation. It never contains a token or key material.
    public let message: String
    /// The operation that failed: `"mock.tokens.mint"` or `"mock.tokens.verify"`.
    public let operation: String?
    /// The lower-level error, such as the `JOSEError` of a failed signature.
    public let underlyingError: (any Error)?

    /// Creates an error.
    /// - Parameters:
    ///   - reason: Why the operation failed.
    ///   - message: A readable explanation without secrets.
    ///   - operation: The operation that failed.
    ///   - underlyingError: The lower-level cause, if any.
    public init(_ reason: Reason, _ message: String, operation: String?, underlyingError: (any Error)? = nil) {
        self.reason = reason
        self.message = message
        self.operation = operation
        self.underlyingError = underlyingError
    }

    /// The stable error code, derived from ``reason``.
    public var code: SanteErrorCode { reason.code }

    /// Always `nil`: the mock raises these errors itself.
    public var httpStatus: Int? { nil }

    /// `operation: message [reason]`, followed by the underlying error when there is one.
    public var description: String {
        var text = (operation.map { "\($0): " } ?? "") + "\(message) [\(reason)]"
        if let underlyingError {
            text += " (\(underlyingError))"
        }
        return text
    }
}
