public import Foundation

/// A Notify timestamp, kept exactly as written and read leniently.
///
/// Notify writes two forms: API responses use `2024-05-17 15:58:38.342838` (a space, no zone, UTC; even
/// `2024-05-17 9:00:00.000000` with a one-digit hour), callbacks use `2017-05-14T12:15:30.000000Z`.
/// ``date`` reads both, and an explicit offset (`+02:00`) too; a value without a zone is UTC.
public struct NotifyTimestamp: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The text exactly as written.
    public let rawValue: String

    /// Keeps a timestamp as written.
    /// - Parameter rawValue: The text.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// The callback form of an instant: `2017-05-14T12:15:30.000000Z`.
    /// - Parameter date: The instant.
    public init(_ date: Date) {
        let microseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
        let seconds = microseconds >= 0 ? microseconds / 1_000_000 : (microseconds - 999_999) / 1_000_000
        let fraction = microseconds - seconds * 1_000_000
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        func padded(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        rawValue =
            "\(padded(parts.year, 4))-\(padded(parts.month, 2))-\(padded(parts.day, 2))T"
            + "\(padded(parts.hour, 2)):\(padded(parts.minute, 2)):\(padded(parts.second, 2))."
            + "\(padded(Int(fraction), 6))Z"
    }

    /// The instant, or `nil` when the text is not a timestamp.
    public var date: Date? { Self.parse(rawValue) }

    /// The text as written.
    public var description: String { rawValue }

    /// Orders by instant when both parse, by text otherwise.
    public static func < (lhs: NotifyTimestamp, rhs: NotifyTimestamp) -> Bool {
        if let left = lhs.date, let right = rhs.date { return left < right }
        return lhs.rawValue < rhs.rawValue
    }

    /// Decodes a JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the text as written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Reads `YYYY-MM-DD[T| ]H[H]:MM[:SS[.fraction]][Z|±HH[:]MM]`.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var index = 0
        func digits(min: Int, max: Int) -> Int? {
            var value = 0
            var count = 0
            while index < bytes.count, count < max, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                count += 1
            }
            return count >= min ? value : nil
        }
        func expect(_ characters: String) -> Bool {
            guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        guard let year = digits(min: 4, max: 4), expect("-"), let month = digits(min: 2, max: 2), expect("-"),
            let day = digits(min: 2, max: 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var fraction = 0.0
        var offset = 0
        if index < bytes.count {
            guard expect("T "), let readHour = digits(min: 1, max: 2), expect(":"),
                let readMinute = digits(min: 2, max: 2), readHour < 24, readMinute < 60
            else { return nil }
            hour = readHour
            minute = readMinute
            if expect(":") {
                guard let readSecond = digits(min: 2, max: 2), readSecond < 61 else { return nil }
                second = min(readSecond, 59)
                if expect(".,") {
                    var scale = 0.1
                    var count = 0
                    while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                        fraction += Double(bytes[index] - 0x30) * scale
                        scale /= 10
                        index += 1
                        count += 1
                    }
                    guard count > 0 else { return nil }
                }
            }
            if expect("Zz") {
                offset = 0
            } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                guard let offsetHours = digits(min: 2, max: 2) else { return nil }
                _ = expect(":")
                let offsetMinutes = digits(min: 2, max: 2) ?? 0
                offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
            }
        }
        guard index == bytes.count else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let base = calendar.date(from: components) else { return nil }
        return base.addingTimeInterval(fraction - TimeInterval(offset))
    }
}
