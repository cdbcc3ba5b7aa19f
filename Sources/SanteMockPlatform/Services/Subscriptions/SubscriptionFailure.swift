import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SanteCore

/// A refused subscription request, answered with an `OperationOutcome`.
struct SubscriptionFailure: Error, Sendable {
    /// The HTTP status.
    let status: HTTPResponse.Status
    /// The FHIR issue type.
    let code: String
    /// The readable explanation.
    let diagnostics: String
    /// The FHIRPath of the element at fault, if any.
    let expression: String?

    /// `400`, issue `invalid`.
    static func invalid(_ diagnostics: String, expression: String? = nil) -> SubscriptionFailure {
        SubscriptionFailure(status: .badRequest, code: "invalid", diagnostics: diagnostics, expression: expression)
    }

    /// `400`, issue `required`.
    static func required(_ expression: String) -> SubscriptionFailure {
        SubscriptionFailure(
            status: .badRequest, code: "required", diagnostics: "\(expression) is required", expression: expression)
    }

    /// `404`, issue `not-found`.
    static func notFound(_ id: String) -> SubscriptionFailure {
        SubscriptionFailure(
            status: .notFound, code: "not-found", diagnostics: "Subscription/\(id) is not known", expression: nil)
    }

    /// `401`, issue `login`.
    static func login(_ diagnostics: String) -> SubscriptionFailure {
        SubscriptionFailure(status: .unauthorized, code: "login", diagnostics: diagnostics, expression: nil)
    }

    /// `403`, issue `forbidden`.
    static func forbidden(_ diagnostics: String) -> SubscriptionFailure {
        SubscriptionFailure(status: .forbidden, code: "forbidden", diagnostics: diagnostics, expression: nil)
    }

    /// The `OperationOutcome` response.
    var response: Response {
        var issue: [String: JSONValue] = [
            "severity": "error", "code": .string(code), "diagnostics": .string(diagnostics),
        ]
        if let expression {
            issue["expression"] = [.string(expression)]
        }
        var response = SubscriptionResponses.resource(
            ["resourceType": "OperationOutcome", "issue": [.object(issue)]], status: status)
        if status == .unauthorized {
            response.headers[.wwwAuthenticate] = "Bearer"
        }
        return response
    }
}

/// FHIR JSON responses of the subscription routes.
enum SubscriptionResponses {
    /// The `Content-Type` of every answer.
    static let contentType = "application/fhir+json; charset=utf-8"

    /// A resource as the body.
    static func resource(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? MockJSON.encode(value)) ?? Data(#"{"resourceType":"OperationOutcome"}"#.utf8)
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
