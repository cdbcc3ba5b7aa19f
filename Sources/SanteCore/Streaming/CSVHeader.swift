/// The column names of a CSV stream, looked up by name so that rows are read by header name, never by
/// position: a column added, removed or moved between two versions of a file changes nothing.
public struct CSVHeader: Hashable, Sendable {
    /// The names, in file order, with surrounding whitespace removed.
    public let names: [String]
    private let indexByName: [String: Int]
    private let indexByFoldedName: [String: Int]

    /// Creates a header.
    /// - Parameter names: The column names, in order; when a name repeats, the first column wins.
    public init(_ names: [String]) {
        let trimmed = names.map(CSVText.trimmed)
        self.names = trimmed
        var exact: [String: Int] = [:]
        var folded: [String: Int] = [:]
        for (index, name) in trimmed.enumerated() {
            if exact[name] == nil { exact[name] = index }
            let key = name.lowercased()
            if folded[key] == nil { folded[key] = index }
        }
        indexByName = exact
        indexByFoldedName = folded
    }

    /// The position of the column `name`: an exact match first, then a case-insensitive one.
    /// - Parameter name: The column name.
    /// - Returns: The 0-based position, or `nil` when the file has no such column.
    public func index(of name: String) -> Int? {
        indexByName[name] ?? indexByFoldedName[CSVText.trimmed(name).lowercased()]
    }

    /// Whether the file has the column `name`.
    /// - Parameter name: The column name.
    /// - Returns: `true` when ``index(of:)`` finds it.
    public func contains(_ name: String) -> Bool {
        index(of: name) != nil
    }
}

/// Text helpers shared by the CSV types.
enum CSVText {
    /// `text` without leading and trailing spaces, tabs and no-break spaces.
    static func trimmed(_ text: String) -> String {
        // Fast path: nothing to trim when the first and last bytes are not blanks (a no-break space and a
        // byte order mark start with 0xC2 and 0xEF).
        if let first = text.utf8.first, let last = text.utf8.last, !isBlankStart(first), !isBlankEnd(last) {
            return text
        }
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\u{FEFF}" }
        guard let first = text.firstIndex(where: { !isBlank($0) }),
            let last = text.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(text[first...last])
    }

    /// `t`, `true`, `1`, `oui`, `o`, `vrai`, `yes`, `y` are `true`; `f`, `false`, `0`, `non`, `n`, `faux`,
    /// `no` are `false` (any case); anything else is `nil`.
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "t", "true", "1", "oui", "o", "vrai", "yes", "y": return true
        case "f", "false", "0", "non", "n", "faux", "no": return false
        default: return nil
        }
    }

    private static func isBlankStart(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0xC2 || byte == 0xEF
    }

    private static func isBlankEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0xA0 || byte == 0xBF
    }
}
