import Foundation
import SanteKit

/// A verified message as the CLI shows it: id, time, what it is, and the body as JSON.
struct WebhookEventSummary: Encodable {
    /// Always `true`.
    var valid = true
    /// The `webhook-id`.
    let id: String
    /// The `webhook-timestamp`, as an instant.
    let timestamp: Date
    /// The event type (`document.added`…), or the FHIR subscription notification type (`handshake`,
    /// `event-notification`…), when the body says.
    let type: String?
    /// The focus references of a FHIR subscription notification's events, such as `DocumentReference/…`.
    let focus: [String]?
    /// The body as JSON, or as text when it is not JSON.
    let event: JSONValue

    /// Reads what a verified body is.
    init(_ message: VerifiedWebhook) {
        id = message.id
        timestamp = message.timestamp
        let json = try? JSONDecoder().decode(JSONValue.self, from: message.body)
        event = json ?? .string(String(decoding: message.body, as: UTF8.self))
        if json?["resourceType"]?.stringValue == "Bundle",
            let notification = try? SubscriptionNotification(data: message.body)
        {
            type = "subscription." + notification.type.rawValue
            focus = notification.events.compactMap { $0.focus?.reference }
        } else {
            type = json?["type"]?.stringValue
            focus = nil
        }
    }

    /// `verified <id>, signed at <time>[: <type>][ (focus …)]`.
    var headline: String {
        var text = "verified \(id), signed at \(timestamp.formatted(.iso8601))"
        if let type { text += ": \(type)" }
        if let focus, !focus.isEmpty { text += " (focus \(focus.joined(separator: ", ")))" }
        return text
    }
}
