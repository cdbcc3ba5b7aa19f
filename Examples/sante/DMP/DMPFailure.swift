import ArgumentParser
import Foundation
import SanteKit

/// Turns what a DMP operation threw into the CLI's one-line failures.
enum DMPFailure {
    /// The error to exit with: `ArgumentParser.ValidationError` (exit 64) when the input was refused before
    /// anything was sent (an identity that may not be sent, an unusable configuration), else
    /// ``OperationFailed`` (exit 1) with the reason, the HTTP status, the message and the server's own words.
    /// - Parameters:
    ///   - error: What the operation threw.
    ///   - action: What was being done, such as `"publish"`.
    static func exitError(for error: any Error, action: String) -> any Error {
        switch error {
        case let error as DMPError:
            switch error.reason {
            case .unqualifiedIdentity, .configuration:
                return ArgumentParser.ValidationError(oneLine(describe(error)))
            default:
                return OperationFailed(reason: oneLine("\(action) failed: \(describe(error))"))
            }
        case is OperationFailed, is ArgumentParser.ValidationError, is ExitCode, is CleanExit:
            return error
        default:
            return OperationFailed(reason: oneLine("\(action) failed: \(error)"))
        }
    }

    /// `<reason> (HTTP <status>): <message> [<issues>]; the DMP said: <OperationOutcome summary>`.
    static func describe(_ error: DMPError) -> String {
        var text = error.reason.rawValue
        if let status = error.httpStatus { text += " (HTTP \(status))" }
        text += ": " + error.message
        if !error.validationIssues.isEmpty {
            text += " [" + error.validationIssues.map(\.description).joined(separator: "; ") + "]"
        }
        if let server = error.serverMessage, !server.isEmpty, server != error.message {
            text += "; the DMP said: " + server
        }
        if let existing = error.existingDocumentID { text += " (stored document: \(existing))" }
        return text
    }

    /// `text` on one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Runs `body`, turning its failures into the CLI's (see ``exitError(for:action:)``).
    static func reporting<T>(_ action: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw exitError(for: error, action: action)
        }
    }
}
