import Foundation
import SanteCore
import SanteHTTP

extension NotifyError {
    /// Turns any error raised below a Notify operation into a ``NotifyError``, once.
    static func wrap(_ error: any Error, operation: String) -> NotifyError {
        switch error {
        case var error as NotifyError:
            if error.operation == nil { error.operation = operation }
            return error
        case let error as SanteHTTPError:
            return from(error, operation: operation)
        case is CancellationError:
            return NotifyError(.cancelled, "the task was cancelled", operation: operation, isRetryable: false)
        case let error as DecodingError:
            return NotifyError(
                .decoding, "the response did not decode", operation: operation, isRetryable: false,
                underlyingError: error)
        default:
            let santeError = error as? any SanteError
            return NotifyError(
                santeError?.code == .configuration ? .configuration : .transport,
                "the operation failed with \(String(describing: type(of: error)))", operation: operation,
                isRetryable: false, underlyingError: error)
        }
    }

    private static func from(_ error: SanteHTTPError, operation: String) -> NotifyError {
        var apiError: NotifyAPIErrorBody?
        if error.code == .httpStatus, let body = error.responseBody, !body.isEmpty {
            apiError = try? JSONDecoder().decode(NotifyAPIErrorBody.self, from: body)
        }
        let reason: Reason
        let message: String
        switch error.code {
        case .httpStatus:
            let status = error.httpStatus ?? 0
            reason = Reason.forStatus(status, body: apiError)
            message = "Notify answered HTTP \(status)" + (apiError?.errors.first.map { " \($0.error)" } ?? "")
        case .decoding:
            reason = .decoding
            message = error.message
        case .timeout:
            reason = .timeout
            message = error.message
        case .cancelled:
            reason = .cancelled
            message = error.message
        case .validation:
            reason = .invalidInput
            message = error.message
        case .configuration:
            reason = .configuration
            message = error.message
        default:
            reason = .transport
            message = error.message
        }
        return NotifyError(
            reason, message, operation: error.operation ?? operation, httpStatus: error.httpStatus, url: error.url,
            responseHeaders: error.responseHeaders, apiError: apiError, requestWasSent: error.requestWasSent,
            isRetryable: error.isRetryable, underlyingError: error)
    }
}
