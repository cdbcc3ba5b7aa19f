import Hummingbird
import SanteCore

/// `GET|POST|DELETE /_mock/faults` and `DELETE /_mock/faults/{id}`: the fault injector over HTTP.
enum FaultControlRoutes {
    static func register(on group: RouterGroup<MockRequestContext>, injector: MockFaultInjector) {
        group.get("faults") { _, _ in
            try MockJSON.response(JSONValue.array(await injector.injections.map(json)))
        }
        group.post("faults") { request, context in
            let body = try await request.decode(as: FaultControlRequest.self, context: context)
            let fault: MockFault
            let route: MockRoute
            let count: Int?
            do throws(ValidationError) {
                (fault, route, count) = try body.resolve()
            } catch {
                return MockJSON.validationError(error.issues)
            }
            guard let injection = await injector.inject(fault, on: route, count: count) else {
                return MockJSON.validationError([ValidationIssue(field: "count", reason: "must be at least 1")])
            }
            return try MockJSON.response(json(injection), status: .created)
        }
        group.delete("faults") { _, _ in
            await injector.clear()
            return Response(status: .noContent)
        }
        group.delete("faults/:id") { _, context in
            guard let id = context.parameters.get("id", as: Int.self), await injector.remove(id: id) else {
                return MockJSON.error(.notFound, message: "No fault injection with this id.")
            }
            return Response(status: .noContent)
        }
    }

    /// An injection as JSON: `{"id", "method", "path", "kind", "phase", "remaining"}`.
    static func json(_ injection: MockFaultInjection) -> JSONValue {
        [
            "id": .integer(Int64(injection.id)),
            "method": injection.route.method.map { .string($0.rawValue) } ?? .null,
            "path": .string(injection.route.path),
            "kind": .string(injection.fault.kind.name),
            "phase": .string(injection.fault.phase.rawValue),
            "remaining": injection.remaining.map { .integer(Int64($0)) } ?? .null,
        ]
    }
}
