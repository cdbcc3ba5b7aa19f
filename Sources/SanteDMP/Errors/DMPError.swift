public import HTTPTypes
public import SanteCore

/// The one error every DMP operation throws.
///
/// Compare ``reason`` (or ``code``), never ``message``. When the server answered with an error, its
/// FHIR `OperationOutcome` is decoded into ``operationOutcome``; when the input was refused before
/// anything was sent, ``validationIssues`` names every missing or invalid field.
///
/// ```swift
/// do {
///     _ = try await client.publish(publication)
/// } catch let error as DMPError where error.reason == .validationFailed {
///     for issue in error.validationIssues { print(issue.field, issue.reason) }
/// } catch let error as DMPError where error.reason == .forbidden {
///     print(error.operationOutcome?.summary ?? "")
/// }
/// ```
public struct DMPError: SanteError {
    /// Why the operation failed.
    public var reason: Reason
    /// A readable explanation, free of secrets and health data.
    public var message: String
    /// The operation that failed, such as `"dmp.publish"`.
    public var operation: String?
    /// The HTTP status, when a response was received.
    public var httpStatus: Int?
    /// The request's URL, redacted, when known.
    public var url: String?
    /// The response header fields, when a response was received.
    public var responseHeaders: HTTPFields
    /// The server's `OperationOutcome`, when its error body was one.
    public var operationOutcome: FHIROperationOutcome?
    /// The fields refused before sending (reason ``Reason/validationFailed`` or
    /// ``Reason/unqualifiedIdentity``).
    public var validationIssues: [ValidationIssue]
    /// For ``Reason/duplicateDocument`` and ``Reason/publishConflict``: the id of the document the DMP
    /// already stores with the same unique id, when known.
    public var existingDocumentID: String?
    /// The lower-level error (a `SanteHTTPError`, a `FHIRDecodingError`…), if any.
    public var underlyingError: (any Error)?
    /// Whether trying again later may succeed.
    public var isRetryable: Bool

    /// Creates an error.
    /// - Parameters:
    ///   - reason: Why the operation failed.
    ///   - message: A readable explanation without secrets or health data.
    ///   - operation: The operation that failed.
    ///   - httpStatus: The HTTP status.
    ///   - url: The redacted URL.
    ///   - responseHeaders: The response header fields.
    ///   - operationOutcome: The server's `OperationOutcome`.
    ///   - validationIssues: The refused fields.
    ///   - existingDocumentID: The id of an already stored document.
    ///   - isRetryable: Whether trying again may succeed; `nil` derives it from the reason.
    ///   - underlyingError: The lower-level error.
    public init(
        reason: Reason,
        message: String,
        operation: String? = nil,
        httpStatus: Int? = nil,
        url: String? = nil,
        responseHeaders: HTTPFields = [:],
        operationOutcome: FHIROperationOutcome? = nil,
        validationIssues: [ValidationIssue] = [],
        existingDocumentID: String? = nil,
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
        self.validationIssues = validationIssues
        self.existingDocumentID = existingDocumentID
        self.underlyingError = underlyingError
        self.isRetryable = isRetryable ?? reason.isRetryableByDefault
    }

    /// The stable SanteKit code of the ``reason``.
    public var code: SanteErrorCode { reason.code }

    /// The server's own explanation (the `OperationOutcome` summary), when there is one.
    public var serverMessage: String? {
        guard let outcome = operationOutcome, !outcome.issue.isEmpty else { return nil }
        return outcome.summary
    }

    /// `dmp.publish: forbidden (HTTP 403): <message>`, plus the validation issues; never health data.
    public var description: String {
        var text = operation.map { "\($0): " } ?? ""
        text += reason.rawValue
        if let httpStatus { text += " (HTTP \(httpStatus))" }
        text += ": " + message
        if !validationIssues.isEmpty {
            text += " [" + validationIssues.map(\.description).joined(separator: "; ") + "]"
        }
        return text
    }
}
