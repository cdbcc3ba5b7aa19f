/// Shared checks for all-digit identifiers whose last digit is a Luhn key (RPPS, SIREN, SIRET).
enum LuhnDigits {
    /// Length, character and Luhn-key diagnostics for an all-digit identifier.
    static func diagnostics(_ value: String, length: Int) -> [IdentifierDiagnostic] {
        var diagnostics: [IdentifierDiagnostic] = []
        if value.count != length {
            diagnostics.append(.invalidLength(expected: length, found: value.count))
        }
        diagnostics += IdentifierText.nonDigitDiagnostics(value)
        if diagnostics.isEmpty, let mismatch = keyMismatch(value) {
            diagnostics.append(mismatch)
        }
        return diagnostics
    }

    /// The key diagnostic of a well-formed all-digit value, `nil` when the key is right.
    static func keyMismatch(_ value: String) -> IdentifierDiagnostic? {
        guard let last = value.last, let expected = Luhn.checkDigit(for: value.dropLast()) else { return nil }
        let found = String(last)
        return found == String(expected) ? nil : .invalidKey(expected: String(expected), found: found)
    }

    /// The payload followed by its Luhn key, or `nil` when the payload is not `length - 1` digits.
    static func withComputedKey(_ payload: String, length: Int) -> String? {
        let cleaned = IdentifierText.withoutWhitespace(payload)
        guard cleaned.count == length - 1, let key = Luhn.checkDigit(for: cleaned) else { return nil }
        return cleaned + String(key)
    }
}
