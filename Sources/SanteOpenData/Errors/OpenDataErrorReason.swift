public import SanteCore

extension OpenDataError {
    /// Why an open-data operation failed: an extensible set of stable string constants.
    public struct Reason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The stable string form, such as `"not_found"`.
        public let rawValue: String
        /// Creates a reason from its string form.
        /// - Parameter rawValue: The stable string form.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The stable string form.
        public var description: String { rawValue }

        /// 404: no such dataset, resource, organization, practitioner or file.
        public static let notFound = Reason(rawValue: "not_found")
        /// 410: the object was deleted (`Dataset has been deleted`).
        public static let gone = Reason(rawValue: "gone")
        /// 400: the server refused the request's parameters (such as `page_size=0`); see
        /// ``OpenDataAPIErrorBody/fieldErrors``.
        public static let badRequest = Reason(rawValue: "bad_request")
        /// 401: the API key is missing, invalid, revoked or expired.
        public static let unauthorized = Reason(rawValue: "unauthorized")
        /// 403: the key is valid but not allowed to do this.
        public static let forbidden = Reason(rawValue: "forbidden")
        /// 429: too many requests (after the retry policy gave up).
        public static let rateLimited = Reason(rawValue: "rate_limited")
        /// 5xx: the server failed.
        public static let serverError = Reason(rawValue: "server_error")
        /// Another unsuccessful status.
        public static let unexpectedStatus = Reason(rawValue: "unexpected_status")
        /// A response body did not decode into the expected type.
        public static let decoding = Reason(rawValue: "decoding")
        /// A streamed file is not well formed (JSON or CSV), or is shaped differently than expected.
        public static let malformedData = Reason(rawValue: "malformed_data")
        /// The request could not be carried (connection refused or reset, truncated body).
        public static let transport = Reason(rawValue: "transport")
        /// The request did not finish in the time allowed.
        public static let timeout = Reason(rawValue: "timeout")
        /// The task was cancelled.
        public static let cancelled = Reason(rawValue: "cancelled")
        /// The caller's input was refused before anything was sent (an empty id, a bad radius).
        public static let invalidInput = Reason(rawValue: "invalid_input")
        /// The operation needs an API key and the client has no key provider.
        public static let missingAPIKey = Reason(rawValue: "missing_api_key")
        /// A downloaded file's checksum differs from the catalogue's; the file was deleted.
        public static let checksumMismatch = Reason(rawValue: "checksum_mismatch")
        /// A downloaded file's size differs from the announced one; the file was deleted.
        public static let sizeMismatch = Reason(rawValue: "size_mismatch")
        /// A local file or directory could not be read or written.
        public static let fileSystem = Reason(rawValue: "file_system")
        /// The client's configuration cannot work (such as a base URL without a host).
        public static let configuration = Reason(rawValue: "configuration")

        /// The SanteKit code for this reason.
        public var code: SanteErrorCode {
            switch self {
            case .notFound, .gone, .badRequest, .unauthorized, .forbidden, .rateLimited, .serverError,
                .unexpectedStatus:
                .httpStatus
            case .decoding, .malformedData: .decoding
            case .transport: .transport
            case .timeout: .timeout
            case .cancelled: .cancelled
            case .invalidInput: .validation
            case .checksumMismatch, .sizeMismatch: .verification
            default: .configuration
            }
        }

        /// Whether an error of this reason is worth retrying by default.
        var isRetryableByDefault: Bool {
            switch self {
            case .rateLimited, .serverError, .transport, .timeout, .checksumMismatch, .sizeMismatch: true
            default: false
            }
        }

        /// The reason for an unsuccessful HTTP status.
        /// - Parameter status: The status code.
        /// - Returns: The matching reason.
        public static func forStatus(_ status: Int) -> Reason {
            switch status {
            case 400: .badRequest
            case 401: .unauthorized
            case 403: .forbidden
            case 404: .notFound
            case 410: .gone
            case 429: .rateLimited
            case 500...599: .serverError
            default: .unexpectedStatus
            }
        }
    }
}
