import Foundation
import SanteCore
import SanteHTTP

extension SubscriptionError {
    /// Turns any error raised below a subscription operation into a ``SubscriptionError``, once.
    static func wrap(_ error: any Error, operation: String) -> SubscriptionError {
        switch error {
        case var error as SubscriptionError:
            if error.operation == nil { error.operation = operation }
            return error
        case let error as SanteHTTPError:
            return from(error, operation: operation)
        case is CancellationError:
            return SubscriptionError(.cancelled, "the task was cancelled", operation: operation)
        case let error as FHIRDecodingError:
            return SubscriptionError(
                .decoding, "the resource did not decode at \(error.codingPath)", operation: operation,
                underlyingError: error)
        case let error as DecodingError:
            return SubscriptionError(
                .decoding, "the response did not decode", operation: operation, underlyingError: error)
        default:
            return SubscriptionError(
                .transport, "the operation failed with \(String(describing: type(of: error)))", operation: operation,
                isRetryable: false, underlyingError: error)
        }
    }

    private static func from(_ error: SanteHTTPError, operation: String) -> SubscriptionError {
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
        var outcome: FHIROperationOutcome?
        if error.code == .httpStatus, let body = error.responseBody, !body.isEmpty {
            outcome = try? FHIRJSON.decode(FHIROperationOutcome.self, from: body)
        }
        let message = error.code == .httpStatus ? "the server answered HTTP \(error.httpStatus ?? 0)" : error.message
        return SubscriptionError(
            reason, message, operation: error.operation ?? operation, httpStatus: error.httpStatus, url: error.url,
            responseHeaders: error.responseHeaders, operationOutcome: outcome, isRetryable: error.isRetryable,
            underlyingError: error)
    }
}
