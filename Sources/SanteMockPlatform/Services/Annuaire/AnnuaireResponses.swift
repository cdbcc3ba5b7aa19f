import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SanteCore

/// FHIR responses of the mock Annuaire: `application/fhir+json;charset=UTF-8` bodies and OperationOutcomes.
enum AnnuaireResponses {
    /// The content type of every answer.
    static let contentType = "application/fhir+json;charset=UTF-8"

    /// A FHIR resource or Bundle as the body.
    static func resource(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        do {
            let data = try FHIRJSON.encode(value, operation: "mock.annuaire")
            return response(data, status: status)
        } catch {
            return outcome(.internalServerError, code: .exception, "The mock could not encode the answer: \(error)")
        }
    }

    /// An OperationOutcome with one error issue.
    static func outcome(
        _ status: HTTPResponse.Status, code: FHIROperationOutcome.IssueType, _ diagnostics: String
    ) -> Response {
        let outcome = FHIROperationOutcome(issue: [
            FHIROperationOutcome.Issue(severity: .error, code: code, diagnostics: diagnostics)
        ])
        let data =
            (try? FHIRJSON.encode(outcome))
            ?? Data(#"{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"exception"}]}"#.utf8)
        var response = response(data, status: status)
        if status == .unauthorized {
            response.headers[.wwwAuthenticate] = #"APIKey realm="ESANTE-API-KEY""#
        }
        return response
    }

    private static func response(_ data: Data, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Checks `ESANTE-API-KEY` on every request of the service.
struct AnnuaireAPIKeyMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    private static let header = HTTPField.Name.named(MockAnnuaireSanteAPI.apiKeyHeader)

    func handle(
        _ request: Request, context: MockRequestContext,
        next: (Request, MockRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let key = request.headers[Self.header] else {
            return AnnuaireResponses.outcome(
                .unauthorized, code: .security, "Missing ESANTE-API-KEY header: an Annuaire Santé API key is required.")
        }
        guard key == MockAnnuaireSanteAPI.apiKey else {
            return AnnuaireResponses.outcome(.unauthorized, code: .security, "Invalid ESANTE-API-KEY.")
        }
        return try await next(request, context)
    }
}
