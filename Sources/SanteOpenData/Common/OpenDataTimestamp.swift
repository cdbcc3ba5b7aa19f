public import Foundation

/// A date or date-time as open-data files write it, kept exactly as read.
///
/// The files mix forms: `2023-07-13T15:51:10.153000+00:00` (udata, microseconds),
/// `2021-04-22T13:20:00.000+02:00` and the naive `2021-09-20T12:00:00` (Vite Ma Dose),
/// `2021-03-09 00:07:17.156281` and `2021/02/04 16:21:11.620` (vaccination places), `2021-01-18` (dates).
/// ``date(naiveTimeZone:)`` reads all of them; a value without an offset is read in the given time zone,
/// Europe/Paris by default, the zone of every French public file.
public struct OpenDataTimestamp: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The text exactly as read.
    public let rawValue: String

    /// Keeps a timestamp as written.
    /// - Parameter rawValue: The text.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// The timestamp of `date`, written in UTC with milliseconds (`2024-03-15T10:30:00.000+00:00`).
    /// - Parameter date: The instant.
    public init(_ date: Date) {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        let seconds = Int64((milliseconds / 1000).rounded(.down))
        let fraction = Int(milliseconds - Double(seconds) * 1000)
        let civil = CivilTime.fromEpochSeconds(seconds)
        rawValue = civil.formatted + "." + String(fraction).leftPadded(to: 3) + "+00:00"
    }

    /// Europe/Paris, the zone naive timestamps are read in by default (a fixed +01:00 if the system has no
    /// time zone database).
    public static let paris: TimeZone =
        TimeZone(identifier: "Europe/Paris") ?? TimeZone(secondsFromGMT: 3600) ?? .gmt

    /// Whether the text carries a UTC offset (`Z`, `+02:00`, `+0200`, `+02`).
    public var hasOffset: Bool { Parsed(rawValue)?.offsetSeconds != nil }

    /// Whether the text is a date without a time (`2021-01-18`).
    public var isDateOnly: Bool { Parsed(rawValue).map { !$0.hasTime } ?? false }

    /// The instant this timestamp names.
    /// - Parameter naiveTimeZone: The zone of a value written without an offset (default Europe/Paris).
    /// - Returns: The instant, or `nil` when the text is not a date.
    public func date(naiveTimeZone: TimeZone = OpenDataTimestamp.paris) -> Date? {
        guard let parsed = Parsed(rawValue) else { return nil }
        if let offset = parsed.offsetSeconds {
            let seconds = parsed.civil.epochSeconds - Int64(offset)
            return Date(timeIntervalSince1970: Double(seconds) + parsed.fraction)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = naiveTimeZone
        let components = DateComponents(
            year: parsed.civil.year, month: parsed.civil.month, day: parsed.civil.day, hour: parsed.civil.hour,
            minute: parsed.civil.minute, second: parsed.civil.second)
        return calendar.date(from: components).map { $0.addingTimeInterval(parsed.fraction) }
    }

    /// The instant, with naive values read as Europe/Paris.
    public var date: Date? { date() }

    /// The text as read.
    public var description: String { rawValue }

    /// Orders by instant when both parse, by text otherwise.
    public static func < (lhs: OpenDataTimestamp, rhs: OpenDataTimestamp) -> Bool {
        if let left = lhs.date, let right = rhs.date { return left < right }
        return lhs.rawValue < rhs.rawValue
    }

    /// Decodes a JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the text as read.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A calendar date and time of day without a zone.
struct CivilTime: Hashable {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0

    /// Seconds since 1970-01-01T00:00:00 for this civil time read as UTC (days-from-civil).
    var epochSeconds: Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = Int64(era) * 146_097 + Int64(dayOfEra) - 719_468
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The civil time (UTC) of `seconds` since 1970.
    static func fromEpochSeconds(_ seconds: Int64) -> CivilTime {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = Int(shifted - era * 146_097)
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = Int(era) * 400 + yearOfEra + (month <= 2 ? 1 : 0)
        return CivilTime(
            year: year, month: month, day: day, hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60,
            second: secondOfDay % 60)
    }

    /// `YYYY-MM-DDThh:mm:ss`.
    var formatted: String {
        String(year).leftPadded(to: 4) + "-" + String(month).leftPadded(to: 2) + "-" + String(day).leftPadded(to: 2)
            + "T" + String(hour).leftPadded(to: 2) + ":" + String(minute).leftPadded(to: 2) + ":"
            + String(second).leftPadded(to: 2)
    }
}

/// The parts of a timestamp text.
private struct Parsed {
    var civil: CivilTime
    var fraction: Double = 0
    var offsetSeconds: Int?
    var hasTime = false

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + count)] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }
        func skip(_ allowed: Set<UInt8>) -> Bool {
            guard index < bytes.count, allowed.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        let dateSeparators: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "/")]
        guard let year = number(4), skip(dateSeparators), let month = number(2), skip(dateSeparators),
            let day = number(2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        civil = CivilTime(year: year, month: month, day: day)
        guard index < bytes.count else { return }
        guard skip([UInt8(ascii: "T"), UInt8(ascii: " ")]), let hour = number(2), skip([UInt8(ascii: ":")]),
            let minute = number(2), hour < 24, minute < 60
        else { return nil }
        hasTime = true
        civil.hour = hour
        civil.minute = minute
        if skip([UInt8(ascii: ":")]) {
            guard let second = number(2), second < 61 else { return nil }
            civil.second = min(second, 59)
            if skip([UInt8(ascii: "."), UInt8(ascii: ",")]) {
                var digits = 0
                var scale = 0.1
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                    fraction += Double(bytes[index] - 0x30) * scale
                    scale /= 10
                    index += 1
                    digits += 1
                }
                guard digits > 0 else { return nil }
            }
        }
        guard index < bytes.count else { return }
        if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
            offsetSeconds = 0
            index += 1
        } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let offsetHours = number(2) else { return nil }
            var offsetMinutes = 0
            if index < bytes.count {
                _ = skip([UInt8(ascii: ":")])
                guard let minutes = number(2) else { return nil }
                offsetMinutes = minutes
            }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard index == bytes.count else { return nil }
    }
}

extension String {
    /// The string with zeros added in front up to `length` characters.
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
