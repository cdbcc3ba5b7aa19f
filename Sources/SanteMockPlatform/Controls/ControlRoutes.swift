import Hummingbird
import SanteCore

/// The routes under `/_mock` (plus `GET /health` at the root): health, echo, bytes, request log, faults,
/// clock and identities.
enum ControlRoutes {
    static func register(
        on router: Router<MockRequestContext>, injector: MockFaultInjector, log: MockRequestLog,
        clock: any SanteClock, identities: MockIdentities
    ) {
        router.get("health") { _, _ in try healthResponse() }
        let group = router.group("_mock")
        group.get("health") { _, _ in try healthResponse() }
        EchoRoute.register(on: group)
        BytesRoute.register(on: group)
        RequestLogRoutes.register(on: group, log: log)
        FaultControlRoutes.register(on: group, injector: injector)
        ClockRoutes.register(on: group, clock: clock)
        group.get("identities") { _, _ in try MockJSON.response(identities) }
    }

    private static func healthResponse() throws -> Response {
        try MockJSON.response(["status": "ok"] as JSONValue)
    }
}
