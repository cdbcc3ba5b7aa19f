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
        var text = text
        return text.withUTF8 { integer(utf8: $0) }
    }

    /// ``integer(_:)`` on the UTF-8 bytes of a text: surrounding spaces and tabs are ignored.
    static func integer(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        var negative = false
        if start < end, bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "+") {
            negative = bytes[start] == UInt8(ascii: "-")
            start += 1
        }
        let length = end - start
        var value = 0
        var digits = 0
        var inFraction = false
        var index = start
        while index < end {
            let byte = bytes[index]
            index += 1
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                if inFraction {
                    guard digit == 0 else { return nil }
                } else {
                    let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = times.addingReportingOverflow(Int(digit))
                    guard !overflow, !overflow2 else { return nil }
                    value = sum
                    digits += 1
                }
            } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
                guard !inFraction else { return nil }
                inFraction = true
            } else {
                return nil
            }
        }
        guard digits > 0 || inFraction else { return nil }
        guard digits > 0 || length > 1 else { return nil }
        return negative ? -value : value
    }

    /// The powers of ten that a `Double` holds exactly, for ``double(plainUTF8:)``.
    private static let exactPowersOfTen: [Double] = [
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ]

    /// A plain decimal (`-12,5`, `138`, `7763205.686`: optional `-`, digits, optionally one separator and
    /// more digits, at most 15 digits in all) read straight from its bytes; `nil` for anything else, which
    /// the caller then reads with ``double(_:)``.
    ///
    /// The digits form an integer below 2^53 and the divisor is an exact power of ten, so one IEEE division
    /// gives the correctly rounded value, the same as parsing the text.
    static func double(plainUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        let end = bytes.count
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var mantissa: Int64 = 0
        var integerDigits = 0
        var fractionDigits = 0
        var sawSeparator = false
        while index < end {
            let byte = bytes[index]
            index += 1
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                mantissa = mantissa &* 10 &+ Int64(digit)
                if sawSeparator { fractionDigits += 1 } else { integerDigits += 1 }
            } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "."), !sawSeparator {
                sawSeparator = true
            } else {
                return nil
            }
        }
        guard integerDigits > 0, !sawSeparator || fractionDigits > 0, integerDigits + fractionDigits <= 15 else {
            return nil
        }
        let magnitude = Double(mantissa) / exactPowersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
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
