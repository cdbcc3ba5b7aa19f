import ArgumentParser
import Foundation
import SanteKit

/// Turns what an open-data operation threw into the CLI's one-line failures.
enum DataFailure {
    /// The error to exit with: `ArgumentParser.ValidationError` (exit 64) for input refused before anything
    /// was sent, `OperationFailed` (exit 1) with one readable line otherwise.
    /// - Parameters:
    ///   - error: What the operation threw.
    ///   - action: What was being done, such as `"download"`.
    static func exitError(for error: any Error, action: String) -> any Error {
        switch error {
        case let error as OpenDataError:
            if error.reason == .invalidInput || error.reason == .configuration {
                return ArgumentParser.ValidationError(oneLine(error.message))
            }
            return OperationFailed(reason: oneLine("\(action) failed: \(summary(of: error))"))
        case let error as SantePlatformError:
            return ArgumentParser.ValidationError(oneLine(error.message))
        case is OperationFailed, is ArgumentParser.ValidationError, is ExitCode, is CleanExit:
            return error
        default:
            return OperationFailed(reason: oneLine("\(action) failed: \(error)"))
        }
    }

    /// `<message> [<reason>]`, with the HTTP status and the server's own explanation when there are.
    static func summary(of error: OpenDataError) -> String {
        var text = error.message
        if let status = error.httpStatus, !text.contains(String(status)) { text += " (HTTP \(status))" }
        if let server = error.serverMessage, !server.isEmpty, !text.contains(server) { text += ": \(server)" }
        return text + " [\(error.reason.rawValue)]"
    }

    /// `text` on one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
