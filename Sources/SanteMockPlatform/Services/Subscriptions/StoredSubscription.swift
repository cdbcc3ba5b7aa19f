import Foundation
import SanteCore

/// A subscription the mock keeps, with its event history (for `$events`).
struct StoredSubscription: Sendable {
    /// One event notified (or to notify) to the subscription.
    struct Event: Sendable {
        /// The event number, from 1.
        let number: Int
        /// When the DMP event happened.
        let timestamp: Date
        /// The DocumentReference id.
        let focusID: String
        /// The full DocumentReference, if the event carried it.
        let resource: JSONValue?
        /// Whether the event was a create (`dmp.document.stored`) rather than an update.
        let isCreate: Bool
    }

    let id: String
    var definition: SubscriptionDefinition
    /// `requested`, `active`, `error` or `off`.
    var status: String
    /// Why the status is `error`, if so.
    var errorText: String?
    let secret: StandardWebhookSecret
    /// The principal that created it (only it may read, change or delete it).
    let owner: MockPrincipal
    /// `<server root>/dmp/fhir`, for absolute references.
    let base: String
    var versionID: Int
    var lastUpdated: Date
    var events: [Event] = []
    /// Increased by every update, so that an older heartbeat loop stops.
    var generation = 0

    /// The number of events since the subscription started.
    var eventCount: Int { events.count }

    /// The Subscription resource as the server returns it: what the client sent, with `id`, `status`, `meta`,
    /// `error` and the signing-secret extension.
    var resource: JSONValue {
        var object = definition.resource
        object["id"] = .string(id)
        object["status"] = .string(status)
        object["meta"] = [
            "versionId": .string(String(versionID)), "lastUpdated": .string(lastUpdated.formatted(.iso8601)),
        ]
        object["error"] = errorText.map(JSONValue.string)
        var extensions = (object["extension"]?.arrayValue ?? []).filter {
            $0["url"]?.stringValue != SubscriptionConstants.signingSecretExtension
        }
        extensions.append([
            "url": .string(SubscriptionConstants.signingSecretExtension), "valueString": .string(secret.encoded),
        ])
        object["extension"] = .array(extensions)
        return .object(object)
    }
}
