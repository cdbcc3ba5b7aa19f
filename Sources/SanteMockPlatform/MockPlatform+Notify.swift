public import Foundation
public import SanteCore

extension MockPlatform {
    /// The mock Notify service's record of accepted messages (``MockNotifications``).
    public var notifications: MockNotifications {
        MockNotifications(state: services.notify)
    }

    /// The mock's Standard Webhooks sender: endpoints, deliveries (``MockWebhooks``).
    public var webhooks: MockWebhooks {
        MockWebhooks(state: services.webhooks)
    }

    /// The mock DMP's FHIR subscriptions (``MockSubscriptions``).
    public var subscriptions: MockSubscriptions {
        MockSubscriptions(state: services.subscriptions)
    }
}

/// The messages the mock Notify API accepted (also `GET /_mock/notify/messages`).
///
/// A request whose connection the fault injector resets after the handler ran is recorded once: that is how
/// a client's "no duplicate send" guarantee is tested.
public struct MockNotifications: Sendable {
    let state: NotifyServiceState

    /// Every message accepted, oldest first.
    /// - Returns: The messages; read a message's status with ``MockNotifyMessage/status(at:)`` and the
    ///   platform clock.
    public func messages() async -> [MockNotifyMessage] {
        await state.allMessages()
    }

    /// Forgets every message and resets the rate-limit window (also `DELETE /_mock/notify/messages`).
    public func clear() async {
        await state.clear()
    }
}

/// The mock's Standard Webhooks sender (also under `/_mock/webhooks`).
///
/// Events: `document.added` / `document.updated` (from the DMP's `dmp.document.stored` / `dmp.document.updated`
/// bus events), `notification.status-changed` (Notify status changes, as the platform clock passes them).
/// Each delivery is a `POST` with `webhook-id`, `webhook-timestamp` and `webhook-signature` (`v1,` HMAC-SHA256),
/// retried after 5 s, 30 s, 2 min, 10 min and 30 min on the platform clock (or after `Retry-After`); a `410`
/// disables the endpoint.
public struct MockWebhooks: Sendable {
    let state: WebhookServiceState

    /// The event types the sender emits.
    public static let eventTypes: [String] = WebhookEventTypes.all
    /// The waits before the 2nd to 6th attempts of a failed delivery.
    public static let retrySchedule: [Duration] = WebhookDeliverer.retrySchedule

    /// Registers an endpoint with a fresh `whsec_` secret.
    /// - Parameters:
    ///   - url: The receiver's absolute `http`/`https` URL.
    ///   - eventTypes: The event types to receive, or `nil` for all.
    ///   - bearerToken: A token to send as `Authorization: Bearer <token>` (Notify-style callbacks), if any.
    /// - Returns: The endpoint, with its secret.
    /// - Throws: `ValidationError` for a bad URL, an unknown event type or an unusable token.
    public func register(
        url: URL, eventTypes: [String]? = nil, bearerToken: String? = nil
    ) async throws(ValidationError) -> MockWebhookEndpoint {
        try await state.register(url: url, eventTypes: eventTypes, bearerToken: bearerToken)
    }

    /// Every endpoint, in registration order.
    public func endpoints() async -> [MockWebhookEndpoint] {
        await state.allEndpoints()
    }

    /// Removes an endpoint; its pending retries stop.
    /// - Parameter id: The endpoint identifier.
    /// - Returns: Whether it existed.
    @discardableResult
    public func removeEndpoint(id: String) async -> Bool {
        await state.removeEndpoint(id: id)
    }

    /// Every delivery attempt, oldest first.
    public func deliveries() async -> [MockWebhookDelivery] {
        await state.deliveries()
    }

    /// Sends an event now to every enabled endpoint that receives its type.
    /// - Parameters:
    ///   - type: The event type.
    ///   - data: The payload's `data`.
    /// - Returns: The message's `webhook-id`, or `nil` when no endpoint receives the type.
    @discardableResult
    public func send(type: String, data: JSONValue) async -> String? {
        await state.publish(type: type, data: data, time: state.environment.clock.now())
    }
}

/// The mock DMP's FHIR subscriptions (`/dmp/fhir/Subscription`; deliveries also at
/// `GET /_mock/subscriptions/deliveries`).
public struct MockSubscriptions: Sendable {
    let state: SubscriptionServiceState

    /// The subscription topics served (DSUBm DocumentReference PatientDependent and MultiPatient).
    public static let topics: [String] = SubscriptionConstants.topics
    /// The extension that carries a subscription's Standard Webhooks signing secret.
    public static let signingSecretExtension = SubscriptionConstants.signingSecretExtension

    /// Every subscription, as the Subscription resources the server returns, oldest first.
    public func subscriptions() async -> [JSONValue] {
        await state.all().map(\.resource)
    }

    /// Every delivery attempt (handshakes, heartbeats, event notifications), oldest first.
    public func deliveries() async -> [MockWebhookDelivery] {
        await state.deliveries()
    }
}

extension MockServiceStates {
    /// Starts the notification services' background work (the event-bus consumer).
    func startNotificationWork() async {
        await notificationRuntime.start(
            events: notify.environment.events, webhooks: webhooks, subscriptions: subscriptions)
    }
}
