public import SanteCore

extension DMPError {
    /// Why a DMP operation failed: an extensible set of stable string constants.
    public struct Reason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The stable string form, such as `"not_found"`.
        public let rawValue: String
        /// Creates a reason from its string form.
        /// - Parameter rawValue: The stable string form.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The stable string form.
        public var description: String { rawValue }

        /// The input was refused before anything was sent: see ``DMPError/validationIssues``.
        public static let validationFailed = Reason(rawValue: "validation_failed")
        /// The patient's identity is not qualified (`QUAL`), or its INS is invalid: nothing was sent.
        public static let unqualifiedIdentity = Reason(rawValue: "unqualified_identity")
        /// 400: the server refused the request (unparseable, missing search parameter).
        public static let badRequest = Reason(rawValue: "bad_request")
        /// 401: the access token is missing, invalid or expired.
        public static let unauthorized = Reason(rawValue: "unauthorized")
        /// 403: the caller may not do this (not the author, not the patient).
        public static let forbidden = Reason(rawValue: "forbidden")
        /// 404: no such document, or it is hidden from the caller.
        public static let notFound = Reason(rawValue: "not_found")
        /// 405: the update would change an element that may not change.
        public static let notModifiable = Reason(rawValue: "not_modifiable")
        /// 409: the DMP already stores a document with this unique id (see
        /// ``DMPError/existingDocumentID``).
        public static let duplicateDocument = Reason(rawValue: "duplicate_document")
        /// 409: the request conflicts with the document's state (such as replacing a superseded document).
        public static let conflict = Reason(rawValue: "conflict")
        /// 410: the document was deleted.
        public static let gone = Reason(rawValue: "gone")
        /// 412: the document changed since it was read (`If-Match`), or the conditional update matched
        /// several documents.
        public static let preconditionFailed = Reason(rawValue: "precondition_failed")
        /// 413: the content is larger than the server accepts.
        public static let payloadTooLarge = Reason(rawValue: "payload_too_large")
        /// 422: the server refused the metadata (a required field, an invalid INS key, a hash mismatch).
        public static let unprocessable = Reason(rawValue: "unprocessable")
        /// 429: too many requests (after the retry policy gave up).
        public static let rateLimited = Reason(rawValue: "rate_limited")
        /// 5xx: the server failed.
        public static let serverError = Reason(rawValue: "server_error")
        /// Another unsuccessful status.
        public static let unexpectedStatus = Reason(rawValue: "unexpected_status")
        /// A publication found the same unique id already stored with different content (size or hash).
        public static let publishConflict = Reason(rawValue: "publish_conflict")
        /// Retrieved content does not match the size or SHA-1 hash of its metadata (a partial file was
        /// removed).
        public static let contentMismatch = Reason(rawValue: "content_mismatch")
        /// A response did not decode, or was not what the operation expects.
        public static let decoding = Reason(rawValue: "decoding")
        /// The request could not be carried (connection refused or reset, truncated body).
        public static let transport = Reason(rawValue: "transport")
        /// The request did not finish in time.
        public static let timeout = Reason(rawValue: "timeout")
        /// The task was cancelled.
        public static let cancelled = Reason(rawValue: "cancelled")
        /// A local file could not be read or written.
        public static let fileSystem = Reason(rawValue: "file_system")
        /// The client's configuration cannot work.
        public static let configuration = Reason(rawValue: "configuration")

        /// The SanteKit code for this reason.
        public var code: SanteErrorCode {
            switch self {
            case .validationFailed, .unqualifiedIdentity: .validation
            case .decoding: .decoding
            case .transport: .transport
            case .timeout: .timeout
            case .cancelled: .cancelled
            case .contentMismatch, .publishConflict: .verification
            case .fileSystem, .configuration: .configuration
            default: .httpStatus
            }
        }

        /// Whether an error of this reason is worth retrying by default.
        var isRetryableByDefault: Bool {
            switch self {
            case .rateLimited, .serverError, .transport, .timeout, .contentMismatch: true
            default: false
            }
        }

        /// The reason for an unsuccessful HTTP status.
        /// - Parameter status: The status code.
        /// - Returns: The matching reason (409 gives ``conflict``; a duplicate is recognised from its
        ///   `OperationOutcome`).
        public static func forStatus(_ status: Int) -> Reason {
            switch status {
            case 400: .badRequest
            case 401: .unauthorized
            case 403: .forbidden
            case 404: .notFound
            case 405: .notModifiable
            case 409: .conflict
            case 410: .gone
            case 412: .preconditionFailed
            case 413: .payloadTooLarge
            case 422: .unprocessable
            case 429: .rateLimited
            case 500...599: .serverError
            default: .unexpectedStatus
            }
        }
    }
}
