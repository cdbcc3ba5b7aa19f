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
        var utf8 = text.utf8[...]
        while let first = utf8.first, first == 0x20 || first == 0x09 { utf8 = utf8.dropFirst() }
        while let last = utf8.last, last == 0x20 || last == 0x09 { utf8 = utf8.dropLast() }
        var negative = false
        if let sign = utf8.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var value = 0
        var digits = 0
        var inFraction = false
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inFraction {
                    guard byte == UInt8(ascii: "0") else { return nil }
                } else {
                    let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
                    guard !overflow, !overflow2 else { return nil }
                    value = sum
                    digits += 1
                }
            case UInt8(ascii: ","), UInt8(ascii: "."):
                guard !inFraction else { return nil }
                inFraction = true
            default:
                return nil
            }
        }
        guard digits > 0 || inFraction else { return nil }
        guard digits > 0 || utf8.count > 1 else { return nil }
        return negative ? -value : value
    }

    /// `text` in the form Swift's number parsers accept (`.` as decimal separator), or `nil`.
    static func normalized(_ text: String) -> String? {
        var result: [UInt8] = []
        var utf8 = text.utf8[...]
        while let first = utf8.first, first == 0x20 || first == 0x09 { utf8 = utf8.dropFirst() }
        while let last = utf8.last, last == 0x20 || last == 0x09 { utf8 = utf8.dropLast() }
        result.reserveCapacity(utf8.count)
        var sawDigit = false
        var sawSeparator = false
        var sawExponent = false
        var exponentDigits = false
        var previous: UInt8?
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawExponent { exponentDigits = true } else { sawDigit = true }
                result.append(byte)
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard previous == nil || (sawExponent && previous == UInt8(ascii: "e")) else { return nil }
                result.append(byte)
            case UInt8(ascii: ","), UInt8(ascii: "."):
                guard !sawSeparator, !sawExponent else { return nil }
                sawSeparator = true
                result.append(UInt8(ascii: "."))
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard sawDigit, !sawExponent else { return nil }
                sawExponent = true
                result.append(UInt8(ascii: "e"))
            default:
                return nil
            }
            previous = result.last
        }
        guard sawDigit, !sawExponent || exponentDigits else { return nil }
        return String(decoding: result, as: UTF8.self)
    }
}
