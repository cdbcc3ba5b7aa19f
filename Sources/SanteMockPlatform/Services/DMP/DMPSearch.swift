import Foundation
import HTTPTypes
import SanteCore

/// The ITI-67 (DocumentReference) and ITI-66 (List) searches: every parameter of the contract, AND between
/// parameters, OR between comma-separated values.
struct DMPSearch: Sendable {
    /// A filter over one resource.
    typealias Filter = @Sendable (DMPJSON.Object, DMPIdentifier?) -> Bool

    /// The filters of the recognised parameters.
    let filters: [Filter]
    /// Warnings for the parameters ignored.
    let warnings: [DMPIssue]
    /// The page size: `_count`, 20 by default, at most 100.
    let count: Int
    /// The index of the first result of the page: `_offset`.
    let offset: Int

    static let defaultCount = 20
    static let maximumCount = 100
    /// The largest `_offset` honoured; beyond it every page is empty anyway.
    static let maximumOffset = 1_000_000_000
    private static let paging: Set<String> = ["_count", "_offset", "_format", "_sort"]

    /// Reads the arguments of a DocumentReference search.
    /// - Throws: ``DMPFailure`` `400` when `patient`/`patient.identifier` or `status` is missing, or a value
    ///   is unusable.
    static func documentReferences(_ arguments: [QueryString.Argument]) throws(DMPFailure) -> DMPSearch {
        try DMPSearch(arguments: arguments, resourceType: "DocumentReference", required: ["status"]) { name in
            documentFilter(name)
        }
    }

    /// Reads the arguments of a List search.
    /// - Throws: ``DMPFailure`` `400` when `patient`/`patient.identifier`, `code` or `status` is missing.
    static func lists(_ arguments: [QueryString.Argument]) throws(DMPFailure) -> DMPSearch {
        try DMPSearch(arguments: arguments, resourceType: "List", required: ["code", "status"]) { name in
            listFilter(name)
        }
    }

    private init(
        arguments: [QueryString.Argument], resourceType: String, required: [String],
        filter: (String) -> (@Sendable (String) throws(DMPFailure) -> Filter)?
    ) throws(DMPFailure) {
        var missing: [String] = []
        if !arguments.contains(where: { $0.name == "patient" || $0.name == "patient.identifier" }) {
            missing.append("patient or patient.identifier")
        }
        for name in required where !arguments.contains(where: { $0.name == name }) {
            missing.append(name)
        }
        guard missing.isEmpty else {
            throw DMPFailure(
                .badRequest,
                issues: missing.map {
                    .error("required", "The \(resourceType) search parameter \($0) is required", expression: $0)
                })
        }
        var filters: [Filter] = []
        var warnings: [DMPIssue] = []
        for argument in arguments where !Self.paging.contains(argument.name) {
            if let make = filter(argument.name) {
                filters.append(try make(argument.value))
            } else {
                warnings.append(
                    .warning("not-supported", "The search parameter \(argument.name) is not supported and was ignored"))
            }
        }
        let count = arguments.last { $0.name == "_count" }.map(\.value)
        let offset = arguments.last { $0.name == "_offset" }.map(\.value)
        guard count.map({ Int($0).map { $0 >= 0 } ?? false }) ?? true,
            offset.map({ Int($0).map { $0 >= 0 } ?? false }) ?? true
        else {
            throw DMPFailure(
                .badRequest, "invalid", "_count and _offset must be non-negative integers", expression: "_count")
        }
        self.filters = filters
        self.warnings = warnings
        self.count = min(count.flatMap { Int($0) } ?? Self.defaultCount, Self.maximumCount)
        // Bounded so that offset + count can never overflow.
        self.offset = min(offset.flatMap { Int($0) } ?? 0, Self.maximumOffset)
    }

    /// Whether a resource (with its patient INS) matches every filter.
    func matches(_ resource: DMPJSON.Object, patient: DMPIdentifier?) -> Bool {
        filters.allSatisfy { $0(resource, patient) }
    }

    // MARK: Parameters

    private static func documentFilter(_ name: String) -> (@Sendable (String) throws(DMPFailure) -> Filter)? {
        switch name {
        case "patient", "patient.identifier", "status", "identifier", "isArchived":
            return commonFilter(name)
        case "type": return token { codings($0, "type") }
        case "category": return token { codings($0, "category") }
        case "facility": return token { codings($0, "context", "facilityType") }
        case "setting": return token { codings($0, "context", "practiceSetting") }
        case "format":
            return token { resource in
                (resource["content"]?.arrayValue ?? []).flatMap { DMPJSON.codings($0["format"]) }
            }
        case "security-label": return token { codings($0, "securityLabel") }
        case "event": return token { codings($0, "context", "event") }
        case "related":
            return token { resource in
                (JSONValue.object(resource).dmpValue(at: "context", "related")?.arrayValue ?? []).compactMap {
                    DMPIdentifier($0["identifier"]).map { ($0.system, $0.value) }
                }
            }
        case "relatesto":
            return reference { resource in
                (resource["relatesTo"]?.arrayValue ?? []).compactMap {
                    $0.dmpValue(at: "target", "reference")?.stringValue
                }
            }
        case "date": return date { [($0["date"]?.stringValue, nil)] }
        case "creation":
            return date { resource in
                (resource["content"]?.arrayValue ?? []).map {
                    ($0.dmpValue(at: "attachment", "creation")?.stringValue, nil)
                }
            }
        case "period":
            return date { resource in
                let period = JSONValue.object(resource).dmpValue(at: "context", "period")
                return [(period?["start"]?.stringValue ?? period?["end"]?.stringValue, period?["end"]?.stringValue)]
            }
        case "period-start":
            return date { [(JSONValue.object($0).dmpValue(at: "context", "period", "start")?.stringValue, nil)] }
        case "period-end":
            return date { [(JSONValue.object($0).dmpValue(at: "context", "period", "end")?.stringValue, nil)] }
        case "author.given": return string { authorNames($0, part: "given") }
        case "author.family": return string { authorNames($0, part: "family") }
        default: return nil
        }
    }

    private static func listFilter(_ name: String) -> (@Sendable (String) throws(DMPFailure) -> Filter)? {
        switch name {
        case "patient", "patient.identifier", "status", "identifier", "isArchived":
            return commonFilter(name)
        case "code": return token { codings($0, "code") }
        case "date": return date { [($0["date"]?.stringValue, nil)] }
        case "title": return string { [$0["title"]?.stringValue].compactMap { $0 } }
        case "designationType": return token { DMPJSON.codings(extensionValue($0, suffix: "designationType")) }
        case "sourceId":
            return token { resource in
                [DMPIdentifier(extensionValue(resource, suffix: "sourceId"))].compactMap {
                    $0.map { ($0.system, $0.value) }
                }
            }
        case "source":
            return reference { [$0["source"]?["reference"]?.stringValue].compactMap { $0 } }
        case "authorOrg":
            return reference { [extensionValue($0, suffix: "authorOrg")?["reference"]?.stringValue].compactMap { $0 } }
        default: return nil
        }
    }

    private static func commonFilter(_ name: String) -> (@Sendable (String) throws(DMPFailure) -> Filter)? {
        switch name {
        case "patient":
            return { value in
                let wanted = value.split(separator: ",").map { String($0.split(separator: "/").last ?? "") }
                return { _, patient in patient.map { wanted.contains($0.value) } ?? false }
            }
        case "patient.identifier":
            return { value in
                let tokens = DMPSearchToken.alternatives(value)
                return { _, patient in patient.map { patient in tokens.contains { $0.matches(patient) } } ?? false }
            }
        case "status":
            return token { [(nil, $0["status"]?.stringValue)] }
        case "identifier":
            return token { resource in
                ([DMPIdentifier(resource["masterIdentifier"])]
                    + (resource["identifier"]?.arrayValue ?? []).map { DMPIdentifier($0) })
                    .compactMap { $0.map { ($0.system, $0.value) } }
            }
        case "isArchived":
            return { (value: String) throws(DMPFailure) -> Filter in
                guard let wanted = Bool(value) else {
                    throw DMPFailure(
                        .badRequest, "invalid", "isArchived must be true or false", expression: "isArchived")
                }
                return { resource, _ in DMPServiceState.isArchived(resource) == wanted }
            }
        default:
            return nil
        }
    }

    // MARK: Kinds of parameters

    private static func token(
        _ values: @escaping @Sendable (DMPJSON.Object) -> [(system: String?, code: String?)]
    ) -> @Sendable (String) throws(DMPFailure) -> Filter {
        { value in
            let tokens = DMPSearchToken.alternatives(value)
            return { resource, _ in
                let candidates = values(resource)
                return tokens.contains { token in
                    candidates.contains { token.matches(system: $0.system, code: $0.code) }
                }
            }
        }
    }

    private static func reference(
        _ values: @escaping @Sendable (DMPJSON.Object) -> [String]
    ) -> @Sendable (String) throws(DMPFailure) -> Filter {
        { value in
            let wanted = value.split(separator: ",").map(String.init)
            return { resource, _ in
                values(resource).contains { reference in
                    wanted.contains {
                        reference == $0 || reference.hasSuffix("/\($0)") || $0.hasSuffix("/\(reference)")
                    }
                }
            }
        }
    }

    private static func string(
        _ values: @escaping @Sendable (DMPJSON.Object) -> [String]
    ) -> @Sendable (String) throws(DMPFailure) -> Filter {
        { value in
            let wanted = value.split(separator: ",").map { fold(String($0)) }
            return { resource, _ in
                values(resource).contains { candidate in wanted.contains { fold(candidate).hasPrefix($0) } }
            }
        }
    }

    private static func date(
        _ values: @escaping @Sendable (DMPJSON.Object) -> [(String?, String?)]
    ) -> @Sendable (String) throws(DMPFailure) -> Filter {
        { (value: String) throws(DMPFailure) -> Filter in
            guard let search = DMPDateSearch(value) else {
                throw DMPFailure(.badRequest, "invalid", "\(value) is not a FHIR date search value")
            }
            return { resource, _ in
                values(resource).contains { start, end in
                    guard let from = DMPDateSearch.instant(start) else { return false }
                    let to = DMPDateSearch.instant(end) ?? from
                    return search.matches(from: from, to: to)
                }
            }
        }
    }

    // MARK: Reading resources

    private static func codings(_ resource: DMPJSON.Object, _ path: String...) -> [(system: String?, code: String?)] {
        var value: JSONValue? = .object(resource)
        for key in path { value = value?[key] }
        return DMPJSON.codings(value)
    }

    private static func extensionValue(_ resource: DMPJSON.Object, suffix: String) -> JSONValue? {
        let extensionJSON = (resource["extension"]?.arrayValue ?? []).first {
            $0["url"]?.stringValue?.hasSuffix(suffix) == true
        }
        return extensionJSON?.objectValue?.first { $0.key.hasPrefix("value") }?.value
    }

    /// The given or family names of the authors (contained Practitioners, directly or through a PractitionerRole).
    private static func authorNames(_ resource: DMPJSON.Object, part: String) -> [String] {
        let contained = resource["contained"]?.arrayValue ?? []
        func find(_ reference: String?) -> JSONValue? {
            guard let reference, reference.hasPrefix("#") else { return nil }
            return contained.first { $0["id"]?.stringValue == String(reference.dropFirst()) }
        }
        var names: [String] = []
        for author in resource["author"]?.arrayValue ?? [] {
            guard var target = find(author["reference"]?.stringValue) else { continue }
            if let practitioner = find(target.dmpValue(at: "practitioner", "reference")?.stringValue) {
                target = practitioner
            }
            for name in target["name"]?.arrayValue ?? [] {
                if let array = name[part]?.arrayValue {
                    names += array.compactMap(\.stringValue)
                } else if let text = name[part]?.stringValue {
                    names.append(text)
                }
            }
        }
        return names
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
