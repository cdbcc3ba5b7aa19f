import SanteCore

/// The event types the mock's webhook sender emits, and how DMP events become webhook events.
enum WebhookEventTypes {
    /// A document was stored in the DMP (`dmp.document.stored`).
    static let documentAdded = "document.added"
    /// A document's metadata changed, or it was superseded or deleted (`dmp.document.updated`).
    static let documentUpdated = "document.updated"
    /// A Notify message changed status.
    static let notificationStatusChanged = "notification.status-changed"
    /// Every type, in a fixed order.
    static let all = [documentAdded, documentUpdated, notificationStatusChanged]

    /// The DMP bus event kinds and the webhook event type each becomes.
    static let dmpEventKinds = ["dmp.document.stored": documentAdded, "dmp.document.updated": documentUpdated]

    /// The `data` of a document event: identifiers, patient, status and type, never clinical content.
    static func documentData(_ payload: JSONValue) -> JSONValue {
        var data: [String: JSONValue] = [:]
        for key in ["id", "versionId", "patient", "masterIdentifier", "status"] {
            data[key] = payload[key] ?? .null
        }
        let resource = payload["resource"]
        if data["status"] == .null, let status = resource?["status"] {
            data["status"] = status
        }
        data["type"] = resource?["type"]?["coding"]?.arrayValue?.first ?? .null
        return .object(data)
    }
}
