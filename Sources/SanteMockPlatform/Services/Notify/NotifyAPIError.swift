import Foundation
import HTTPTypes
import Hummingbird
import SanteCore

/// An error of the Notify API, answered as `{"status_code": N, "errors": [{"error": "...", "message": "..."}]}`.
struct NotifyAPIError: Error, Sendable {
    /// The HTTP status code.
    let status: Int
    /// The error class, such as `AuthError`, `ValidationError` or `RateLimitError`.
    let error: String
    /// The readable message.
    let message: String

    /// `400 ValidationError`.
    static func validation(_ message: String) -> NotifyAPIError {
        NotifyAPIError(status: 400, error: "ValidationError", message: message)
    }

    /// `400 BadRequestError`.
    static func badRequest(_ message: String) -> NotifyAPIError {
        NotifyAPIError(status: 400, error: "BadRequestError", message: message)
    }

    /// `401 AuthError` (no usable `Authorization` header).
    static func unauthorized(_ message: String) -> NotifyAPIError {
        NotifyAPIError(status: 401, error: "AuthError", message: message)
    }

    /// `403 AuthError`.
    static func forbidden(_ message: String) -> NotifyAPIError {
        NotifyAPIError(status: 403, error: "AuthError", message: message)
    }

    /// `404 NoResultFound`.
    static let notFound = NotifyAPIError(status: 404, error: "NoResultFound", message: "No result found")

    /// The response carrying this error.
    var response: Response {
        let value: JSONValue = [
            "status_code": .integer(Int64(status)),
            "errors": [["error": .string(error), "message": .string(message)]],
        ]
        let data = (try? MockJSON.encode(value)) ?? Data(#"{"status_code":500,"errors":[]}"#.utf8)
        return MockJSON.response(bytes: data, status: .standard(status))
    }
}
