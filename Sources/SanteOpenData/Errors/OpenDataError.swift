import Foundation
public import HTTPTypes
public import SanteCore

/// The one error every open-data client throws: the data.gouv.fr catalogue, the tabular API, resource
/// downloads, the health dataset readers, Vite Ma Dose, the slot finder and the Annuaire Santé.
///
/// Compare ``reason`` (or ``code``), never ``message``. When the server answered with an error body, it is
/// decoded: ``apiError`` for data.gouv.fr (`{"message": …, "errors": {…}}`) and the tabular API
/// (`{"errors": [{code, title, detail}]}`), ``operationOutcome`` for the Annuaire Santé.
///
/// ```swift
/// do {
///     _ = try await catalogue.dataset("does-not-exist")
/// } catch let error as OpenDataError where error.reason == .notFound {
///     print(error.apiError?.message ?? "")
/// }
/// ```
public struct OpenDataError: SanteError {
    /// Why the operation failed.
    public var reason: Reason
    /// A readable explanation, free of secrets (API keys are never included).
    public var message: String
    /// The operation that failed, such as `"datagouv.dataset"`.
    public var operation: String?
    /// The HTTP status, when a response was received.
    public var httpStatus: Int?
    /// The request's URL, redacted, when known.
    public var url: String?
    /// The response header fields, when a response was received.
    public var responseHeaders: HTTPFields
    /// The server's error body, decoded (data.gouv.fr and tabular API formats).
    public var apiError: OpenDataAPIErrorBody?
    /// The server's FHIR `OperationOutcome` (Annuaire Santé).
    public var operationOutcome: FHIROperationOutcome?
    /// The lower-level error (a `SanteHTTPError`, a `StreamingReadError`, a `DecodingError`…), if any.
    public var underlyingError: (any Error)?
    /// Whether trying again later may succeed (network failures, timeouts, 429, most 5xx).
    public var isRetryable: Bool

    /// Creates an error.
    /// - Parameters:
    ///   - reason: Why the operation failed.
    ///   - message: A readable explanation without secrets.
    ///   - operation: The operation that failed.
    ///   - httpStatus: The HTTP status.
    ///   - url: The redacted URL.
    ///   - responseHeaders: The response header fields.
    ///   - apiError: The decoded error body.
    ///   - operationOutcome: The FHIR `OperationOutcome`.
    ///   - isRetryable: Whether trying again may succeed; `nil` derives it from the reason.
    ///   - underlyingError: The lower-level error.
    public init(
        reason: Reason,
        message: String,
        operation: String? = nil,
        httpStatus: Int? = nil,
        url: String? = nil,
        responseHeaders: HTTPFields = [:],
        apiError: OpenDataAPIErrorBody? = nil,
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
        self.apiError = apiError
        self.operationOutcome = operationOutcome
        self.underlyingError = underlyingError
        self.isRetryable = isRetryable ?? reason.isRetryableByDefault
    }

    /// The stable SanteKit code of the ``reason``.
    public var code: SanteErrorCode { reason.code }

    /// The server's own explanation, when its error body had one (`message`, a tabular `detail`, or the
    /// `OperationOutcome` summary).
    public var serverMessage: String? {
        apiError?.message ?? apiError?.errors.first?.detail ?? apiError?.errors.first?.title
            ?? operationOutcome.map(\.summary)
    }

    /// A one-line summary: reason, operation, URL, status and message; never a key or a body.
    public var description: String {
        var parts = ["OpenDataError[\(reason.rawValue)]"]
        if let operation { parts.append(operation) }
        if let url { parts.append(url) }
        if let httpStatus { parts.append("HTTP \(httpStatus)") }
        var text = parts.joined(separator: " ") + ": " + message
        if let serverMessage, !message.contains(serverMessage) { text += " (server: \(serverMessage))" }
        return text
    }
}
