import Hummingbird
import SanteCore

/// Assembles the router: the middlewares (request log, fault injection, JSON errors, outermost first),
/// the controls and one route group per service.
enum MockRouterBuilder {
    static func build(
        configuration: MockPlatform.Configuration, injector: MockFaultInjector, log: MockRequestLog,
        identities: MockIdentities, services: MockServiceStates
    ) -> Router<MockRequestContext> {
        let router = Router(context: MockRequestContext.self)
        router.add(middleware: ConnectionCloseMiddleware())
        // Middlewares apply to the routes added after them, and to the "no route" answer.
        router.add(
            middleware: RequestLogMiddleware(
                log: log, clock: configuration.clock, maximumBodySize: configuration.maximumRequestBodySize))
        router.add(middleware: FaultInjectionMiddleware(injector: injector, clock: configuration.clock))
        router.add(middleware: ErrorResponseMiddleware())

        ControlRoutes.register(
            on: router, injector: injector, log: log, clock: configuration.clock, identities: identities)
        IdentityService.registerRoutes(on: router.group(group(.identity)), state: services.identity)
        DMPService.registerRoutes(on: router.group(group(.dmp)), state: services.dmp)
        OpenDataService.registerRoutes(
            on: router.group(group(.openData)), state: services.openData, scale: configuration.openDataScale)
        AnnuaireService.registerRoutes(on: router.group(group(.annuaire)), state: services.annuaire)
        NotifyService.registerRoutes(on: router.group(group(.notify)), state: services.notify)
        NotifyService.registerRoutes(on: router.group(), state: services.notify)
        NotifyControlRoutes.register(on: router.group("_mock"), state: services.notify)
        WebhookControlRoutes.register(on: router.group("_mock"), state: services.webhooks)
        SubscriptionControlRoutes.register(on: router.group("_mock"), state: services.subscriptions)
        SubscriptionService.registerRoutes(
            on: router.group(group(.dmp)), state: services.subscriptions, identity: services.identity)
        return router
    }

    /// The router path of a service prefix (without its leading slash).
    private static func group(_ service: MockService) -> RouterPath {
        RouterPath(String(service.pathPrefix.dropFirst()))
    }
}
