import ArgumentParser
import Foundation
import SanteKit

/// Turns what a Pro Santé Connect operation threw into the CLI's one-line failures.
enum PSCFailure {
    /// The error to exit with: `OperationFailed` (exit 1) with one readable line, or `ArgumentParser.ValidationError`
    /// (exit 64) for configurations that cannot work.
    /// - Parameters:
    ///   - error: What the operation threw.
    ///   - action: What was being done, such as `"sign-in"`.
    static func exitError(for error: any Error, action: String) -> any Error {
        switch error {
        case let error as ProSanteConnectError:
            switch error.reason {
            case .invalidConfiguration, .insecureEndpoint:
                return ArgumentParser.ValidationError(oneLine(error.message))
            default:
                return OperationFailed(reason: oneLine("\(action) failed: \(summary(of: error))"))
            }
        case is OperationFailed, is ArgumentParser.ValidationError, is ExitCode:
            return error
        default:
            return OperationFailed(reason: oneLine("\(action) failed: \(error)"))
        }
    }

    /// `<message> [<reason>]`, with the provider's `error_description` when it sent one.
    static func summary(of error: ProSanteConnectError) -> String {
        var text = "\(error.message) [\(error.reason.rawValue)]"
        if let oauthError = error.oauthError {
            text += " (\(oauthError.error.rawValue)"
            if let description = oauthError.errorDescription, !description.isEmpty { text += ": \(description)" }
            text += ")"
        }
        return text
    }

    /// Whether the error says the provider could not be reached at all.
    static func isUnreachable(_ error: any Error) -> Bool {
        guard let error = error as? ProSanteConnectError, error.reason == .requestFailed else { return false }
        return error.httpStatus == nil && (error.code == .transport || error.code == .timeout)
    }

    /// `text` on one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
