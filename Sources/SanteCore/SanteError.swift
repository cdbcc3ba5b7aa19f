/// What every SanteKit error can tell its caller.
///
/// Each client has one public error type that conforms to this protocol, so that code handling
/// errors from several clients can read the stable ``code``, the ``operation`` and the HTTP status
/// without knowing which client threw.
public protocol SanteError: Error, Sendable, CustomStringConvertible {
    /// The stable error code.
    var code: SanteErrorCode { get }
    /// The operation that failed, such as `"dmp.publish"`, when known.
    var operation: String? { get }
    /// The HTTP status of the response, when a response was received.
    var httpStatus: Int? { get }
    /// The lower-level error that caused this one, if any.
    var underlyingError: (any Error)? { get }
}

extension SanteError {
    /// Whether the failure happened while talking to the server (transport or timeout).
    public var isNetworkError: Bool { code == .transport || code == .timeout }
    /// Whether the server refused the credentials (HTTP 401 or 403).
    public var isAuthError: Bool { httpStatus == 401 || httpStatus == 403 }
}
