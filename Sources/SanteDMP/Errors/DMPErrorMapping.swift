import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP

extension DMPError {
    /// Turns any error raised below a DMP operation into a ``DMPError``, once.
    static func wrap(_ error: any Error, operation: String) -> DMPError {
        switch error {
        case var error as DMPError:
            if error.operation == nil { error.operation = operation }
            return error
        case let error as SanteHTTPError:
            return from(error, operation: operation)
        case let error as ValidationError:
            return DMPError(
                reason: .validationFailed, message: "the input is not valid", operation: operation,
                validationIssues: error.issues, underlyingError: error)
        case let error as FHIRDecodingError:
            return DMPError(
                reason: .decoding, message: "the FHIR resource did not decode at \(error.codingPath): \(error.message)",
                operation: operation, underlyingError: error)
        case let error as FHIREncodingError:
            return DMPError(
                reason: .validationFailed, message: "the FHIR resource could not be written at \(error.codingPath)",
                operation: operation, underlyingError: error)
        case is DecodingError:
            return DMPError(
                reason: .decoding, message: "the response did not decode", operation: operation, underlyingError: error)
        case is CancellationError:
            return DMPError(reason: .cancelled, message: "the task was cancelled", operation: operation)
        case let error as PagingError:
            return DMPError(
                reason: .unexpectedStatus, message: error.description, operation: operation, underlyingError: error)
        case let error as StreamingReadError:
            return DMPError(
                reason: .fileSystem, message: error.message, operation: operation, underlyingError: error)
        case let error as CocoaError:
            return DMPError(
                reason: .fileSystem, message: "a local file operation failed (\(error.code.rawValue))",
                operation: operation, underlyingError: error)
        default:
            return DMPError(
                reason: .transport, message: "the operation failed with \(String(describing: type(of: error)))",
                operation: operation, isRetryable: false, underlyingError: error)
        }
    }

    private static func from(_ error: SanteHTTPError, operation: String) -> DMPError {
        var reason: Reason
        switch error.code {
        case .httpStatus: reason = Reason.forStatus(error.httpStatus ?? 0)
        case .decoding: reason = .decoding
        case .timeout: reason = .timeout
        case .cancelled: reason = .cancelled
        case .validation: reason = .configuration
        case .configuration: reason = .configuration
        default: reason = .transport
        }
        var outcome: FHIROperationOutcome?
        if error.code == .httpStatus, let body = error.responseBody, !body.isEmpty {
            outcome = try? FHIRJSON.decode(FHIROperationOutcome.self, from: body)
        }
        var existing: String?
        if reason == .conflict, let outcome, outcome.issue.contains(where: { $0.code == .duplicate }) {
            reason = .duplicateDocument
            existing = outcome.issue.lazy.compactMap { $0.diagnostics.flatMap(Self.documentID(in:)) }.first
        }
        let message: String
        if error.code == .httpStatus, let status = error.httpStatus {
            message = "the DMP answered HTTP \(status)"
        } else {
            message = error.message
        }
        return DMPError(
            reason: reason,
            message: message,
            operation: error.operation ?? operation,
            httpStatus: error.httpStatus,
            url: error.url,
            responseHeaders: error.responseHeaders,
            operationOutcome: outcome,
            existingDocumentID: existing,
            isRetryable: error.isRetryable,
            underlyingError: error
        )
    }

    /// The id in the first `DocumentReference/<id>` of a text.
    static func documentID(in text: String) -> String? {
        guard let range = text.range(of: "DocumentReference/") else { return nil }
        let id = text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
        return id.isEmpty ? nil : String(id)
    }
}
