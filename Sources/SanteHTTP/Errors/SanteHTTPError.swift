public import Foundation
public import HTTPTypes
public import SanteCore

/// The error thrown by SanteHTTP: transports, middlewares and ``SanteHTTPClient``.
///
/// Every failure below a SanteKit client reaches it as this one type, with a stable ``code``:
/// - `.httpStatus`: the server answered with a non-2xx status; ``httpStatus``, ``responseHeaders`` and
///   a bounded ``responseBody`` snippet let each client decode its server's error body (a FHIR
///   `OperationOutcome`, an OAuth error, an API error list);
/// - `.transport`: the request could not be carried (connection refused or reset, DNS, truncated body);
///   ``requestWasSent`` tells whether the server may have seen it;
/// - `.timeout`, `.cancelled`, `.decoding` (with ``codingPath``), `.configuration`, `.validation`.
///
/// The ``url`` is already redacted and ``description`` never contains secrets, tokens or health data:
/// it shows the body's size, never its content.
public struct SanteHTTPError: SanteError {
    /// The largest response body snippet kept, in bytes (64 KiB).
    public static let maximumBodySnippetBytes = 64 * 1024

    /// The stable error code.
    public var code: SanteErrorCode
    /// A readable explanation, free of secrets and health data.
    public var message: String
    /// The operation that failed, such as `"dmp.publish"`, when known.
    public var operation: String?
    /// The request's method, when known.
    public var method: HTTPRequest.Method?
    /// The request's URL with secrets and health identifiers redacted, when known.
    public var url: String?
    /// The response status, when a response was received.
    public var httpStatus: Int?
    /// The response header fields, when a response was received (empty otherwise).
    public var responseHeaders: HTTPFields
    /// The first bytes (at most ``maximumBodySnippetBytes``) of the response body, when one was received.
    public var responseBody: Data?
    /// Whether ``responseBody`` is only the beginning of a longer body.
    public var responseBodyIsTruncated: Bool
    /// Whether the request reached the server: `false` when it certainly did not (connection refused,
    /// DNS failure), `true` when it certainly did, `nil` when unknown (connection lost mid-way).
    public var requestWasSent: Bool?
    /// For `.decoding` errors, the path of the value that failed, such as `"entry[2].resource.id"`.
    public var codingPath: String?
    /// The lower-level error that caused this one, if any.
    public var underlyingError: (any Error)?
    /// Whether trying again later may succeed (transient transport failures, timeouts, 408, 429 and
    /// most 5xx statuses). Whether a retry is *safe* also depends on the method and the body; the retry
    /// middleware decides that.
    public var isRetryable: Bool

    /// Creates an error.
    /// - Parameters:
    ///   - code: The stable error code.
    ///   - message: A readable explanation; it must not contain secrets or health data.
    ///   - operation: The operation that failed.
    ///   - method: The request's method.
    ///   - url: The request's URL, already redacted.
    ///   - httpStatus: The response status.
    ///   - responseHeaders: The response header fields.
    ///   - responseBody: The response body; only its first ``maximumBodySnippetBytes`` are kept.
    ///   - responseBodyIsTruncated: Whether `responseBody` is already only the beginning of the body.
    ///   - requestWasSent: Whether the request reached the server, when known.
    ///   - codingPath: For decoding errors, the path of the value that failed.
    ///   - isRetryable: Whether trying again may succeed; `nil` derives it from the code and status.
    ///   - underlyingError: The lower-level error.
    public init(
        code: SanteErrorCode,
        message: String,
        operation: String? = nil,
        method: HTTPRequest.Method? = nil,
        url: String? = nil,
        httpStatus: Int? = nil,
        responseHeaders: HTTPFields = [:],
        responseBody: Data? = nil,
        responseBodyIsTruncated: Bool = false,
        requestWasSent: Bool? = nil,
        codingPath: String? = nil,
        isRetryable: Bool? = nil,
        underlyingError: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.operation = operation
        self.method = method
        self.url = url
        self.httpStatus = httpStatus
        self.responseHeaders = responseHeaders
        if let responseBody, responseBody.count > Self.maximumBodySnippetBytes {
            self.responseBody = Data(responseBody.prefix(Self.maximumBodySnippetBytes))
            self.responseBodyIsTruncated = true
        } else {
            self.responseBody = responseBody
            self.responseBodyIsTruncated = responseBodyIsTruncated
        }
        self.requestWasSent = requestWasSent
        self.codingPath = codingPath
        self.underlyingError = underlyingError
        self.isRetryable =
            isRetryable ?? Self.defaultRetryability(code: code, httpStatus: httpStatus)
    }

    /// A one-line summary: code, operation, method, redacted URL, status, body size and message.
    /// It never contains the body, secrets or health data.
    public var description: String {
        var parts = ["SanteHTTPError[\(code.rawValue)]"]
        if let operation { parts.append(operation) }
        if let method, let url {
            parts.append("\(method.rawValue) \(url)")
        } else if let url {
            parts.append(url)
        }
        if let httpStatus { parts.append("HTTP \(httpStatus)") }
        if let responseBody {
            parts.append("(body \(responseBody.count)\(responseBodyIsTruncated ? "+" : "") bytes)")
        }
        var text = parts.joined(separator: " ") + ": " + message
        if let underlyingError {
            text += " (caused by \(String(describing: type(of: underlyingError))))"
        }
        return text
    }

    /// Whether a status is worth retrying: 408, 429 and 5xx except 501 and 505.
    /// - Parameter status: The HTTP status code.
    /// - Returns: `true` for transient statuses.
    public static func isRetryableStatus(_ status: Int) -> Bool {
        switch status {
        case 408, 429: true
        case 501, 505: false
        case 500...599: true
        default: false
        }
    }

    private static func defaultRetryability(code: SanteErrorCode, httpStatus: Int?) -> Bool {
        if let httpStatus { return isRetryableStatus(httpStatus) }
        return code == .transport || code == .timeout
    }
}
