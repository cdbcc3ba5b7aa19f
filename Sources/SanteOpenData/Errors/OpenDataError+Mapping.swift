import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP

extension OpenDataError {
    /// Turns any error raised below an open-data operation into an ``OpenDataError``, once.
    ///
    /// A `SanteHTTPError` with a status becomes the status's reason with its body decoded (udata and
    /// tabular formats, or a FHIR `OperationOutcome`); transport, timeout, cancellation and decoding keep
    /// their meaning; a `StreamingReadError` becomes `.malformedData` (or `.fileSystem` for a local file).
    static func wrap(_ error: any Error, operation: String) -> OpenDataError {
        switch error {
        case var error as OpenDataError:
            if error.operation == nil { error.operation = operation }
            return error
        case let error as SanteHTTPError:
            return from(error, operation: operation)
        case let error as StreamingReadError:
            return OpenDataError(
                reason: error.reason == .fileUnreadable ? .fileSystem : .malformedData,
                message: error.message, operation: operation, underlyingError: error)
        case is CancellationError:
            return OpenDataError(reason: .cancelled, message: "the task was cancelled", operation: operation)
        case let error as DecodingError:
            return OpenDataError(
                reason: .decoding, message: "the data did not decode: \(DecodingSummary.describe(error))",
                operation: operation, underlyingError: error)
        case let error as FHIRDecodingError:
            return OpenDataError(
                reason: .decoding, message: "the FHIR resource did not decode at \(error.codingPath): \(error.message)",
                operation: operation, underlyingError: error)
        case let error as PagingError:
            return OpenDataError(
                reason: .unexpectedStatus, message: error.description, operation: operation, underlyingError: error)
        default:
            return OpenDataError(
                reason: .transport, message: "the operation failed with \(String(describing: type(of: error)))",
                operation: operation, isRetryable: false, underlyingError: error)
        }
    }

    private static func from(_ error: SanteHTTPError, operation: String) -> OpenDataError {
        let reason: Reason
        switch error.code {
        case .httpStatus: reason = Reason.forStatus(error.httpStatus ?? 0)
        case .decoding: reason = .decoding
        case .timeout: reason = .timeout
        case .cancelled: reason = .cancelled
        case .validation: reason = .invalidInput
        case .configuration: reason = .configuration
        default: reason = .transport
        }
        var apiError: OpenDataAPIErrorBody?
        var outcome: FHIROperationOutcome?
        if error.code == .httpStatus, let body = error.responseBody, !body.isEmpty {
            if let value = try? JSONDecoder().decode(JSONValue.self, from: body),
                value["resourceType"]?.stringValue == FHIROperationOutcome.resourceType
            {
                outcome = try? FHIRJSON.decode(FHIROperationOutcome.self, from: body)
            } else {
                apiError = try? JSONDecoder().decode(OpenDataAPIErrorBody.self, from: body)
            }
        }
        let message: String
        if error.code == .httpStatus, let status = error.httpStatus {
            message = "the server answered HTTP \(status)"
        } else {
            message = error.message
        }
        return OpenDataError(
            reason: reason,
            message: message,
            operation: error.operation ?? operation,
            httpStatus: error.httpStatus,
            url: error.url,
            responseHeaders: error.responseHeaders,
            apiError: apiError,
            operationOutcome: outcome,
            isRetryable: error.isRetryable,
            underlyingError: error
        )
    }
}

/// A short description of a `DecodingError`: the coding path and what was wrong, never the data.
enum DecodingSummary {
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing member \(path(context.codingPath + [key]))"
        case .typeMismatch(let type, let context):
            return "expected \(type) at \(path(context.codingPath))"
        case .valueNotFound(let type, let context):
            return "expected \(type) at \(path(context.codingPath)), found null"
        case .dataCorrupted(let context):
            return "invalid data at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "invalid data"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        let text = keys.map { key in key.intValue.map { "[\($0)]" } ?? "." + key.stringValue }.joined()
        let trimmed = text.hasPrefix(".") ? String(text.dropFirst()) : text
        return trimmed.isEmpty ? "the root" : trimmed
    }
}
