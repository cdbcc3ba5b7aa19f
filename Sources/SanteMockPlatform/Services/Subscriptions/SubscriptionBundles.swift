import Foundation
import SanteCore

/// The Bundles of the subscription service (R4 backport): notifications (`history` Bundles whose first
/// entry is the status `Parameters`), `$status` and `$events` answers.
enum SubscriptionBundles {
    /// A notification or `$events` Bundle (`type: history`).
    /// - Parameters:
    ///   - subscription: The subscription.
    ///   - type: `handshake`, `heartbeat`, `event-notification` or `query-event`.
    ///   - events: The events carried.
    ///   - content: The payload content (`empty`, `id-only`, `full-resource`).
    ///   - now: The Bundle's timestamp.
    static func notification(
        _ subscription: StoredSubscription, type: String, events: [StoredSubscription.Event], content: String, now: Date
    ) -> JSONValue {
        let statusURL = "\(subscription.base)/Subscription/\(subscription.id)/$status"
        var entries: [JSONValue] = [
            [
                "fullUrl": .string("urn:uuid:\(UUID().uuidString.lowercased())"),
                "resource": parameters(subscription, type: type, events: events, content: content),
                "request": ["method": "GET", "url": .string(statusURL)],
                "response": ["status": "200"],
            ]
        ]
        if content != "empty" {
            for event in events {
                var entry: [String: JSONValue] = [
                    "fullUrl": .string("\(subscription.base)/DocumentReference/\(event.focusID)"),
                    "request": event.isCreate
                        ? ["method": "POST", "url": "DocumentReference"]
                        : ["method": "PUT", "url": .string("DocumentReference/\(event.focusID)")],
                    "response": ["status": event.isCreate ? "201" : "200"],
                ]
                if content == "full-resource", let resource = event.resource {
                    entry["resource"] = resource
                }
                entries.append(.object(entry))
            }
        }
        return [
            "resourceType": "Bundle",
            "id": .string(UUID().uuidString.lowercased()),
            "type": "history",
            "timestamp": .string(now.formatted(.iso8601)),
            "entry": .array(entries),
        ]
    }

    /// The `$status` answer: a `searchset` Bundle with one `query-status` Parameters.
    static func status(_ subscription: StoredSubscription, now: Date) -> JSONValue {
        [
            "resourceType": "Bundle",
            "id": .string(UUID().uuidString.lowercased()),
            "type": "searchset",
            "timestamp": .string(now.formatted(.iso8601)),
            "total": 1,
            "entry": [
                [
                    "fullUrl": .string("urn:uuid:\(UUID().uuidString.lowercased())"),
                    "resource": parameters(
                        subscription, type: "query-status", events: [], content: subscription.definition.content),
                    "search": ["mode": "match"],
                ]
            ],
        ]
    }

    /// The status `Parameters` (profile `backport-subscription-status-r4`).
    static func parameters(
        _ subscription: StoredSubscription, type: String, events: [StoredSubscription.Event], content: String
    ) -> JSONValue {
        var parameters: [JSONValue] = [
            [
                "name": "subscription",
                "valueReference": ["reference": .string("\(subscription.base)/Subscription/\(subscription.id)")],
            ]
        ]
        if content != "empty" {
            parameters.append(["name": "topic", "valueCanonical": .string(subscription.definition.topic)])
        }
        parameters.append(["name": "status", "valueCode": .string(subscription.status)])
        parameters.append(["name": "type", "valueCode": .string(type)])
        parameters.append([
            "name": "events-since-subscription-start", "valueString": .string(String(subscription.eventCount)),
        ])
        for event in events {
            var parts: [JSONValue] = [
                ["name": "event-number", "valueString": .string(String(event.number))],
                ["name": "timestamp", "valueInstant": .string(event.timestamp.formatted(.iso8601))],
            ]
            if content != "empty" {
                parts.append([
                    "name": "focus",
                    "valueReference": ["reference": .string("\(subscription.base)/DocumentReference/\(event.focusID)")],
                ])
            }
            parameters.append(["name": "notification-event", "part": .array(parts)])
        }
        if let errorText = subscription.errorText {
            parameters.append(["name": "error", "valueCodeableConcept": ["text": .string(errorText)]])
        }
        return [
            "resourceType": "Parameters",
            "id": .string(UUID().uuidString.lowercased()),
            "meta": ["profile": [.string(SubscriptionConstants.statusProfile)]],
            "parameter": .array(parameters),
        ]
    }
}
