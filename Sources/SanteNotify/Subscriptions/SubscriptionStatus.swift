import Foundation
public import SanteCore

/// The status `Parameters` of a notification or of `$status` (profile `backport-subscription-status-r4`).
public struct SubscriptionStatus: Sendable, Hashable {
    /// The subscription.
    public var subscription: FHIRReference?
    /// The topic's canonical URL (absent for `empty` payloads).
    public var topic: String?
    /// The subscription's status (`requested`, `active`, `error`, `off`).
    public var status: String?
    /// What the notification is.
    public var type: SubscriptionNotificationType
    /// How many events the subscription has triggered since it started.
    public var eventsSinceSubscriptionStart: Int64?
    /// The events carried.
    public var events: [SubscriptionEvent]
    /// Errors the server reports, as their text or first code.
    public var errors: [String]
    /// The Parameters resource as received.
    public var parameters: AnyFHIRResource

    /// Reads a status `Parameters`.
    /// - Parameter parameters: The resource.
    /// - Throws: ``SubscriptionError`` with ``SubscriptionError/Reason/invalidNotification`` when it is not a
    ///   `Parameters` with a `type`, or an event number is not an integer.
    public init(parameters: AnyFHIRResource) throws(SubscriptionError) {
        guard parameters.resourceType == "Parameters" else {
            throw Self.invalid("the status resource is a \(parameters.resourceType), not a Parameters")
        }
        self.parameters = parameters
        let items = parameters[member: "parameter"]?.arrayValue ?? []
        var type: SubscriptionNotificationType?
        var events: [SubscriptionEvent] = []
        var errors: [String] = []
        for item in items {
            switch item["name"]?.stringValue {
            case "subscription": subscription = Self.reference(item["valueReference"])
            case "topic": topic = Self.text(item)
            case "status": status = Self.text(item)
            case "type": type = Self.text(item).map(SubscriptionNotificationType.init(rawValue:))
            case "events-since-subscription-start":
                guard let number = Self.integer(item) else {
                    throw Self.invalid("events-since-subscription-start is not an integer")
                }
                eventsSinceSubscriptionStart = number
            case "notification-event": events.append(try SubscriptionEvent(parameter: item))
            case "error":
                let concept = item["valueCodeableConcept"]
                if let text = concept?["text"]?.stringValue
                    ?? concept?["coding"]?.arrayValue?.first?["code"]?.stringValue
                {
                    errors.append(text)
                }
            default: break
            }
        }
        guard let type else { throw Self.invalid("the status Parameters has no type") }
        self.type = type
        self.events = events
        self.errors = errors
    }

    /// The text of a `value[x]` that is a string, code, canonical, uri or id.
    static func text(_ item: JSONValue) -> String? {
        for key in ["valueString", "valueCode", "valueCanonical", "valueUri", "valueUrl", "valueId"] {
            if let text = item[key]?.stringValue { return text }
        }
        return nil
    }

    /// The integer of a `value[x]` (`valueString` in R4, or an integer type).
    static func integer(_ item: JSONValue) -> Int64? {
        for key in [
            "valueString", "valueInteger64", "valueInteger", "valueUnsignedInt", "valuePositiveInt", "valueDecimal",
        ] {
            guard let value = item[key] else { continue }
            if let number = value.integerValue { return number }
            if let text = value.stringValue { return Int64(text.trimmingCharacters(in: .whitespaces)) }
        }
        return nil
    }

    /// A Reference from JSON.
    static func reference(_ value: JSONValue?) -> FHIRReference? {
        guard let value, let data = try? JSONEncoder().encode(value) else { return nil }
        return try? FHIRJSON.decode(FHIRReference.self, from: data)
    }

    static func invalid(_ message: String) -> SubscriptionError {
        SubscriptionError(.invalidNotification, message, operation: "subscription.notification", isRetryable: false)
    }
}

/// One `notification-event` of a status: its number, time, focus and (for full-resource) the resource.
public struct SubscriptionEvent: Sendable, Hashable {
    /// The event's number, counted from 1 since the subscription started; gaps mean missed events.
    public var eventNumber: Int64
    /// When the event happened, as written.
    public var timestamp: String?
    /// The resource the event is about (absent for `empty` payloads).
    public var focus: FHIRReference?
    /// Other resources the server thinks relevant.
    public var additionalContext: [FHIRReference]
    /// The focus resource, when the notification carried it (`full-resource`).
    public var resource: AnyFHIRResource?

    /// Creates an event.
    /// - Parameters:
    ///   - eventNumber: The event's number.
    ///   - timestamp: When it happened.
    ///   - focus: The resource it is about.
    ///   - resource: The resource itself.
    public init(
        eventNumber: Int64, timestamp: String? = nil, focus: FHIRReference? = nil, resource: AnyFHIRResource? = nil
    ) {
        self.eventNumber = eventNumber
        self.timestamp = timestamp
        self.focus = focus
        self.additionalContext = []
        self.resource = resource
    }

    /// Reads a `notification-event` parameter.
    init(parameter: JSONValue) throws(SubscriptionError) {
        var number: Int64?
        additionalContext = []
        for part in parameter["part"]?.arrayValue ?? [] {
            switch part["name"]?.stringValue {
            case "event-number": number = SubscriptionStatus.integer(part)
            case "timestamp": timestamp = part["valueInstant"]?.stringValue ?? part["valueDateTime"]?.stringValue
            case "focus": focus = SubscriptionStatus.reference(part["valueReference"])
            case "additional-context":
                if let reference = SubscriptionStatus.reference(part["valueReference"]) {
                    additionalContext.append(reference)
                }
            default: break
            }
        }
        guard let number else {
            throw SubscriptionStatus.invalid("a notification-event has no integer event-number")
        }
        eventNumber = number
    }
}
