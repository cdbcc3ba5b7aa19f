import Foundation
import SanteCore

/// The FHIR subscriptions of the mock DMP (R4 backport, DSUBm topics): stored subscriptions, their
/// handshakes, heartbeats and event notifications, and the delivery log.
actor SubscriptionServiceState: DeliveryOwner {
    /// What the service shares with the rest of the platform.
    let environment: MockServiceEnvironment
    /// Delivers and retries.
    nonisolated let deliverer: WebhookDeliverer

    private var subscriptions: [String: StoredSubscription] = [:]
    private var order: [String] = []
    private var log: [MockWebhookDelivery] = []

    /// Creates the service's initial state (no subscription).
    init(environment: MockServiceEnvironment, deliverer: WebhookDeliverer) {
        self.environment = environment
        self.deliverer = deliverer
    }

    private var now: Date { environment.clock.now() }

    /// Every subscription, oldest first.
    func all() -> [StoredSubscription] {
        order.compactMap { subscriptions[$0] }
    }

    /// Every delivery attempt (handshakes, heartbeats, event notifications), oldest first.
    func deliveries() -> [MockWebhookDelivery] {
        log
    }

    /// Stores a subscription (`requested`), sends the handshake and sets `active` (2xx) or `error`, then starts
    /// the heartbeats.
    func create(_ definition: SubscriptionDefinition, owner: MockPrincipal, base: String) async -> StoredSubscription {
        let id = UUID().uuidString.lowercased()
        subscriptions[id] = StoredSubscription(
            id: id, definition: definition, status: "requested", errorText: nil, secret: .random(), owner: owner,
            base: base, versionID: 1, lastUpdated: now)
        order.append(id)
        await handshake(id: id)
        return subscriptions[id]
            ?? StoredSubscription(
                id: id, definition: definition, status: "off", errorText: "deleted", secret: .random(), owner: owner,
                base: base, versionID: 1, lastUpdated: now)
    }

    /// The subscription `id` when `principal` owns it.
    func read(id: String, principal: MockPrincipal) throws(SubscriptionFailure) -> StoredSubscription {
        guard let subscription = subscriptions[id], subscription.owner == principal else { throw .notFound(id) }
        return subscription
    }

    /// Replaces the definition (status back to `requested`, a new handshake), keeping the secret and events.
    func update(
        id: String, definition: SubscriptionDefinition, principal: MockPrincipal
    ) async throws(SubscriptionFailure) -> StoredSubscription {
        guard var subscription = subscriptions[id], subscription.owner == principal else { throw .notFound(id) }
        subscription.definition = definition
        subscription.status = "requested"
        subscription.errorText = nil
        subscription.versionID += 1
        subscription.lastUpdated = now
        subscription.generation += 1
        subscriptions[id] = subscription
        await handshake(id: id)
        return subscriptions[id] ?? subscription
    }

    /// Deletes the subscription: no more notifications or retries.
    func delete(id: String, principal: MockPrincipal) throws(SubscriptionFailure) {
        guard let subscription = subscriptions[id], subscription.owner == principal else { throw .notFound(id) }
        subscriptions[id] = nil
        order.removeAll { $0 == subscription.id }
    }

    /// The `$events` Bundle for events `since...until` (inclusive; defaults: all).
    func eventsBundle(
        id: String, principal: MockPrincipal, since: Int?, until: Int?, content: String?
    ) throws(SubscriptionFailure) -> JSONValue {
        let subscription = try read(id: id, principal: principal)
        let lower = since ?? 1
        let upper = until ?? subscription.eventCount
        guard lower >= 1, upper >= lower - 1 else {
            throw .invalid("eventsSinceNumber must be at least 1 and not above eventsUntilNumber")
        }
        let events = subscription.events.filter { $0.number >= lower && $0.number <= upper }
        return SubscriptionBundles.notification(
            subscription, type: "query-event", events: events, content: content ?? subscription.definition.content,
            now: now)
    }

    /// Notifies every active subscription a DMP document event matches.
    func handle(_ event: MockEvent) {
        let isCreate: Bool
        switch event.kind {
        case "dmp.document.stored": isCreate = true
        case "dmp.document.updated": isCreate = false
        default: return
        }
        guard let focusID = event.payload["id"]?.stringValue else { return }
        for id in order {
            guard var subscription = subscriptions[id], subscription.status == "active",
                subscription.definition.matches(event.payload),
                Self.ownerMaySee(event.payload, subscription.owner)
            else { continue }
            let record = StoredSubscription.Event(
                number: subscription.eventCount + 1, timestamp: event.time, focusID: focusID,
                resource: event.payload["resource"], isCreate: isCreate)
            subscription.events.append(record)
            subscriptions[id] = subscription
            let bundle = SubscriptionBundles.notification(
                subscription, type: "event-notification", events: [record], content: subscription.definition.content,
                now: now)
            guard let message = outbound(subscription, type: "event-notification", bundle: bundle) else { continue }
            deliverer.start(message, owner: self)
        }
    }

    /// Whether the subscription's owner may see the document of a DMP event, by the DMP's own access rules
    /// (`MASQUE_PS`, `INVISIBLE_PATIENT`, another patient, a removed document): a subscription never tells
    /// more than a search would.
    ///
    /// The DMP adds a `visibility` member to its events; for an event without it, the labels are read from the
    /// resource and no professional counts as an author (so `MASQUE_PS` hides the document from every one).
    static func ownerMaySee(_ payload: JSONValue, _ owner: MockPrincipal) -> Bool {
        guard let patient = payload["patient"]?["value"]?.stringValue else { return false }
        let visibility = payload["visibility"]?.objectValue
        func strings(_ name: String) -> Set<String> {
            Set((visibility?[name]?.arrayValue ?? []).compactMap(\.stringValue))
        }
        let securityCodes =
            visibility == nil
            ? Set(DMPJSON.codings(payload["resource"]?["securityLabel"]).compactMap(\.code)) : strings("securityCodes")
        let isRemoved =
            visibility?["removed"]?.boolValue
            ?? (payload["deleted"]?.boolValue == true || payload["status"]?.stringValue == "entered-in-error")
        return DMPAccess.canSee(
            securityCodes: securityCodes, authorIDs: strings("authorIDs"), patientINS: patient, isRemoved: isRemoved,
            owner)
    }

    func shouldDeliver(_ message: OutboundWebhook) -> Bool {
        guard let subscription = subscriptions[message.ownerID] else { return false }
        return subscription.status == "active"
    }

    func attemptFinished(
        _ message: OutboundWebhook, attempt: Int, response: DeliveryResponse, outcome: DeliveryOutcome, at time: Date
    ) {
        record(message, attempt: attempt, response: response, outcome: outcome.name, at: time)
        guard var subscription = subscriptions[message.ownerID] else { return }
        switch outcome {
        case .gone:
            subscription.status = "off"
            subscription.errorText = "the endpoint answered 410 Gone"
        case .gaveUp:
            subscription.status = "error"
            subscription.errorText = "the endpoint failed every delivery attempt"
        default:
            return
        }
        subscription.generation += 1
        subscriptions[message.ownerID] = subscription
    }

    private func handshake(id: String) async {
        guard let subscription = subscriptions[id] else { return }
        let bundle = SubscriptionBundles.notification(
            subscription, type: "handshake", events: [], content: subscription.definition.content, now: now)
        guard let message = outbound(subscription, type: "handshake", bundle: bundle) else { return }
        let response = await deliverer.sendOnce(message)
        let succeeded = response.status.map { (200..<300).contains($0) } ?? false
        record(message, attempt: 1, response: response, outcome: succeeded ? "delivered" : "failed", at: now)
        guard var current = subscriptions[id], current.generation == subscription.generation else { return }
        if succeeded {
            current.status = "active"
        } else {
            current.status = "error"
            current.errorText =
                "handshake failed: " + (response.status.map { "HTTP \($0)" } ?? response.error ?? "no response")
        }
        subscriptions[id] = current
        scheduleHeartbeat(id: id)
    }

    private func scheduleHeartbeat(id: String) {
        guard let subscription = subscriptions[id], subscription.status == "active",
            let period = subscription.definition.heartbeatPeriod
        else { return }
        let generation = subscription.generation
        deliverer.scheduler.schedule(after: .seconds(period)) { [weak self] in
            await self?.heartbeat(id: id, generation: generation)
        }
    }

    private func heartbeat(id: String, generation: Int) async {
        guard let subscription = subscriptions[id], subscription.generation == generation,
            subscription.status == "active"
        else { return }
        let bundle = SubscriptionBundles.notification(
            subscription, type: "heartbeat", events: [], content: subscription.definition.content, now: now)
        if let message = outbound(subscription, type: "heartbeat", bundle: bundle) {
            let response = await deliverer.sendOnce(message)
            let succeeded = response.status.map { (200..<300).contains($0) } ?? false
            record(message, attempt: 1, response: response, outcome: succeeded ? "delivered" : "failed", at: now)
        }
        scheduleHeartbeat(id: id)
    }

    private func outbound(_ subscription: StoredSubscription, type: String, bundle: JSONValue) -> OutboundWebhook? {
        guard let body = try? MockJSON.encode(bundle) else { return nil }
        return OutboundWebhook(
            ownerID: subscription.id, webhookID: StandardWebhookSecret.randomIdentifier(prefix: "msg_"),
            eventType: type, url: subscription.definition.endpoint, body: body,
            contentType: subscription.definition.payloadType,
            headers: subscription.definition.headers.map { ($0.name, $0.value) }, secret: subscription.secret)
    }

    private func record(
        _ message: OutboundWebhook, attempt: Int, response: DeliveryResponse, outcome: String, at time: Date
    ) {
        log.append(
            MockWebhookDelivery(
                endpointID: message.ownerID, webhookID: message.webhookID, eventType: message.eventType,
                attempt: attempt, statusCode: response.status, error: response.error, outcome: outcome, time: time))
        if log.count > MockWebhookDelivery.logCapacity {
            log.removeFirst(log.count - MockWebhookDelivery.logCapacity)
        }
    }
}
