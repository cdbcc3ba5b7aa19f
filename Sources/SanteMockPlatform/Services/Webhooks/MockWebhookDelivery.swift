public import Foundation

/// One delivery attempt of the mock (a webhook, or a FHIR subscription notification).
public struct MockWebhookDelivery: Sendable, Hashable, Encodable {
    /// The number of attempts each delivery log keeps (10 000); older ones are forgotten.
    public static let logCapacity = 10_000

    /// The webhook endpoint (`ep_…`) or subscription identifier.
    public let endpointID: String
    /// The `webhook-id` header, the same for every attempt of one message.
    public let webhookID: String
    /// The event type (`document.added`, `notification.status-changed`...) or the subscription notification
    /// type (`handshake`, `heartbeat`, `event-notification`).
    public let eventType: String
    /// The attempt number, from 1.
    public let attempt: Int
    /// The receiver's HTTP status, or `nil` when it did not answer.
    public let statusCode: Int?
    /// Why the receiver did not answer, if so.
    public let error: String?
    /// What the attempt led to: `delivered`, `retrying`, `gone` (410: endpoint disabled) or `gave-up`.
    public let outcome: String
    /// When the attempt finished, on the platform clock.
    public let time: Date

    /// Creates a log entry.
    /// - Parameters:
    ///   - endpointID: The endpoint or subscription identifier.
    ///   - webhookID: The `webhook-id`.
    ///   - eventType: The event or notification type.
    ///   - attempt: The attempt number.
    ///   - statusCode: The HTTP status, if any.
    ///   - error: The failure, if no status.
    ///   - outcome: What the attempt led to.
    ///   - time: When it finished.
    public init(
        endpointID: String, webhookID: String, eventType: String, attempt: Int, statusCode: Int?, error: String?,
        outcome: String, time: Date
    ) {
        self.endpointID = endpointID
        self.webhookID = webhookID
        self.eventType = eventType
        self.attempt = attempt
        self.statusCode = statusCode
        self.error = error
        self.outcome = outcome
        self.time = time
    }

    private enum CodingKeys: String, CodingKey {
        case endpointID = "endpoint", webhookID = "webhookId", eventType = "type", attempt, statusCode, error, outcome,
            time
    }

    /// Encodes the entry as `GET /_mock/webhooks/deliveries` shows it (`time` in ISO 8601).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(endpointID, forKey: .endpointID)
        try container.encode(webhookID, forKey: .webhookID)
        try container.encode(eventType, forKey: .eventType)
        try container.encode(attempt, forKey: .attempt)
        try container.encode(statusCode, forKey: .statusCode)
        try container.encode(error, forKey: .error)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(time.formatted(.iso8601), forKey: .time)
    }
}
