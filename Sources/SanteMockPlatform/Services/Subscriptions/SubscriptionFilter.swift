import Foundation
import SanteCore

/// One `backport-filter-criteria` value, `DocumentReference?patient.identifier=sys|value&type=...`: every
/// parameter must match (AND); a comma inside a value means OR.
struct SubscriptionFilter: Sendable, Hashable {
    /// One `name=value` parameter.
    struct Parameter: Sendable, Hashable {
        let name: String
        /// The alternatives (the value split on commas).
        let values: [String]
    }

    /// The filter parameters the mock understands (DSUBm's DocumentReference topic filters).
    static let supportedNames: Set<String> = [
        "patient", "patient.identifier", "type", "category", "status", "security-label", "format", "facility",
        "setting", "event", "author.given", "author.family",
    ]

    /// The text as sent.
    let text: String
    /// The parameters.
    let parameters: [Parameter]

    /// Parses a filter.
    /// - Throws: A message naming the problem (not `DocumentReference?`, unknown parameter, empty value).
    init(_ text: String) throws(SubscriptionFailure) {
        self.text = text
        let prefix = "DocumentReference?"
        guard text.hasPrefix(prefix) else {
            throw .invalid("filter criteria must start with '\(prefix)'", expression: "Subscription.criteria")
        }
        let query = QueryString(String(text.dropFirst(prefix.count)))
        var parameters: [Parameter] = []
        for argument in query.arguments {
            guard Self.supportedNames.contains(argument.name) else {
                throw .invalid(
                    "unsupported filter parameter '\(argument.name)' (supported: "
                        + "\(Self.supportedNames.sorted().joined(separator: ", ")))",
                    expression: "Subscription.criteria")
            }
            let values = argument.value.split(separator: ",").map(String.init).filter { !$0.isEmpty }
            guard !values.isEmpty else {
                throw .invalid("filter parameter '\(argument.name)' has no value", expression: "Subscription.criteria")
            }
            parameters.append(Parameter(name: argument.name, values: values))
        }
        guard !parameters.isEmpty else {
            throw .invalid("filter criteria has no parameter", expression: "Subscription.criteria")
        }
        self.parameters = parameters
    }

    /// The INS values of `patient.identifier` parameters (the part after `|`).
    var patientIdentifierValues: [String] {
        parameters.filter { $0.name == "patient.identifier" }.flatMap(\.values).map { value in
            value.split(separator: "|", omittingEmptySubsequences: false).last.map(String.init) ?? value
        }
    }

    /// Whether a DMP event payload (`{"id", "patient", "status", "resource"}`) passes every parameter.
    func matches(_ payload: JSONValue) -> Bool {
        let resource = payload["resource"] ?? .null
        return parameters.allSatisfy { parameter in
            parameter.values.contains { matches(parameter.name, $0, payload: payload, resource: resource) }
        }
    }

    private func matches(_ name: String, _ value: String, payload: JSONValue, resource: JSONValue) -> Bool {
        switch name {
        case "patient.identifier":
            var identifiers: [JSONValue] = []
            if let patient = payload["patient"] { identifiers.append(patient) }
            if let identifier = resource["subject"]?["identifier"] { identifiers.append(identifier) }
            return identifiers.contains {
                Self.token(value, system: $0["system"]?.stringValue, code: $0["value"]?.stringValue)
            }
        case "patient":
            let reference = resource["subject"]?["reference"]?.stringValue
            let last = value.split(separator: "/").last.map(String.init) ?? value
            return reference == value || reference?.hasSuffix("/" + last) == true
                || payload["patient"]?["value"]?.stringValue == last
        case "status":
            return (resource["status"]?.stringValue ?? payload["status"]?.stringValue) == value
        case "type":
            return Self.codings(resource["type"]).contains { Self.token(value, coding: $0) }
        case "category":
            return (resource["category"]?.arrayValue ?? []).flatMap(Self.codings).contains {
                Self.token(value, coding: $0)
            }
        case "security-label":
            return (resource["securityLabel"]?.arrayValue ?? []).flatMap(Self.codings).contains {
                Self.token(value, coding: $0)
            }
        case "format":
            return (resource["content"]?.arrayValue ?? []).compactMap { $0["format"] }.contains {
                Self.token(value, coding: $0)
            }
        case "facility":
            return Self.codings(resource["context"]?["facilityType"]).contains { Self.token(value, coding: $0) }
        case "setting":
            return Self.codings(resource["context"]?["practiceSetting"]).contains { Self.token(value, coding: $0) }
        case "event":
            return (resource["context"]?["event"]?.arrayValue ?? []).flatMap(Self.codings).contains {
                Self.token(value, coding: $0)
            }
        case "author.given", "author.family":
            let key = name == "author.given" ? "given" : "family"
            let names = (resource["contained"]?.arrayValue ?? []).flatMap { $0["name"]?.arrayValue ?? [] }
            let texts = names.flatMap { name -> [String] in
                if let array = name[key]?.arrayValue { return array.compactMap(\.stringValue) }
                return name[key]?.stringValue.map { [$0] } ?? []
            }
            return texts.contains { $0.lowercased().hasPrefix(value.lowercased()) }
        default:
            return false
        }
    }

    /// The codings of a CodeableConcept (or a Coding itself).
    private static func codings(_ concept: JSONValue?) -> [JSONValue] {
        guard let concept else { return [] }
        if let codings = concept["coding"]?.arrayValue { return codings }
        return concept["code"] != nil ? [concept] : []
    }

    private static func token(_ value: String, coding: JSONValue) -> Bool {
        token(value, system: coding["system"]?.stringValue, code: coding["code"]?.stringValue)
    }

    /// FHIR token matching: `system|code`, `|code` (no system), `system|` (any code), `code` (any system).
    private static func token(_ value: String, system: String?, code: String?) -> Bool {
        guard let bar = value.firstIndex(of: "|") else {
            return code == value
        }
        let wantedSystem = String(value[..<bar])
        let wantedCode = String(value[value.index(after: bar)...])
        if wantedSystem.isEmpty {
            return system == nil && code == wantedCode
        }
        return system == wantedSystem && (wantedCode.isEmpty || code == wantedCode)
    }
}
