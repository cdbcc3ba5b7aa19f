import Foundation
public import HTTPTypes
public import SanteCore

/// The one error the FHIR subscription client and the notification parser throw.
///
/// Compare ``reason`` (or ``code``), never ``message``. A FHIR server's `OperationOutcome` is decoded in
/// ``operationOutcome``.
public struct SubscriptionError: SanteError {
    /// Why a subscription operation failed: a stable string constant.
    ///
    /// New reasons may be added in minor releases; keep a default branch.
    public struct Reason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The reason's stable string form, such as `"not_found"`.
        public let rawValue: String

        /// Creates a reason from its string form.
        /// - Parameter rawValue: The string form.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The reason's string form.
        public var description: String { rawValue }

        /// The input was refused before anything was sent (no endpoint, an empty id…).
        public static let invalidInput = Reason(rawValue: "invalid_input")
        /// 400 or 422: the server refused the subscription.
        public static let badRequest = Reason(rawValue: "bad_request")
        /// 401: no valid access token.
        public static let unauthorized = Reason(rawValue: "unauthorized")
        /// 403: the token may not act on this patient or subscription.
        public static let forbidden = Reason(rawValue: "forbidden")
        /// 404 or 410: no such subscription.
        public static let notFound = Reason(rawValue: "not_found")
        /// 429: too many requests.
        public static let rateLimited = Reason(rawValue: "rate_limited")
        /// A 5xx status.
        public static let serverError = Reason(rawValue: "server_error")
        /// Another unsuccessful status.
        public static let unexpectedStatus = Reason(rawValue: "unexpected_status")
        /// The request could not be carried.
        public static let transport = Reason(rawValue: "transport")
        /// The request took longer than allowed.
        public static let timeout = Reason(rawValue: "timeout")
        /// The task was cancelled.
        public static let cancelled = Reason(rawValue: "cancelled")
        /// A response did not decode.
        public static let decoding = Reason(rawValue: "decoding")
        /// A notification Bundle does not follow the backport (no status Parameters first, a bad type…).
        public static let invalidNotification = Reason(rawValue: "invalid_notification")
        /// The client's configuration cannot work.
        public static let configuration = Reason(rawValue: "configuration")

        /// The SanteKit code for this reason.
        public var code: SanteErrorCode {
            switch self {
            case .invalidInput: .validation
            case .transport: .transport
            case .timeout: .timeout
            case .cancelled: .cancelled
            case .decoding, .invalidNotification: .decoding
            case .configuration: .configuration
            default: .httpStatus
            }
        }

        /// The reason for an unsuccessful status.
        /// - Parameter status: The status.
        /// - Returns: The matching reason.
        public static func forStatus(_ status: Int) -> Reason {
            switch status {
            case 400, 422: .badRequest
            case 401: .unauthorized
            case 403: .forbidden
            case 404, 410: .notFound
            case 429: .rateLimited
            case 500...599: .serverError
            default: .unexpectedStatus
            }
        }
    }

    /// Why the operation failed.
    public var reason: Reason
    /// A readable explanation without secrets or health data.
    public var message: String
    /// The operation, such as `"subscription.create"`.
    public var operation: String?
    /// The HTTP status, when a response was received.
    public var httpStatus: Int?
    /// The redacted URL, when known.
    public var url: String?
    /// The response header fields, when a response was received.
    public var responseHeaders: HTTPFields
    /// The server's `OperationOutcome`, when it sent one.
    public var operationOutcome: FHIROperationOutcome?
    /// Whether trying again later may succeed.
    public var isRetryable: Bool
    /// The lower-level error, if any.
    public var underlyingError: (any Error)?

    /// Creates an error.
    /// - Parameters:
    ///   - reason: Why the operation failed.
    ///   - message: A readable explanation.
    ///   - operation: The operation.
    ///   - httpStatus: The HTTP status.
    ///   - url: The redacted URL.
    ///   - responseHeaders: The response header fields.
    ///   - operationOutcome: The server's `OperationOutcome`.
    ///   - isRetryable: Whether trying again may succeed; `nil` derives it from the reason.
    ///   - underlyingError: The lower-level error.
    public init(
        _ reason: Reason,
        _ message: String,
        operation: String? = nil,
        httpStatus: Int? = nil,
        url: String? = nil,
        responseHeaders: HTTPFields = [:],
        operationOutcome: FHIROperationOutcome? = nil,
        isRetryable: Bool? = nil,
        underlyingError: (any Error)? = nil
    ) {
        self.reason = reason
        self.message = message
        self.operation = operation
        self.httpStatus = httpStatus
        self.url = url
        self.responseHeaders = responseHeaders
        self.operationOutcome = operationOutcome
        self.underlyingError = underlyingError
        self.isRetryable = isRetryable ?? [.rateLimited, .serverError, .transport, .timeout].contains(reason)
    }

    /// The stable SanteKit code of the ``reason``.
    public var code: SanteErrorCode { reason.code }

    /// A one-line summary: reason, operation, URL, status and message. The server's `OperationOutcome` is left
    /// out (its diagnostics may quote a patient identifier or a filter); read it from ``operationOutcome``.
    public var description: String {
        var parts = ["SubscriptionError[\(reason.rawValue)]"]
        if let operation { parts.append(operation) }
        if let url { parts.append(url) }
        if let httpStatus { parts.append("HTTP \(httpStatus)") }
        return parts.joined(separator: " ") + ": " + message
    }
}
