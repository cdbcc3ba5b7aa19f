import Foundation

/// A FHIR search on the mock directory: the parameters of ``AnnuaireSearchParameters``, comma for OR within a
/// parameter, repetition for AND, modifiers `:exact` and `:contains` on strings, `system|code`, `|code`, `code`
/// and `system|` tokens, references as `Type/id` or `id`; results sorted by `_id`.
struct AnnuaireSearch: Sendable {
    /// A search problem, answered `400` with an OperationOutcome.
    struct Invalid: Error, Sendable {
        let message: String
    }

    private struct Criterion: Sendable {
        let name: String
        let modifier: String?
        let kind: AnnuaireSearchParameters.Kind
        let values: [String]
    }

    /// The resource type searched.
    let type: String
    /// The page size (`_count`, default 50).
    let count: Int
    /// `_include` values.
    let includes: [String]
    /// `_revinclude` values.
    let reverseIncludes: [String]
    private let criteria: [Criterion]

    /// The default `_count`.
    static let defaultCount = 50
    /// The largest `_count` honoured; larger values are clamped, as HAPI clamps them.
    static let maximumCount = 1000

    /// Reads a search of `type` from its query (or form body) arguments.
    init(type: String, arguments: [QueryString.Argument]) throws(Invalid) {
        let parameters = AnnuaireSearchParameters.parameters(of: type)
        var criteria: [Criterion] = []
        var count = Self.defaultCount
        var includes: [String] = []
        var reverseIncludes: [String] = []
        for argument in arguments where !argument.name.isEmpty {
            let parts = argument.name.split(separator: ":", maxSplits: 1).map(String.init)
            let name = parts[0]
            let modifier = parts.count > 1 ? parts[1] : nil
            switch name {
            case "_count":
                guard let value = Int(argument.value), value >= 0 else {
                    throw Invalid(
                        message: "Invalid _count value \"\(argument.value)\": expected a non-negative integer")
                }
                count = min(value, Self.maximumCount)
                continue
            case "_include":
                guard argument.value == "*" || AnnuaireSearchParameters.includes(of: type)[argument.value] != nil else {
                    throw Invalid(message: "Invalid _include parameter value: \"\(argument.value)\"")
                }
                includes.append(argument.value)
                continue
            case "_revinclude":
                guard AnnuaireSearchParameters.reverseIncludes(of: type)[argument.value] != nil else {
                    throw Invalid(message: "Invalid _revinclude parameter value: \"\(argument.value)\"")
                }
                reverseIncludes.append(argument.value)
                continue
            default:
                break
            }
            if AnnuaireSearchParameters.control.contains(name) {
                continue
            }
            guard let kind = parameters[name] else {
                let valid = parameters.keys.sorted().joined(separator: ", ")
                throw Invalid(
                    message: "Unknown search parameter \"\(name)\" for resource type \"\(type)\". Valid search "
                        + "parameters for this search are: [\(valid)]")
            }
            if let modifier, !(kind == .string && (modifier == "exact" || modifier == "contains")) {
                throw Invalid(message: "Invalid modifier \":\(modifier)\" for search parameter \"\(name)\"")
            }
            criteria.append(
                Criterion(
                    name: name, modifier: modifier, kind: kind,
                    values: argument.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
        self.type = type
        self.count = count
        self.includes = includes
        self.reverseIncludes = reverseIncludes
        self.criteria = criteria
    }

    /// The matching resources of the directory, in `_id` order.
    func matches(in directory: AnnuaireDirectory) -> [AnnuaireResource] {
        (directory.resources[type] ?? []).filter { resource in
            criteria.allSatisfy { criterion in criterion.values.contains { matches(resource, criterion, $0) } }
        }
    }

    /// The resources `_include` and `_revinclude` add for `page`, without duplicates or page members.
    func included(for page: [AnnuaireResource], in directory: AnnuaireDirectory) -> [AnnuaireResource] {
        var seen = Set(page.map(\.reference))
        var added: [AnnuaireResource] = []
        func add(_ resource: AnnuaireResource) {
            if seen.insert(resource.reference).inserted {
                added.append(resource)
            }
        }
        let forward = AnnuaireSearchParameters.includes(of: type)
        let parameters = includes.contains("*") ? Array(forward.values) : includes.compactMap { forward[$0] }
        for resource in page {
            for parameter in parameters {
                for reference in resource.references[parameter] ?? [] {
                    let parts = reference.split(separator: "/").map(String.init)
                    if parts.count == 2, let target = directory.resource(type: parts[0], id: parts[1]) {
                        add(target)
                    }
                }
            }
        }
        let reverse = AnnuaireSearchParameters.reverseIncludes(of: type)
        for value in reverseIncludes {
            guard let (referringType, parameter) = reverse[value] else { continue }
            for resource in page {
                for referring in directory.resources[referringType] ?? []
                where referring.references[parameter]?.contains(resource.reference) == true {
                    add(referring)
                }
            }
        }
        return added
    }

    private func matches(_ resource: AnnuaireResource, _ criterion: Criterion, _ value: String) -> Bool {
        switch criterion.kind {
        case .ignored:
            return true
        case .token:
            return (resource.tokens[criterion.name] ?? []).contains { Self.tokenMatches($0, value) }
        case .reference:
            let wanted = value.contains("/") ? value : "\(referencedType(criterion.name))/\(value)"
            return (resource.references[criterion.name] ?? []).contains(wanted)
        case .string:
            let wanted = Self.fold(value)
            return (resource.strings[criterion.name] ?? []).contains { candidate in
                switch criterion.modifier {
                case "exact": candidate == value
                case "contains": Self.fold(candidate).contains(wanted)
                default: Self.fold(candidate).hasPrefix(wanted)
                }
            }
        }
    }

    private func referencedType(_ parameter: String) -> String {
        switch parameter {
        case "practitioner": "Practitioner"
        default: "Organization"
        }
    }

    /// FHIR token matching of a stored `system|code` against a search value.
    static func tokenMatches(_ stored: String, _ value: String) -> Bool {
        let storedParts = split(stored)
        guard let bar = value.firstIndex(of: "|") else {
            return storedParts.code.caseInsensitiveCompare(value) == .orderedSame
        }
        let system = String(value[..<bar])
        let code = String(value[value.index(after: bar)...])
        if system.isEmpty {
            return storedParts.system.isEmpty && storedParts.code == code
        }
        return storedParts.system == system && (code.isEmpty || storedParts.code == code)
    }

    private static func split(_ token: String) -> (system: String, code: String) {
        guard let bar = token.lastIndex(of: "|") else { return ("", token) }
        return (String(token[..<bar]), String(token[token.index(after: bar)...]))
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    }
}
