import HTTPTypes
import SanteCore
import SanteHTTP

/// What a transport error needs to know about its request: the operation, the method and the redacted URL.
///
/// The URL is redacted only when an error is built: redaction scans the whole URL for health identifiers, and
/// doing it for every request, successful or not, cost the transport measurable time per request.
struct RequestErrorContext: Sendable {
    let operation: String?
    let method: HTTPRequest.Method
    private let request: HTTPRequest

    /// The request's URL, redacted (see `HTTPRedactor.default`).
    var url: String { HTTPRedactor.default.redactedURL(of: request) }

    init(request: HTTPRequest, context: RequestContext) {
        self.operation = context.operation
        self.method = request.method
        self.request = request
    }

    /// A `SanteHTTPError` about this request.
    func error(
        _ code: SanteErrorCode,
        _ message: String,
        sent: Bool?,
        retryable: Bool? = nil,
        underlying: (any Error)? = nil
    ) -> SanteHTTPError {
        SanteHTTPError(
            code: code, message: message, operation: operation, method: method, url: url, requestWasSent: sent,
            isRetryable: retryable, underlyingError: underlying)
    }

    /// `error` with this request's details filled in where missing.
    func completing(_ error: SanteHTTPError) -> SanteHTTPError {
        var error = error
        if error.operation == nil { error.operation = operation }
        if error.method == nil { error.method = method }
        if error.url == nil { error.url = url }
        return error
    }

    /// The `.cancelled` error.
    func cancelled(_ underlying: (any Error)?) -> SanteHTTPError {
        error(.cancelled, "the task was cancelled", sent: nil, retryable: false, underlying: underlying)
    }
}
