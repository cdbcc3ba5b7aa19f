import Foundation
public import HTTPTypes
public import SanteCore

/// The one error the Notify client throws.
///
/// Compare ``reason`` (or ``code``), never ``message``. When Notify answered with its error body, it is
/// decoded in ``apiError``. The two 429s are told apart: ``Reason/rateLimited`` (`RateLimitError`, more
/// than 3,000 requests in 60 s: slow down) and ``Reason/dailyLimitExceeded`` (`TooManyRequestsError`, the
/// daily sending limit: wait until midnight UTC).
///
/// ```swift
/// do {
///     _ = try await notify.sendSMS(message)
/// } catch let error as NotifyError where error.reason == .rateLimited {
///     // back off
/// }
/// ```
public struct NotifyError: SanteError {
    /// Why a Notify operation failed: a stable string constant.
    ///
    /// New reasons may be added in minor releases; keep a default branch.
    public struct Reason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The reason's stable string form, such as `"rate_limited"`.
        public let rawValue: String

        /// Creates a reason from its string form.
        /// - Parameter rawValue: The string form.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The reason's string form.
        public var description: String { rawValue }

        /// The API key is not `{name}-{service id}-{secret}` with two UUIDs.
        public static let invalidAPIKey = Reason(rawValue: "invalid_api_key")
        /// The caller's input was refused before anything was sent (an empty id, a file over 2 MB…).
        public static let invalidInput = Reason(rawValue: "invalid_input")
        /// 400 `BadRequestError` (a missing personalisation, an unknown template…).
        public static let badRequest = Reason(rawValue: "bad_request")
        /// 400 `ValidationError` (an invalid phone number or e-mail address, a schema error).
        public static let validationFailed = Reason(rawValue: "validation_failed")
        /// 401 or 403: a missing, invalid or unknown key, or a clock more than 30 s off.
        public static let authentication = Reason(rawValue: "authentication")
        /// 404: no such notification or template.
        public static let notFound = Reason(rawValue: "not_found")
        /// 429 `RateLimitError`: too many requests in the rolling minute.
        public static let rateLimited = Reason(rawValue: "rate_limited")
        /// 429 `TooManyRequestsError`: the daily sending limit is reached.
        public static let dailyLimitExceeded = Reason(rawValue: "daily_limit_exceeded")
        /// A 5xx status.
        public static let serverError = Reason(rawValue: "server_error")
        /// Another unsuccessful status.
        public static let unexpectedStatus = Reason(rawValue: "unexpected_status")
        /// The request could not be carried, or no response came back (see ``NotifyError/requestWasSent``).
        public static let transport = Reason(rawValue: "transport")
        /// The request took longer than allowed.
        public static let timeout = Reason(rawValue: "timeout")
        /// The task was cancelled.
        public static let cancelled = Reason(rawValue: "cancelled")
        /// A response body did not decode.
        public static let decoding = Reason(rawValue: "decoding")
        /// The client's configuration cannot work.
        public static let configuration = Reason(rawValue: "configuration")

        /// The SanteKit code for this reason.
        public var code: SanteErrorCode {
            switch self {
            case .invalidAPIKey, .configuration: .configuration
            case .invalidInput: .validation
            case .transport: .transport
            case .timeout: .timeout
            case .cancelled: .cancelled
            case .decoding: .decoding
            default: .httpStatus
            }
        }

        /// The reason for an unsuccessful status and its error body.
        /// - Parameters:
        ///   - status: The HTTP status.
        ///   - body: The decoded error body, if any.
        /// - Returns: The matching reason.
        public static func forStatus(_ status: Int, body: NotifyAPIErrorBody?) -> Reason {
            switch status {
            case 400: body?.contains("ValidationError") == true ? .validationFailed : .badRequest
            case 401, 403: .authentication
            case 404: .notFound
            case 429: body?.contains("TooManyRequestsError") == true ? .dailyLimitExceeded : .rateLimited
            case 500...599: .serverError
            default: .unexpectedStatus
            }
        }
    }

    /// Why the operation failed.
    public var reason: Reason
    /// A readable explanation, free of secrets (the API key and tokens are never included).
    public var message: String
    /// The operation that failed, such as `"notify.sendSMS"`.
    public var operation: String?
    /// The HTTP status, when a response was received.
    public var httpStatus: Int?
    /// The request's URL, redacted, when known.
    public var url: String?
    /// The response header fields, when a response was received.
    public var responseHeaders: HTTPFields
    /// Notify's error body, decoded.
    public var apiError: NotifyAPIErrorBody?
    /// Whether the request reached Notify: `false` when it certainly did not, `true` when it certainly
    /// did, `nil` when unknown (a connection lost mid-way). For a send, `nil` means the message may have
    /// been accepted: look it up by reference before sending it again.
    public var requestWasSent: Bool?
    /// Whether trying again later may succeed.
    public var isRetryable: Bool
    /// The lower-level error, if any.
    public var underlyingError: (any Error)?

    /// Creates an error.
    /// - Parameters:
    ///   - reason: Why the operation failed.
    ///   - message: A readable explanation without secrets.
    ///   - operation: The operation.
    ///   - httpStatus: The HTTP status.
    ///   - url: The redacted URL.
    ///   - responseHeaders: The response header fields.
    ///   - apiError: Notify's error body.
    ///   - requestWasSent: Whether the request reached Notify, when known.
    ///   - isRetryable: Whether trying again may succeed; `nil` derives it from the reason.
    ///   - underlyingError: The lower-level error.
    public init(
        _ reason: Reason,
        _ message: String,
        operation: String? = nil,
        httpStatus: Int? = nil,
        url: String? = nil,
        responseHeaders: HTTPFields = [:],
        apiError: NotifyAPIErrorBody? = nil,
        requestWasSent: Bool? = nil,
        isRetryable: Bool? = nil,
        underlyingError: (any Error)? = nil
    ) {
        self.reason = reason
        self.message = message
        self.operation = operation
        self.httpStatus = httpStatus
        self.url = url
        self.responseHeaders = responseHeaders
        self.apiError = apiError
        self.requestWasSent = requestWasSent
        self.underlyingError = underlyingError
        self.isRetryable =
            isRetryable
            ?? [.rateLimited, .serverError, .transport, .timeout].contains(reason)
    }

    /// The stable SanteKit code of the ``reason``.
    public var code: SanteErrorCode { reason.code }

    /// The error classes Notify listed, such as `["RateLimitError"]`.
    public var serverErrorClasses: [String] { apiError?.errors.map(\.error) ?? [] }

    /// Notify's first message, when its error body had one.
    public var serverMessage: String? { apiError?.errors.first?.message }

    /// Whether this is one of the two 429s (per-minute or daily).
    public var isRateLimit: Bool { reason == .rateLimited || reason == .dailyLimitExceeded }

    /// A one-line summary: reason, operation, URL, status and message; never a key or a token, and never the
    /// server's message (Notify echoes the offending value: a phone number, an address, personalisation), which
    /// stays in ``serverMessage`` for code that decides where it may go.
    public var description: String {
        var parts = ["NotifyError[\(reason.rawValue)]"]
        if let operation { parts.append(operation) }
        if let url { parts.append(url) }
        if let httpStatus { parts.append("HTTP \(httpStatus)") }
        return parts.joined(separator: " ") + ": " + message
    }
}
