import Foundation
import SanteCore

/// Fills `((placeholder))` fields of a template with personalisation values (strings, numbers, lists as
/// bullets, files as a download link), the way Notify does.
enum NotifyPersonalisation {
    /// The placeholder names of `texts`, in order of first appearance, each once (compared case-insensitively).
    static func placeholders(in texts: [String]) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for text in texts {
            for name in scan(text) where seen.insert(name.lowercased()).inserted {
                names.append(name)
            }
        }
        return names
    }

    /// The placeholders of `texts` that `values` does not provide (keys compared case-insensitively).
    static func missing(in texts: [String], values: [String: JSONValue]) -> [String] {
        let provided = Set(values.keys.map { $0.lowercased() })
        return placeholders(in: texts).filter { !provided.contains($0.lowercased()) }
    }

    /// `text` with every placeholder replaced by its value.
    static func render(_ text: String, values: [String: JSONValue]) -> String {
        var lookup: [String: JSONValue] = [:]
        for (key, value) in values {
            lookup[key.lowercased()] = value
        }
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "((") {
            guard let close = rest[open.upperBound...].range(of: "))") else { break }
            let name = String(rest[open.upperBound..<close.lowerBound])
            output += rest[..<open.lowerBound]
            if isName(name), let value = lookup[name.lowercased()] {
                output += string(value)
            } else {
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// A personalisation value as text.
    static func string(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: ""
        case .array(let items): "\n" + items.map { "* " + string($0) }.joined(separator: "\n")
        case .object(let members):
            members["file"] != nil ? "https://documents.service.gov.uk/d/mock/\(members.count)" : ""
        }
    }

    private static func scan(_ text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "(("), let close = rest[open.upperBound...].range(of: "))") {
            let name = String(rest[open.upperBound..<close.lowerBound])
            if isName(name) {
                names.append(name)
            }
            rest = rest[close.upperBound...]
        }
        return names
    }

    private static func isName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("(") && !name.contains(")")
    }
}
