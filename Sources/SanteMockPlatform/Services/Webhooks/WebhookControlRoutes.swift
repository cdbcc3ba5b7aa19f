import Foundation
import Hummingbird
import SanteCore

/// The webhook controls under `/_mock/webhooks`:
/// - `POST /_mock/webhooks/endpoints` `{"url", "eventTypes": [...] | null, "bearerToken": "..." | null}` → `201`
///   with the endpoint and its `whsec_` secret;
/// - `GET /_mock/webhooks/endpoints`, `DELETE /_mock/webhooks/endpoints/{id}` (`204`, or `404`);
/// - `GET /_mock/webhooks/deliveries`: the attempt log.
enum WebhookControlRoutes {
    private struct RegisterRequest: Decodable {
        var url: String
        var eventTypes: [String]?
        var bearerToken: String?
    }

    static func register(on group: RouterGroup<MockRequestContext>, state: WebhookServiceState) {
        group.post("webhooks/endpoints") { request, context in
            let body = try await request.decode(as: RegisterRequest.self, context: context)
            guard let url = URL(string: body.url) else {
                return MockJSON.validationError([ValidationIssue(field: "url", reason: "is not a URL")])
            }
            let endpoint: MockWebhookEndpoint
            do throws(ValidationError) {
                endpoint = try await state.register(
                    url: url, eventTypes: body.eventTypes, bearerToken: body.bearerToken)
            } catch {
                return MockJSON.validationError(error.issues)
            }
            return try MockJSON.response(endpoint, status: .created)
        }
        group.get("webhooks/endpoints") { _, _ in
            try MockJSON.response(await state.allEndpoints())
        }
        group.delete("webhooks/endpoints/:id") { _, context in
            guard let id = context.parameters.get("id"), await state.removeEndpoint(id: id) else {
                return MockJSON.error(.notFound, message: "No webhook endpoint with this id.")
            }
            return Response(status: .noContent)
        }
        group.get("webhooks/deliveries") { _, _ in
            try MockJSON.response(await state.deliveries())
        }
    }
}
