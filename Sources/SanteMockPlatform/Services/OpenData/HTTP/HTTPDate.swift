import Foundation

/// HTTP dates (RFC 9110 IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`) and udata's ISO 8601 timestamps,
/// computed without `Calendar` or `DateFormatter` (neither is needed for UTC, and both are costly on Linux).
enum HTTPDate {
    /// `Sun, 06 Nov 1994 08:49:37 GMT` for whole seconds since 1970.
    static func format(secondsSince1970 seconds: Int64) -> String {
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = civilDate(daysSince1970: days)
        let weekday = Int((days % 7 + 11) % 7)  // 1970-01-01 was a Thursday
        var text = "\(weekdays[weekday]), \(two(day)) \(months[month - 1]) \(year) "
        text += "\(two(Int(secondOfDay / 3600))):\(two(Int(secondOfDay / 60 % 60))):\(two(Int(secondOfDay % 60))) GMT"
        return text
    }

    /// Whole seconds since 1970 of an IMF-fixdate, or `nil` when the text is not one (other formats are ignored,
    /// as RFC 9110 allows a recipient to do with invalid dates).
    static func parse(_ text: String) -> Int64? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]),
            let monthIndex = months.firstIndex(where: { $0 == parts[2] }), let year = Int(parts[3])
        else {
            return nil
        }
        let time = parts[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        let days = daysSince1970(year: year, month: monthIndex + 1, day: day)
        return Int64(days) * 86_400 + Int64(time[0] * 3600 + time[1] * 60 + time[2])
    }

    /// udata's timestamp form, `2023-07-13T15:50:38.729000+00:00`, for milliseconds since 1970.
    static func udataTimestamp(millisecondsSince1970 milliseconds: Int64) -> String {
        let (seconds, millis) = floorDivision(milliseconds, 1000)
        let (days, secondOfDay) = floorDivision(seconds, 86_400)
        let (year, month, day) = civilDate(daysSince1970: days)
        var text = "\(year)-\(two(month))-\(two(day))T\(two(Int(secondOfDay / 3600))):"
        text += "\(two(Int(secondOfDay / 60 % 60))):\(two(Int(secondOfDay % 60)))"
        var fraction: [UInt8] = []
        ASCII.appendPadded(Int(millis), width: 3, to: &fraction)
        return text + "." + String(decoding: fraction, as: UTF8.self) + "000+00:00"
    }

    /// `YYYY-MM-DD` for a day number since 1970-01-01.
    static func isoDay(daysSince1970 days: Int64) -> String {
        let (year, month, day) = civilDate(daysSince1970: days)
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date.
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int64(era * 146_097 + dayOfEra - 719_468)
    }

    /// The proleptic Gregorian date of a day number since 1970-01-01.
    static func civilDate(daysSince1970 days: Int64) -> (year: Int, month: Int, day: Int) {
        let shifted = Int(days) + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
