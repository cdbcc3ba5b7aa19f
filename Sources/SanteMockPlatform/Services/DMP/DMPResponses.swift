import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SanteCore

/// The answers of the mock DMP: `application/fhir+json` resources and OperationOutcomes.
enum DMPResponses {
    /// The content type of every FHIR answer.
    static let contentType = "application/fhir+json; charset=utf-8"

    /// A FHIR resource (or Bundle) as the body.
    static func resource(
        _ value: JSONValue, status: HTTPResponse.Status = .ok, headers extraHeaders: HTTPFields = [:]
    ) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        for field in extraHeaders {
            headers.append(field)
        }
        let data = DMPJSON.data(value)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The OperationOutcome JSON of issues.
    static func outcomeJSON(_ issues: [DMPIssue]) -> JSONValue {
        .object([
            "resourceType": "OperationOutcome",
            "issue": .array(
                issues.map { issue in
                    var object: DMPJSON.Object = [
                        "severity": .string(issue.severity),
                        "code": .string(issue.code),
                        "diagnostics": .string(issue.diagnostics),
                    ]
                    if !issue.expression.isEmpty {
                        object["expression"] = .array(issue.expression.map(JSONValue.string))
                    }
                    return .object(object)
                }),
        ])
    }

    /// The answer to a refused request: its status and OperationOutcome (`WWW-Authenticate: Bearer` on a `401`,
    /// with `error="invalid_token"` when a token was presented and refused, as RFC 6750 §3.1 says).
    static func failure(_ failure: DMPFailure) -> Response {
        var headers = HTTPFields()
        if failure.status == .unauthorized {
            headers[.wwwAuthenticate] =
                if let error = failure.bearerError {
                    #"Bearer realm="dmp", error="\#(error)""#
                } else {
                    #"Bearer realm="dmp""#
                }
        }
        return resource(outcomeJSON(failure.issues), status: failure.status, headers: headers)
    }

    /// The `W/"n"` ETag of a version.
    static func etag(_ versionID: Int) -> String {
        #"W/"\#(versionID)""#
    }
}
