public import SanteCore

/// Why an inbound webhook, or a webhook secret, was refused.
///
/// Compare ``reason`` (or ``code``), never ``message``. A receiver usually answers `400` or `401` for
/// every reason except ``Reason/replayed``, which deserves a `2xx` (the message was already handled).
///
/// ```swift
/// do {
///     let message = try await verifier.verify(headers: request.headerFields, body: bytes)
/// } catch let error where error.reason == .replayed {
///     // already processed: answer 204
/// }
/// ```
public struct WebhookError: SanteError {
    /// Why a webhook was refused: a stable string constant.
    ///
    /// New reasons may be added in minor releases; keep a default branch.
    public struct Reason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The reason's stable string form, such as `"timestamp_too_old"`.
        public let rawValue: String

        /// Creates a reason from its string form.
        /// - Parameter rawValue: The string form.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The reason's string form.
        public var description: String { rawValue }

        /// A required header (`webhook-id`, `webhook-timestamp`, `webhook-signature` or their `svix-`
        /// forms, or `Authorization` for a bearer callback) is absent.
        public static let missingHeader = Reason(rawValue: "missing_header")
        /// A header is present but cannot be read (a non-integer timestamp, an id containing `.`, no
        /// `version,signature` entry at all).
        public static let malformedHeader = Reason(rawValue: "malformed_header")
        /// The timestamp is older than the tolerance window allows.
        public static let timestampTooOld = Reason(rawValue: "timestamp_too_old")
        /// The timestamp is further in the future than the tolerance window allows.
        public static let timestampTooNew = Reason(rawValue: "timestamp_too_new")
        /// No `v1` signature of the header matches the body under any configured secret.
        public static let noMatchingSignature = Reason(rawValue: "no_matching_signature")
        /// The message id was already accepted within the tolerance window.
        public static let replayed = Reason(rawValue: "replayed")
        /// The bearer token of a Notify-style callback does not match.
        public static let invalidBearerToken = Reason(rawValue: "invalid_bearer_token")
        /// A webhook secret is not `whsec_` + base64 of 24 to 64 bytes.
        public static let invalidSecret = Reason(rawValue: "invalid_secret")
        /// The verified body is not the expected JSON (`{"type", "timestamp", "data"}` or a delivery receipt).
        public static let invalidPayload = Reason(rawValue: "invalid_payload")
        /// The replay store failed.
        public static let replayStoreFailure = Reason(rawValue: "replay_store_failure")
        /// The receiver has neither a signature verifier nor a bearer token.
        public static let invalidConfiguration = Reason(rawValue: "invalid_configuration")

        /// The SanteKit code of this reason.
        public var code: SanteErrorCode {
            switch self {
            case .invalidPayload: .decoding
            case .invalidSecret, .invalidConfiguration, .replayStoreFailure: .configuration
            case .missingHeader, .malformedHeader: .validation
            default: .verification
            }
        }
    }

    /// Why the webhook was refused.
    public var reason: Reason
    /// A readable explanation; it never contains a secret, a signature or the body.
    public var message: String
    /// The operation, such as `"webhook.verify"`.
    public var operation: String?
    /// The lower-level error, if any.
    public var underlyingError: (any Error)?

    /// Creates an error.
    /// - Parameters:
    ///   - reason: Why the webhook was refused.
    ///   - message: A readable explanation without secrets.
    ///   - operation: The operation.
    ///   - underlyingError: The lower-level error.
    public init(
        _ reason: Reason, _ message: String, operation: String? = "webhook.verify", underlyingError: (any Error)? = nil
    ) {
        self.reason = reason
        self.message = message
        self.operation = operation
        self.underlyingError = underlyingError
    }

    /// The stable SanteKit code of the ``reason``.
    public var code: SanteErrorCode { reason.code }

    /// Always `nil`: a webhook failure is found by the receiver, not answered by a server.
    public var httpStatus: Int? { nil }

    /// `WebhookError[reason] operation: message`.
    public var description: String {
        "WebhookError[\(reason.rawValue)]" + (operation.map { " \($0)" } ?? "") + ": " + message
    }
}
