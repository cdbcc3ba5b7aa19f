public import Foundation

/// A webhook message whose signature, timestamp and (when a replay store is set) novelty were checked.
public struct VerifiedWebhook: Sendable, Hashable {
    /// The message id (`webhook-id`), stable across the sender's retries: use it as an idempotency key.
    public let id: String
    /// The attempt's time (`webhook-timestamp`).
    public let timestamp: Date
    /// The exact body bytes that were verified.
    public let body: Data
    /// The index, in the verifier's ``WebhookVerifier/secrets``, of the secret that matched.
    public let secretIndex: Int

    /// Creates a verified message (the verifier does; tests may too).
    /// - Parameters:
    ///   - id: The message id.
    ///   - timestamp: The attempt's time.
    ///   - body: The body bytes.
    ///   - secretIndex: The index of the secret that matched.
    public init(id: String, timestamp: Date, body: Data, secretIndex: Int = 0) {
        self.id = id
        self.timestamp = timestamp
        self.body = body
        self.secretIndex = secretIndex
    }

    /// The body read as a Standard Webhooks event (`{"type", "timestamp", "data"}`).
    /// - Returns: The typed event; unknown types are kept raw.
    /// - Throws: ``WebhookError`` with ``WebhookError/Reason/invalidPayload`` when the body is not such JSON.
    public func event() throws(WebhookError) -> WebhookEvent {
        try WebhookEvent(body: body)
    }
}
