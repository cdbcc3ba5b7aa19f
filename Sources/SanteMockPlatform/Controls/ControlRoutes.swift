import Hummingbird
import SanteCore

/// The routes under `/_mock` (plus `GET /health` at the root): health, echo, bytes, request log, faults,
/// clock and identities; and the test-token routes (``registerTokenRoutes(on:identity:)``).
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

    /// Registers `POST /_mock/tokens/patient` (test-only patient tokens) and the Pro Santé Connect controls
    /// under `/_mock/psc`, which need the identity service's state; `MockPlatform.start` calls it once the
    /// router is built.
    static func registerTokenRoutes(on router: Router<MockRequestContext>, identity: IdentityServiceState) {
        PatientTokenRoute.register(on: router.group("_mock"), identity: identity)
        ProfessionalTokenRoute.register(on: router.group("_mock"), identity: identity)
        PSCControlRoutes.register(on: router.group("_mock"), identity: identity)
    }

    private static func healthResponse() throws -> Response {
        try MockJSON.response(["status": "ok"] as JSONValue)
    }
}
