import Foundation
import SanteCore

/// What a client asked for in a `Subscription` resource (R4 backport profile), validated.
struct SubscriptionDefinition: Sendable {
    /// The topic canonical URL (`criteria`).
    let topic: String
    /// The filters; every one must match (AND).
    let filters: [SubscriptionFilter]
    /// `channel.endpoint`.
    let endpoint: URL
    /// `channel.payload`, the notifications' `Content-Type`.
    let payloadType: String
    /// `empty`, `id-only` or `full-resource`.
    let content: String
    /// The heartbeat period in seconds, if any.
    let heartbeatPeriod: Int?
    /// `channel.header`, each `Name: value`, split.
    let headers: [HeaderField]
    /// The resource as sent (what the mock returns, completed with id, status, meta and the secret).
    let resource: [String: JSONValue]

    /// One HTTP header.
    struct HeaderField: Sendable, Hashable {
        let name: String
        let value: String
    }

    /// Reads and checks a Subscription resource.
    /// - Throws: ``SubscriptionFailure`` (400) naming the element at fault.
    init(_ json: JSONValue) throws(SubscriptionFailure) {
        guard let object = json.objectValue, object["resourceType"]?.stringValue == "Subscription" else {
            throw .invalid("the body must be a Subscription resource", expression: "Subscription")
        }
        guard let topic = object["criteria"]?.stringValue else { throw .required("Subscription.criteria") }
        guard SubscriptionConstants.topics.contains(topic) else {
            throw .invalid(
                "unknown topic \(topic); this server serves \(SubscriptionConstants.topics.joined(separator: ", "))",
                expression: "Subscription.criteria")
        }
        let filterTexts = (object["_criteria"]?["extension"]?.arrayValue ?? [])
            .filter { $0["url"]?.stringValue == SubscriptionConstants.filterCriteria }
            .compactMap { $0["valueString"]?.stringValue }
        var filters: [SubscriptionFilter] = []
        for text in filterTexts {
            filters.append(try SubscriptionFilter(text))
        }
        if topic == SubscriptionConstants.patientDependentTopic,
            !filters.contains(where: { $0.parameters.contains { ["patient", "patient.identifier"].contains($0.name) } })
        {
            throw .invalid(
                "the PatientDependent topic needs a patient or patient.identifier filter",
                expression: "Subscription.criteria")
        }
        guard let channel = object["channel"]?.objectValue else { throw .required("Subscription.channel") }
        guard let type = channel["type"]?.stringValue else { throw .required("Subscription.channel.type") }
        guard type == "rest-hook" else {
            throw .invalid(
                "only the rest-hook channel is supported, not \(type)", expression: "Subscription.channel.type")
        }
        guard let endpointText = channel["endpoint"]?.stringValue else {
            throw .required("Subscription.channel.endpoint")
        }
        guard let endpoint = URL(string: endpointText),
            ["http", "https"].contains(endpoint.scheme?.lowercased() ?? ""),
            !(endpoint.host ?? "").isEmpty
        else {
            throw .invalid(
                "channel.endpoint must be an absolute http or https URL", expression: "Subscription.channel.endpoint")
        }
        let payloadType = channel["payload"]?.stringValue ?? "application/fhir+json"
        guard payloadType.hasPrefix("application/fhir+json") || payloadType.hasPrefix("application/json") else {
            throw .invalid(
                "only application/fhir+json payloads are supported", expression: "Subscription.channel.payload")
        }
        let content =
            (channel["_payload"]?["extension"]?.arrayValue ?? [])
            .first { $0["url"]?.stringValue == SubscriptionConstants.payloadContent }?["valueCode"]?.stringValue
            ?? "id-only"
        guard SubscriptionConstants.payloadContents.contains(content) else {
            throw .invalid(
                "payload content must be empty, id-only or full-resource", expression: "Subscription.channel.payload")
        }
        let channelExtensions = channel["extension"]?.arrayValue ?? []
        var heartbeat: Int?
        if let value = channelExtensions.first(where: {
            $0["url"]?.stringValue == SubscriptionConstants.heartbeatPeriod
        }) {
            guard
                let seconds = (value["valueUnsignedInt"] ?? value["valueInteger"] ?? value["valuePositiveInt"])?
                    .integerValue,
                seconds >= 0, seconds <= 86_400
            else {
                throw .invalid(
                    "the heartbeat period must be 0 to 86400 seconds", expression: "Subscription.channel.extension")
            }
            heartbeat = seconds > 0 ? Int(seconds) : nil
        }
        var headers: [HeaderField] = []
        for header in channel["header"]?.arrayValue ?? [] {
            guard let text = header.stringValue, let colon = text.firstIndex(of: ":") else {
                throw .invalid("each channel.header must be 'Name: value'", expression: "Subscription.channel.header")
            }
            let name = text[..<colon].trimmingCharacters(in: .whitespaces)
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) }),
                !value.contains(where: \.isNewline)
            else {
                throw .invalid(
                    "channel.header '\(name)' is not a valid HTTP header", expression: "Subscription.channel.header")
            }
            headers.append(HeaderField(name: name, value: value))
        }
        self.topic = topic
        self.filters = filters
        self.endpoint = endpoint
        self.payloadType = payloadType
        self.content = content
        self.heartbeatPeriod = heartbeat
        self.headers = headers
        self.resource = object
    }

    /// The INS values the patient filters name.
    var patientINSValues: [String] {
        filters.flatMap(\.patientIdentifierValues)
    }

    /// Whether a DMP event payload passes every filter.
    func matches(_ payload: JSONValue) -> Bool {
        filters.allSatisfy { $0.matches(payload) }
    }
}
