/// A token search value: `system|code`, `code` (any system) or `|code` (no system).
struct DMPSearchToken: Sendable {
    /// The system to match: `nil` for any system, `""` for no system.
    let system: String?
    /// The code or value to match.
    let code: String

    /// Reads a token value.
    init(_ text: String) {
        if let bar = text.firstIndex(of: "|") {
            system = String(text[..<bar])
            code = String(text[text.index(after: bar)...])
        } else {
            system = nil
            code = text
        }
    }

    /// Whether a coding or identifier matches.
    func matches(system candidateSystem: String?, code candidateCode: String?) -> Bool {
        guard let candidateCode, code.isEmpty || candidateCode == code else { return false }
        switch system {
        case nil: return true
        case "": return candidateSystem == nil || candidateSystem == ""
        case let system?: return candidateSystem == system
        }
    }

    /// Whether an identifier matches.
    func matches(_ identifier: DMPIdentifier) -> Bool {
        matches(system: identifier.system, code: identifier.value)
    }

    /// The comma-separated alternatives of a search value.
    static func alternatives(_ value: String) -> [DMPSearchToken] {
        value.split(separator: ",", omittingEmptySubsequences: false).map { DMPSearchToken(String($0)) }
    }
}
