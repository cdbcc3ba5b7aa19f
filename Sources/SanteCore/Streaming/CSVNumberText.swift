public import Foundation

/// Reads numbers written the French way or the English way: `12,5` and `12.5` are both 12.5.
///
/// Accepted: optional sign, digits, at most one decimal separator (`,` or `.`), optional exponent,
/// surrounding whitespace. Refused: thousands separators (`1 234,5`, `1,234.5`), text, empty strings.
public enum CSVNumberText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The number as `Decimal`.
    /// - Parameter text: Such as `"12,5"`, `"12.5"`, `"-0,00"`, `"7763205.6862729"`.
    /// - Returns: The value, or `nil` when `text` is not a number.
    public static func decimal(_ text: String) -> Decimal? {
        guard let normalized = normalized(text) else { return nil }
        return Decimal(string: normalized, locale: posix)
    }

    /// The number as `Double`.
    /// - Parameter text: Such as `"12,5"` or `"1.2e3"`.
    /// - Returns: The value, or `nil` when `text` is not a number.
    public static func double(_ text: String) -> Double? {
        guard let normalized = normalized(text) else { return nil }
        return Double(normalized)
    }

    /// The number as `Int` when it is whole: `"12"`, `"12,00"` and `"12.0"` give 12; `"12,5"` gives `nil`.
    /// - Parameter text: The text.
    /// - Returns: The value, or `nil` when `text` is not a whole number or does not fit in `Int`.
    public static func integer(_ text: String) -> Int? {
        guard let normalized = normalized(text), !normalized.contains("e"), !normalized.contains("E") else {
            return nil
        }
        let parts = normalized.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, !parts[1].allSatisfy({ $0 == "0" }) { return nil }
        var whole = String(parts[0])
        if whole.isEmpty || whole == "-" || whole == "+" { whole += "0" }
        return Int(whole)
    }

    /// `text` in the form Swift's number parsers accept (`.` as decimal separator), or `nil`.
    static func normalized(_ text: String) -> String? {
        let trimmed = CSVText.trimmed(text)
        var result = ""
        result.reserveCapacity(trimmed.utf8.count)
        var sawDigit = false
        var sawSeparator = false
        var sawExponent = false
        var exponentDigits = false
        var previous: Character?
        for character in trimmed {
            switch character {
            case "0"..."9":
                if sawExponent { exponentDigits = true } else { sawDigit = true }
                result.append(character)
            case "+", "-":
                guard previous == nil || (sawExponent && (previous == "e" || previous == "E")) else { return nil }
                result.append(character)
            case ",", ".":
                guard !sawSeparator, !sawExponent else { return nil }
                sawSeparator = true
                result.append(".")
            case "e", "E":
                guard sawDigit, !sawExponent else { return nil }
                sawExponent = true
                result.append("e")
            default:
                return nil
            }
            previous = character
        }
        guard sawDigit, !sawExponent || exponentDigits else { return nil }
        return result
    }
}
