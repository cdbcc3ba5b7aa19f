import ArgumentParser
import Foundation
import SanteKit

/// Turns what a Notify operation threw into the CLI's one-line failures.
enum NotifyFailure {
    /// The error to exit with: `ArgumentParser.ValidationError` (exit 64) for input or configuration the
    /// server was never asked about, `OperationFailed` (exit 1) with one readable line otherwise.
    /// - Parameters:
    ///   - error: What the operation threw.
    ///   - action: What was being done, such as `"send"`.
    static func exitError(for error: any Error, action: String) -> any Error {
        switch error {
        case let error as NotifyError:
            switch error.reason {
            case .invalidAPIKey, .configuration, .invalidInput:
                return ArgumentParser.ValidationError(oneLine(error.message))
            default:
                return OperationFailed(reason: oneLine("\(action) failed: \(summary(of: error))"))
            }
        case is OperationFailed, is ArgumentParser.ValidationError, is ExitCode, is CancellationError:
            return error
        default:
            return OperationFailed(reason: oneLine("\(action) failed: \(error)"))
        }
    }

    /// `[reason] HTTP status ErrorClass: message`, from what Notify answered (never a key or a token).
    static func summary(of error: NotifyError) -> String {
        var text = "[\(error.reason.rawValue)]"
        if let status = error.httpStatus { text += " HTTP \(status)" }
        if let errorClass = error.serverErrorClasses.first { text += " \(errorClass)" }
        text += ": " + (error.serverMessage ?? error.message)
        return text
    }

    /// `text` on one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
