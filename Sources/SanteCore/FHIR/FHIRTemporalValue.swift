import Foundation

/// The parsed parts of a FHIR `date`, `dateTime` or `instant` string.
struct FHIRTemporalValue: Hashable, Sendable {
    var year: Int
    var month: Int?
    var day: Int?
    var hour: Int?
    var minute: Int?
    var second: Int?
    /// The fraction of a second, in nanoseconds (digits past the ninth are ignored).
    var nanosecond: Int?
    /// The offset from UTC in seconds; `nil` when the string has none.
    var offsetSeconds: Int?
    var precision: FHIRDatePrecision

    /// Parses `text`, accepting everything from a year to a time with fraction and offset.
    ///
    /// Seconds and the offset are optional here; each FHIR type then checks the precision it allows.
    /// - Returns: The parts, or a reason the text is not a FHIR date or time.
    static func parse(_ text: String) -> Result<FHIRTemporalValue, ParseFailure> {
        var scanner = Scanner(bytes: Array(text.utf8))
        guard let year = scanner.digits(4) else { return .failure("expected a four-digit year") }
        var value = FHIRTemporalValue(year: year, precision: .year)
        if scanner.isAtEnd { return .success(value) }

        guard scanner.take(UInt8(ascii: "-")), let month = scanner.digits(2), (1...12).contains(month) else {
            return .failure("expected -MM with a month from 01 to 12 after the year")
        }
        value.month = month
        value.precision = .month
        if scanner.isAtEnd { return .success(value) }

        guard scanner.take(UInt8(ascii: "-")), let day = scanner.digits(2),
            (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else {
            return .failure(ParseFailure("expected -DD with a day that exists in its month"))
        }
        value.day = day
        value.precision = .day
        if scanner.isAtEnd { return .success(value) }

        guard scanner.take(UInt8(ascii: "T")) else { return .failure("expected T after the date") }
        guard let hour = scanner.digits(2), hour < 24, scanner.take(UInt8(ascii: ":")),
            let minute = scanner.digits(2), minute < 60
        else {
            return .failure("expected hh:mm after T")
        }
        value.hour = hour
        value.minute = minute
        value.precision = .minute
        if scanner.take(UInt8(ascii: ":")) {
            guard let second = scanner.digits(2), second <= 60 else { return .failure("expected ss seconds") }
            value.second = second
            value.precision = .second
            if scanner.take(UInt8(ascii: ".")) {
                guard let nanosecond = scanner.fraction() else {
                    return .failure("expected digits after the decimal point")
                }
                value.nanosecond = nanosecond
                value.precision = .fractionalSecond
            }
        }
        if scanner.isAtEnd { return .success(value) }

        if scanner.take(UInt8(ascii: "Z")) {
            value.offsetSeconds = 0
        } else {
            let sign: Int
            if scanner.take(UInt8(ascii: "+")) {
                sign = 1
            } else if scanner.take(UInt8(ascii: "-")) {
                sign = -1
            } else {
                return .failure("expected Z or a ±hh:mm offset after the time")
            }
            guard let offsetHours = scanner.digits(2), offsetHours <= 14, scanner.take(UInt8(ascii: ":")),
                let offsetMinutes = scanner.digits(2), offsetMinutes < 60
            else {
                return .failure("expected a ±hh:mm offset")
            }
            value.offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard scanner.isAtEnd else { return .failure("unexpected characters after the offset") }
        return .success(value)
    }

    /// The instant this value starts at, reading a missing offset as `defaultOffsetSeconds`.
    ///
    /// Partial dates start at midnight on their first day.
    func date(defaultOffsetSeconds: Int) -> Date {
        let days = CivilCalendar.daysSinceEpoch(year: year, month: month ?? 1, day: day ?? 1)
        var seconds = Double(days) * 86_400
        seconds += Double((hour ?? 0) * 3600 + (minute ?? 0) * 60 + (second ?? 0))
        seconds -= Double(offsetSeconds ?? defaultOffsetSeconds)
        let fraction = Double(nanosecond ?? 0) / 1_000_000_000
        return Date(timeIntervalSince1970: seconds + fraction)
    }

    /// The instant this value starts at, reading a missing offset in `timeZone` (daylight saving included).
    func date(inTimeZone timeZone: TimeZone) -> Date {
        let asUTC = date(defaultOffsetSeconds: 0)
        guard offsetSeconds == nil || hour == nil else { return asUTC }
        let firstGuess = asUTC.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: asUTC)))
        return asUTC.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: firstGuess)))
    }

    /// The parts as `DateComponents` in the Gregorian calendar, with the offset as time zone when known.
    var dateComponents: DateComponents {
        DateComponents(
            calendar: Calendar(identifier: .gregorian),
            timeZone: offsetSeconds.flatMap { TimeZone(secondsFromGMT: $0) },
            year: year,
            month: month,
            day: day,
            hour: hour,
            minute: minute,
            second: second,
            nanosecond: nanosecond
        )
    }

    /// Builds the parts of `date` seen at `offsetSeconds` from UTC, down to `precision`.
    ///
    /// Dates outside years 0001...9999 are clamped to that range, which FHIR can express.
    static func from(_ date: Date, offsetSeconds: Int, precision: FHIRDatePrecision) -> FHIRTemporalValue {
        let lowest = -62_135_596_800.0  // 0001-01-01T00:00:00Z
        let highest = 253_402_300_799.999  // 9999-12-31T23:59:59.999Z
        let interval = min(max(date.timeIntervalSince1970 + Double(offsetSeconds), lowest), highest)
        let totalMilliseconds = Int((interval * 1000).rounded())
        let totalSeconds = totalMilliseconds.floorDivided(by: 1000)
        let milliseconds = totalMilliseconds - totalSeconds * 1000
        let days = totalSeconds.floorDivided(by: 86_400)
        let secondOfDay = totalSeconds - days * 86_400
        let civil = CivilCalendar.civilDate(daysSinceEpoch: days)

        var value = FHIRTemporalValue(year: civil.year, precision: precision)
        if precision >= .month { value.month = civil.month }
        if precision >= .day { value.day = civil.day }
        if precision >= .minute {
            value.hour = secondOfDay / 3600
            value.minute = secondOfDay % 3600 / 60
            value.offsetSeconds = offsetSeconds
        }
        if precision >= .second { value.second = secondOfDay % 60 }
        if precision >= .fractionalSecond { value.nanosecond = milliseconds * 1_000_000 }
        return value
    }

    /// The FHIR string form; a fraction is written with three digits and a zero offset as `Z`.
    var formatted: String {
        var text = Self.pad(year, 4)
        if let month { text += "-" + Self.pad(month, 2) }
        if let day { text += "-" + Self.pad(day, 2) }
        if let hour, let minute { text += "T" + Self.pad(hour, 2) + ":" + Self.pad(minute, 2) }
        if let second { text += ":" + Self.pad(second, 2) }
        if let nanosecond { text += "." + Self.pad(nanosecond / 1_000_000, 3) }
        if hour != nil, let offsetSeconds {
            if offsetSeconds == 0 {
                text += "Z"
            } else {
                let magnitude = abs(offsetSeconds) / 60
                text +=
                    (offsetSeconds < 0 ? "-" : "+") + Self.pad(magnitude / 60, 2) + ":" + Self.pad(magnitude % 60, 2)
            }
        }
        return text
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Why a string is not a FHIR date or time.
    struct ParseFailure: Error, ExpressibleByStringLiteral {
        let reason: String
        init(stringLiteral value: String) { reason = value }
        init(_ reason: String) { self.reason = reason }
    }

    /// Reads ASCII digits and separators from UTF-8 bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var number = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return number
        }

        /// Reads one or more fraction digits as nanoseconds.
        mutating func fraction() -> Int? {
            var nanoseconds = 0
            var scale = 100_000_000
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                nanoseconds += Int(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            return index > start ? nanoseconds : nil
        }
    }
}

extension Int {
    /// Division rounding toward negative infinity.
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
