import SanteCore
import Synchronization

/// The background machinery of the notification services, owned by the platform: the outbound HTTP client,
/// the scheduler of timed work, and the consumer of the event bus. Started by `MockPlatform.start` and
/// stopped by `MockPlatform.stop()`.
final class NotificationRuntime: Sendable {
    /// The outbound HTTP client.
    let http = DeliveryHTTPClient()
    /// The timed work.
    let scheduler: MockScheduler
    /// Delivers and retries.
    let deliverer: WebhookDeliverer
    private let consumer = Mutex<Task<Void, Never>?>(nil)

    /// Creates the runtime on the platform clock.
    init(clock: any SanteClock) {
        scheduler = MockScheduler(clock: clock)
        deliverer = WebhookDeliverer(http: http, scheduler: scheduler)
    }

    /// Subscribes to the event bus (before returning, so no event published afterwards is missed) and hands
    /// every event to the webhook and subscription services, in order.
    func start(events: MockEventBus, webhooks: WebhookServiceState, subscriptions: SubscriptionServiceState) async {
        let stream = await events.subscribe()
        let task = Task {
            for await event in stream {
                await webhooks.handle(event)
                await subscriptions.handle(event)
            }
        }
        consumer.withLock { $0 = task }
    }

    /// Stops the consumer and every timed task, then shuts the HTTP client down.
    func stop() async {
        let task = consumer.withLock { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
        await scheduler.stop()
        await http.shutdown()
    }

    /// Cancels everything without waiting (for a platform released without `stop()`).
    func cancel() {
        consumer.withLock { $0 }?.cancel()
        scheduler.cancelAll()
        http.shutdownInBackground()
    }
}
