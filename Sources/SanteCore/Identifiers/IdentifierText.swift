/// Small text helpers shared by the identifier parsers.
enum IdentifierText {
    /// Removes every whitespace character (spaces, tabs, no-break spaces); nothing else changes.
    static func withoutWhitespace(_ string: String) -> String {
        String(string.filter { !$0.isWhitespace })
    }

    /// Upper-cases a Corsican département written `2a`/`2b` at the given character offset.
    ///
    /// Only that letter changes, so a malformed value is otherwise kept exactly as written.
    static func upperCasingCorsica(_ string: String, at offset: Int) -> String {
        var characters = Array(string)
        guard characters.count > offset + 1, characters[offset] == "2" else { return string }
        switch characters[offset + 1] {
        case "a": characters[offset + 1] = "A"
        case "b": characters[offset + 1] = "B"
        default: return string
        }
        return String(characters)
    }

    /// Whether the character is an ASCII digit `0`–`9`.
    static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return ascii >= 48 && ascii <= 57
    }

    /// The value of an ASCII digit, or `nil`.
    static func digitValue(_ character: Character) -> Int? {
        guard isDigit(character), let ascii = character.asciiValue else { return nil }
        return Int(ascii) - 48
    }

    /// Whether every character is an ASCII digit (and there is at least one).
    static func isAllDigits(_ string: some StringProtocol) -> Bool {
        !string.isEmpty && string.allSatisfy(isDigit)
    }

    /// One ``IdentifierDiagnostic/invalidCharacter(_:position:)`` per character that is not a digit.
    static func nonDigitDiagnostics(_ string: String) -> [IdentifierDiagnostic] {
        var diagnostics: [IdentifierDiagnostic] = []
        for (offset, character) in string.enumerated() where !isDigit(character) {
            diagnostics.append(.invalidCharacter(character, position: offset + 1))
        }
        return diagnostics
    }

    /// Diagnostics for a value made of a two-character French département (`00`–`99`, `2A`, `2B`)
    /// followed by digits.
    static func departementThenDigitsDiagnostics(_ string: String) -> [IdentifierDiagnostic] {
        let characters = Array(string)
        var diagnostics: [IdentifierDiagnostic] = []
        let isCorsica = characters.count >= 2 && characters[0] == "2" && (characters[1] == "A" || characters[1] == "B")
        for (offset, character) in characters.enumerated() {
            if offset == 1 && isCorsica { continue }
            if !isDigit(character) {
                diagnostics.append(.invalidCharacter(character, position: offset + 1))
            }
        }
        return diagnostics
    }

    /// Whether the value starts with the Corsican département `2A` or `2B`.
    static func startsWithCorsica(_ string: String) -> Bool {
        string.hasPrefix("2A") || string.hasPrefix("2B")
    }
}
