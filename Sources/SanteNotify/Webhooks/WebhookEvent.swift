public import Foundation
public import SanteCore

/// A webhook event, typed by its `type`.
///
/// Standard Webhooks bodies are `{"type": "a.b", "timestamp": "<ISO 8601>", "data": {…}}`. The types SanteKit
/// knows get typed data; any other type is kept as a ``RawWebhookEvent`` so nothing is lost.
///
/// ```swift
/// switch try message.event() {
/// case .documentAdded(let document): index(document.id)
/// case .notificationStatusChanged(let receipt): record(receipt.status)
/// default: break
/// }
/// ```
public enum WebhookEvent: Sendable, Hashable {
    /// `document.added`: a document was published to the DMP.
    case documentAdded(DocumentEventData)
    /// `document.updated`: a document's metadata changed, or it was superseded or deleted.
    case documentUpdated(DocumentEventData)
    /// `notification.status-changed`: a Notify message changed status.
    case notificationStatusChanged(NotifyDeliveryReceipt)
    /// Any other event type, kept as received.
    case unknown(RawWebhookEvent)

    /// The `document.added` type.
    public static let documentAddedType = "document.added"
    /// The `document.updated` type.
    public static let documentUpdatedType = "document.updated"
    /// The `notification.status-changed` type.
    public static let notificationStatusChangedType = "notification.status-changed"

    /// The event's `type`.
    public var type: String {
        switch self {
        case .documentAdded: Self.documentAddedType
        case .documentUpdated: Self.documentUpdatedType
        case .notificationStatusChanged: Self.notificationStatusChangedType
        case .unknown(let raw): raw.type
        }
    }

    /// Reads a Standard Webhooks body.
    /// - Parameter body: The body bytes (already verified).
    /// - Throws: ``WebhookError`` with ``WebhookError/Reason/invalidPayload`` when the body is not an event
    ///   object, or when a known type's `data` does not decode.
    public init(body: some DataProtocol) throws(WebhookError) {
        let raw: RawWebhookEvent
        do {
            raw = try JSONDecoder().decode(RawWebhookEvent.self, from: Data(body))
        } catch {
            throw WebhookError(
                .invalidPayload, "the webhook body is not a {type, timestamp, data} JSON object",
                operation: "webhook.event", underlyingError: error)
        }
        try self.init(raw)
    }

    /// Types a raw event.
    /// - Parameter raw: The raw event.
    /// - Throws: ``WebhookError`` with ``WebhookError/Reason/invalidPayload`` when a known type's `data`
    ///   does not decode.
    public init(_ raw: RawWebhookEvent) throws(WebhookError) {
        switch raw.type {
        case Self.documentAddedType: self = .documentAdded(try Self.data(DocumentEventData.self, of: raw))
        case Self.documentUpdatedType: self = .documentUpdated(try Self.data(DocumentEventData.self, of: raw))
        case Self.notificationStatusChangedType:
            self = .notificationStatusChanged(try Self.data(NotifyDeliveryReceipt.self, of: raw))
        default: self = .unknown(raw)
        }
    }

    private static func data<Value: Decodable>(_ type: Value.Type, of raw: RawWebhookEvent) throws(WebhookError)
        -> Value
    {
        do {
            return try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(raw.data))
        } catch {
            throw WebhookError(
                .invalidPayload, "the data of a \(raw.type) event does not decode", operation: "webhook.event",
                underlyingError: error)
        }
    }
}

/// A webhook event as received: its type, timestamp and data as JSON.
public struct RawWebhookEvent: Sendable, Hashable, Codable {
    /// The event type, such as `"document.added"`.
    public var type: String
    /// When the event happened, as written (ISO 8601).
    public var timestamp: String?
    /// The event's data.
    public var data: JSONValue
    /// Members other than `type`, `timestamp` and `data`.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates an event.
    /// - Parameters:
    ///   - type: The event type.
    ///   - timestamp: When it happened.
    ///   - data: Its data.
    public init(type: String, timestamp: String? = nil, data: JSONValue = .null) {
        self.type = type
        self.timestamp = timestamp
        self.data = data
    }

    /// The ``timestamp`` as an instant, when it parses.
    public var date: Date? { timestamp.flatMap { NotifyTimestamp.parse($0) } }

    /// Decodes an event, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        type = try object.required("type")
        timestamp = try object.optional("timestamp")
        data = try object.optional("data") ?? .null
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the event with its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(type, "type")
        try object.encode(timestamp, "timestamp")
        try object.encode(data, "data")
        try object.finish(with: additionalMembers)
    }
}

/// The data of a `document.added` or `document.updated` event: identifiers and status, never clinical content.
public struct DocumentEventData: Sendable, Hashable, Codable {
    /// A `{system, value}` identifier.
    public struct Identifier: Sendable, Hashable, Codable {
        /// The identifier's namespace, such as `urn:oid:1.2.250.1.213.1.4.10` for an INS.
        public var system: String?
        /// The identifier.
        public var value: String?

        /// Creates an identifier.
        /// - Parameters:
        ///   - system: The namespace.
        ///   - value: The identifier.
        public init(system: String?, value: String?) {
            self.system = system
            self.value = value
        }
    }

    /// The DocumentReference's id.
    public var id: String
    /// The version id of the DocumentReference.
    public var versionID: String?
    /// The patient, by INS.
    public var patient: Identifier?
    /// The document's master identifier.
    public var masterIdentifier: Identifier?
    /// The DocumentReference status (`current`, `superseded`, `entered-in-error`).
    public var status: String?
    /// The document type.
    public var type: FHIRCoding?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates event data.
    /// - Parameters:
    ///   - id: The DocumentReference's id.
    ///   - versionID: Its version id.
    ///   - patient: The patient.
    ///   - masterIdentifier: The master identifier.
    ///   - status: The status.
    ///   - type: The document type.
    public init(
        id: String, versionID: String? = nil, patient: Identifier? = nil, masterIdentifier: Identifier? = nil,
        status: String? = nil, type: FHIRCoding? = nil
    ) {
        self.id = id
        self.versionID = versionID
        self.patient = patient
        self.masterIdentifier = masterIdentifier
        self.status = status
        self.type = type
    }

    /// Decodes the data, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.required("id")
        versionID = try object.optional("versionId")
        patient = try object.optional("patient")
        masterIdentifier = try object.optional("masterIdentifier")
        status = try object.optional("status")
        type = try object.optional("type")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the data with its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(versionID, "versionId")
        try object.encode(patient, "patient")
        try object.encode(masterIdentifier, "masterIdentifier")
        try object.encode(status, "status")
        try object.encode(type, "type")
        try object.finish(with: additionalMembers)
    }
}
