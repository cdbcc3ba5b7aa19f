/// The state actors of every service, created once per platform.
struct MockServiceStates: Sendable {
    let identity: IdentityServiceState
    let dmp: DMPServiceState
    let openData: OpenDataServiceState
    let annuaire: AnnuaireServiceState
    let notify: NotifyServiceState
    let webhooks: WebhookServiceState
    let subscriptions: SubscriptionServiceState
    /// The background work of the notification services (deliveries, timers, the event-bus consumer).
    let notificationRuntime: NotificationRuntime

    /// Creates every service's initial state, with the Notify limits of `configuration`.
    init(environment: MockServiceEnvironment, configuration: MockPlatform.Configuration) {
        identity = IdentityServiceState(environment: environment)
        dmp = DMPServiceState(environment: environment, identity: identity)
        openData = OpenDataServiceState(environment: environment)
        annuaire = AnnuaireServiceState(environment: environment)
        let runtime = NotificationRuntime(clock: environment.clock)
        notificationRuntime = runtime
        webhooks = WebhookServiceState(environment: environment, deliverer: runtime.deliverer)
        subscriptions = SubscriptionServiceState(environment: environment, deliverer: runtime.deliverer)
        notify = NotifyServiceState(
            environment: environment,
            settings: NotifySettings(
                rateLimit: configuration.notifyRateLimit, dailyLimit: configuration.notifyDailyLimit,
                pageSize: configuration.notifyPageSize),
            webhooks: webhooks)
    }
}
