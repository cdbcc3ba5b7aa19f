import Foundation
import SanteCore

/// The mock's webhook sender: the registered endpoints, the delivery log, and the fan-out of events
/// (Notify status changes, DMP document events) to the endpoints that subscribe to them.
actor WebhookServiceState: DeliveryOwner {
    /// What the service shares with the rest of the platform.
    let environment: MockServiceEnvironment
    /// Delivers and retries.
    nonisolated let deliverer: WebhookDeliverer

    private var endpoints: [MockWebhookEndpoint] = []
    private var secrets: [String: StandardWebhookSecret] = [:]
    private var log: [MockWebhookDelivery] = []

    /// Creates the service's initial state (no endpoint).
    init(environment: MockServiceEnvironment, deliverer: WebhookDeliverer) {
        self.environment = environment
        self.deliverer = deliverer
    }

    /// Registers an endpoint with a fresh secret.
    /// - Throws: `ValidationError` for a URL that is not absolute `http`/`https`, or an unknown event type.
    func register(url: URL, eventTypes: [String]?, bearerToken: String?) throws(ValidationError) -> MockWebhookEndpoint
    {
        var issues: [ValidationIssue] = []
        if !["http", "https"].contains(url.scheme?.lowercased() ?? "") || (url.host ?? "").isEmpty {
            issues.append(ValidationIssue(field: "url", reason: "must be an absolute http or https URL"))
        }
        for type in eventTypes ?? [] where !WebhookEventTypes.all.contains(type) {
            issues.append(
                ValidationIssue(
                    field: "eventTypes",
                    reason: "unknown event type '\(type)' (known: \(WebhookEventTypes.all.joined(separator: ", ")))"))
        }
        if let bearerToken, bearerToken.isEmpty || bearerToken.contains(where: \.isNewline) {
            issues.append(ValidationIssue(field: "bearerToken", reason: "must be a non-empty single-line token"))
        }
        guard issues.isEmpty else {
            throw ValidationError(operation: "mock.webhooks.register", issues: issues)
        }
        let secret = StandardWebhookSecret.random()
        let endpoint = MockWebhookEndpoint(
            id: StandardWebhookSecret.randomIdentifier(prefix: "ep_", count: 16), url: url, secret: secret.encoded,
            eventTypes: eventTypes, bearerToken: bearerToken, disabled: false)
        endpoints.append(endpoint)
        secrets[endpoint.id] = secret
        return endpoint
    }

    /// Every endpoint, in registration order.
    func allEndpoints() -> [MockWebhookEndpoint] {
        endpoints
    }

    /// Removes an endpoint; its pending retries stop.
    /// - Returns: Whether it existed.
    func removeEndpoint(id: String) -> Bool {
        guard let index = endpoints.firstIndex(where: { $0.id == id }) else { return false }
        endpoints.remove(at: index)
        secrets[id] = nil
        return true
    }

    /// Every delivery attempt, oldest first.
    func deliveries() -> [MockWebhookDelivery] {
        log
    }

    /// Sends an event to every enabled endpoint subscribed to its type.
    /// - Parameters:
    ///   - type: The event type.
    ///   - data: The event's `data`.
    ///   - time: The event's time (the payload's `timestamp`).
    /// - Returns: The `webhook-id` of the message, or `nil` when no endpoint receives it.
    @discardableResult
    func publish(type: String, data: JSONValue, time: Date) -> String? {
        let receivers = endpoints.filter { $0.receives(type) }
        guard !receivers.isEmpty else { return nil }
        let payload: JSONValue = [
            "type": .string(type), "timestamp": .string(NotifyTimestamp.iso8601(time)), "data": data,
        ]
        guard let body = try? MockJSON.encode(payload) else { return nil }
        let webhookID = StandardWebhookSecret.randomIdentifier(prefix: "msg_")
        for endpoint in receivers {
            guard let secret = secrets[endpoint.id] else { continue }
            let message = OutboundWebhook(
                ownerID: endpoint.id, webhookID: webhookID, eventType: type, url: endpoint.url, body: body,
                contentType: "application/json",
                headers: endpoint.bearerToken.map { [("Authorization", "Bearer \($0)")] } ?? [],
                secret: secret)
            deliverer.start(message, owner: self)
        }
        return webhookID
    }

    /// Schedules the `notification.status-changed` callbacks of a message just accepted by Notify: one when it
    /// moves to `sending` (not for letters), one when it reaches its final status, each when the platform clock
    /// passes the change. Nothing is scheduled when no endpoint receives that type at the time of sending.
    func notificationAccepted(_ message: MockNotifyMessage) {
        guard endpoints.contains(where: { $0.receives(WebhookEventTypes.notificationStatusChanged) }) else { return }
        var changes = [MockNotifyMessage.completionDelay]
        if message.kind != .letter {
            changes.insert(MockNotifyMessage.sendingDelay, at: 0)
        }
        for delay in changes {
            let changeTime = message.createdAt + delay.timeInterval
            deliverer.scheduler.schedule(at: changeTime) { [weak self] in
                await self?.publish(
                    type: WebhookEventTypes.notificationStatusChanged,
                    data: NotifyMessageJSON.receipt(message, at: changeTime), time: changeTime)
            }
        }
    }

    /// Turns a DMP bus event into a `document.added` / `document.updated` webhook.
    func handle(_ event: MockEvent) {
        guard let type = WebhookEventTypes.dmpEventKinds[event.kind] else { return }
        publish(type: type, data: WebhookEventTypes.documentData(event.payload), time: event.time)
    }

    func shouldDeliver(_ message: OutboundWebhook) -> Bool {
        endpoints.contains { $0.id == message.ownerID && !$0.disabled }
    }

    func attemptFinished(
        _ message: OutboundWebhook, attempt: Int, response: DeliveryResponse, outcome: DeliveryOutcome, at time: Date
    ) {
        log.append(
            MockWebhookDelivery(
                endpointID: message.ownerID, webhookID: message.webhookID, eventType: message.eventType,
                attempt: attempt, statusCode: response.status, error: response.error, outcome: outcome.name, time: time)
        )
        if log.count > MockWebhookDelivery.logCapacity {
            log.removeFirst(log.count - MockWebhookDelivery.logCapacity)
        }
        if outcome == .gone, let index = endpoints.firstIndex(where: { $0.id == message.ownerID }) {
            let endpoint = endpoints[index]
            endpoints[index] = MockWebhookEndpoint(
                id: endpoint.id, url: endpoint.url, secret: endpoint.secret, eventTypes: endpoint.eventTypes,
                bearerToken: endpoint.bearerToken, disabled: true)
        }
    }
}
