import SanteCore

/// Named fields of a record, whether a CSV row or GeoJSON properties, read the same way.
protocol RecordFields {
    /// The trimmed, non-empty text of a field.
    func string(_ name: String) -> String?
    /// A boolean field (`t`/`f`, `true`/`false`, `oui`/`non`…).
    func bool(_ name: String) -> Bool?
    /// A number field, accepting `12,5` and `12.5`.
    func double(_ name: String) -> Double?
}

extension CSVRow: RecordFields {}

/// GeoJSON feature properties, each named with a prefix (`c_nom` for `nom`).
struct PrefixedProperties: RecordFields {
    let properties: [String: JSONValue]
    let prefix: String

    func string(_ name: String) -> String? {
        let text: String?
        switch properties[prefix + name] {
        case .string(let value): text = value
        case .integer(let value): text = String(value)
        case .number(let value): text = String(value)
        case .bool(let value): text = value ? "t" : "f"
        default: text = nil
        }
        guard let text else { return nil }
        let trimmed = text.trimmingSpaces
        return trimmed.isEmpty ? nil : trimmed
    }

    func bool(_ name: String) -> Bool? {
        if case .bool(let value) = properties[prefix + name] { return value }
        switch string(name)?.lowercased() {
        case "t", "true", "1", "oui", "o": return true
        case "f", "false", "0", "non", "n": return false
        default: return nil
        }
    }

    func double(_ name: String) -> Double? {
        switch properties[prefix + name] {
        case .integer(let value): Double(value)
        case .number(let value): value
        case .string(let text): CSVNumberText.double(text)
        default: nil
        }
    }
}
