import Foundation

/// One message to deliver, the same for every attempt (only `webhook-timestamp` and the signature change).
struct OutboundWebhook: Sendable {
    /// Who the delivery is for: a webhook endpoint id (`ep_…`) or a subscription id.
    let ownerID: String
    /// The `webhook-id` header: `msg_` + random, stable across retries.
    let webhookID: String
    /// The event type (`document.added`...) or the notification type (`event-notification`...).
    let eventType: String
    /// Where to POST.
    let url: URL
    /// The exact body bytes (what is signed).
    let body: Data
    /// The `Content-Type` header.
    let contentType: String
    /// Extra headers: `Authorization: Bearer …`, a subscription's channel headers.
    let headers: [(String, String)]
    /// The signing secret.
    let secret: StandardWebhookSecret
}

/// What one attempt led to.
enum DeliveryOutcome: Sendable, Hashable {
    /// A `2xx`: done.
    case delivered
    /// A failure; the next attempt comes after this delay.
    case retrying(after: Duration)
    /// A `410 Gone`: the receiver asked to stop.
    case gone
    /// A failure after the last attempt.
    case gaveUp

    /// The outcome's name in the delivery log.
    var name: String {
        switch self {
        case .delivered: "delivered"
        case .retrying: "retrying"
        case .gone: "gone"
        case .gaveUp: "gave-up"
        }
    }
}

/// The service a delivery belongs to: it says whether to go on and hears about every attempt.
protocol DeliveryOwner: Sendable {
    /// Whether the message should still be delivered (its endpoint or subscription still exists and is enabled).
    func shouldDeliver(_ message: OutboundWebhook) async -> Bool
    /// Records one attempt and what it led to.
    func attemptFinished(
        _ message: OutboundWebhook, attempt: Int, response: DeliveryResponse, outcome: DeliveryOutcome, at: Date
    ) async
}
