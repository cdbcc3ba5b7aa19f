import Foundation
import HTTPTypes
import Hummingbird
import SanteCore

/// The FHIR Subscription routes of the mock DMP, under `/dmp/fhir` (R4 backport, DSUBm topics), with the
/// DMP's bearer tokens (a professional's Pro Santé Connect access token, or a patient token for the INS the
/// subscription filters on).
///
/// | Route | What |
/// |---|---|
/// | `POST /Subscription` | Create: handshake, then `201` with `status` `active` (2xx handshake) or `error` |
/// | `GET /Subscription` | The caller's subscriptions (`searchset`) |
/// | `GET`, `PUT`, `DELETE /Subscription/{id}` | Read, replace (new handshake), delete (`204`) |
/// | `GET /Subscription/{id}/$status` | A `searchset` Bundle with the `query-status` Parameters |
/// | `GET /Subscription/{id}/$events?eventsSinceNumber=&eventsUntilNumber=&content=` | Replay (`history` Bundle) |
enum SubscriptionService {
    /// Registers the routes on the `/dmp/fhir` group.
    /// - Parameters:
    ///   - group: The route group of `/dmp/fhir`.
    ///   - state: The service's state.
    ///   - identity: The identity service, whose verifier authenticates the bearer tokens.
    static func registerRoutes(
        on group: RouterGroup<MockRequestContext>, state: SubscriptionServiceState, identity: IdentityServiceState
    ) {
        let address = state.environment.address
        let clock = state.environment.clock
        group.post("Subscription") { request, context in
            let data = Data(try await request.body.collect(upTo: context.maxUploadSize).readableBytesView)
            return await respond { () async throws(SubscriptionFailure) -> Response in
                let principal = try authenticate(request, identity: identity)
                let definition = try SubscriptionDefinition(parse(data))
                try checkPatientAccess(definition, principal: principal)
                let base = request.serverRoot(fallback: address.baseURL) + MockService.dmp.pathPrefix
                let subscription = await state.create(definition, owner: principal, base: base)
                var response = SubscriptionResponses.resource(subscription.resource, status: .created)
                response.headers[.location] =
                    "\(base)/Subscription/\(subscription.id)/_history/\(subscription.versionID)"
                response.headers[.eTag] = "W/\"\(subscription.versionID)\""
                return response
            }
        }
        group.get("Subscription") { request, _ in
            await respond { () async throws(SubscriptionFailure) -> Response in
                let principal = try authenticate(request, identity: identity)
                let base = request.serverRoot(fallback: address.baseURL) + MockService.dmp.pathPrefix
                let mine = await state.all().filter { $0.owner == principal }
                let entries: [JSONValue] = mine.map { subscription in
                    [
                        "fullUrl": .string("\(base)/Subscription/\(subscription.id)"),
                        "resource": subscription.resource, "search": ["mode": "match"],
                    ]
                }
                return SubscriptionResponses.resource([
                    "resourceType": "Bundle", "type": "searchset", "total": .integer(Int64(entries.count)),
                    "entry": .array(entries),
                ])
            }
        }
        group.get("Subscription/:id") { request, context in
            await respond { () async throws(SubscriptionFailure) -> Response in
                let principal = try authenticate(request, identity: identity)
                let subscription = try await state.read(id: context.parameters.get("id") ?? "", principal: principal)
                var response = SubscriptionResponses.resource(subscription.resource)
                response.headers[.eTag] = "W/\"\(subscription.versionID)\""
                return response
            }
        }
        group.put("Subscription/:id") { request, context in
            let data = Data(try await request.body.collect(upTo: context.maxUploadSize).readableBytesView)
            return await respond { () async throws(SubscriptionFailure) -> Response in
                let principal = try authenticate(request, identity: identity)
                let id = context.parameters.get("id") ?? ""
                let json = try parse(data)
                if let bodyID = json["id"]?.stringValue, bodyID != id {
                    throw .invalid(
                        "the resource id \(bodyID) is not the id in the URL (\(id))", expression: "Subscription.id")
                }
                let definition = try SubscriptionDefinition(json)
                try checkPatientAccess(definition, principal: principal)
                let subscription = try await state.update(id: id, definition: definition, principal: principal)
                var response = SubscriptionResponses.resource(subscription.resource)
                response.headers[.eTag] = "W/\"\(subscription.versionID)\""
                return response
            }
        }
        group.delete("Subscription/:id") { request, context in
            await respond { () async throws(SubscriptionFailure) -> Response in
                let principal = try authenticate(request, identity: identity)
                try await state.delete(id: context.parameters.get("id") ?? "", principal: principal)
                return Response(status: .noContent)
            }
        }
        group.get("Subscription/:id/$status") { request, context in
            await respond { () async throws(SubscriptionFailure) -> Response in
                let principal = try authenticate(request, identity: identity)
                let subscription = try await state.read(id: context.parameters.get("id") ?? "", principal: principal)
                return SubscriptionResponses.resource(SubscriptionBundles.status(subscription, now: clock.now()))
            }
        }
        group.get("Subscription/:id/$events") { request, context in
            await respond { () async throws(SubscriptionFailure) -> Response in
                let principal = try authenticate(request, identity: identity)
                let query = QueryString(request.uri.query)
                let since = try number(query, "eventsSinceNumber")
                let until = try number(query, "eventsUntilNumber")
                let content = query.first("content")
                if let content, !SubscriptionConstants.payloadContents.contains(content) {
                    throw .invalid("content must be empty, id-only or full-resource")
                }
                let bundle = try await state.eventsBundle(
                    id: context.parameters.get("id") ?? "", principal: principal, since: since, until: until,
                    content: content)
                return SubscriptionResponses.resource(bundle)
            }
        }
    }

    private static func respond(_ body: () async throws(SubscriptionFailure) -> Response) async -> Response {
        do {
            return try await body()
        } catch {
            return error.response
        }
    }

    private static func authenticate(
        _ request: Request, identity: IdentityServiceState
    ) throws(SubscriptionFailure) -> MockPrincipal {
        do {
            return try identity.tokenVerifier().verify(authorizationHeader: request.headers[.authorization])
        } catch {
            throw .login("A valid bearer token is required: \(error.message)")
        }
    }

    /// A patient may only subscribe to their own documents: every patient filter must name their INS.
    private static func checkPatientAccess(
        _ definition: SubscriptionDefinition, principal: MockPrincipal
    ) throws(SubscriptionFailure) {
        guard case .patient(let ins) = principal else { return }
        let values = definition.patientINSValues
        guard !values.isEmpty, values.allSatisfy({ $0 == ins }) else {
            throw .forbidden(
                "A patient may only subscribe to the documents of their own INS (patient.identifier filter)")
        }
    }

    private static func parse(_ data: Data) throws(SubscriptionFailure) -> JSONValue {
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw .invalid("the body is not JSON")
        }
        return json
    }

    private static func number(_ query: QueryString, _ name: String) throws(SubscriptionFailure) -> Int? {
        guard let text = query.first(name) else { return nil }
        guard let value = Int(text) else { throw .invalid("\(name) must be an integer") }
        return value
    }
}
