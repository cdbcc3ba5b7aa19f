import Foundation

/// Axis ticks and labels.
enum ChartScales {
    /// A "nice" upper bound and tick step for values from 0 to `maximum` with about `count` ticks.
    static func valueTicks(maximum: Double, count: Int = 5) -> (upper: Double, step: Double) {
        guard maximum > 0, maximum.isFinite else { return (1, 0.2) }
        let rough = maximum / Double(count)
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        return (ceil(maximum / step) * step, step)
    }

    /// `950`, `12k`, `1.5M`.
    static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        func trimmed(_ number: Double) -> String {
            number == number.rounded() ? String(Int(number)) : String(format: "%.1f", number)
        }
        if magnitude >= 1_000_000 { return trimmed(value / 1_000_000) + "M" }
        if magnitude >= 1000 { return trimmed(value / 1000) + "k" }
        return trimmed(value)
    }

    /// The days (`YYYY-MM-DD`) of the date ticks between `first` and `last`: the first of each month, of each
    /// quarter or of each year, so that there are at most about 12.
    static func dateTicks(from first: Int, to last: Int) -> [Int] {
        guard last > first else { return [first] }
        let months = (last - first) / 30
        let stride = months <= 12 ? 1 : months <= 36 ? 3 : months <= 72 ? 6 : 12
        var ticks: [Int] = []
        guard let start = civil(first) else { return [first] }
        var year = start.year
        var month = start.month
        while true {
            if month > 12 {
                month -= 12
                year += 1
            }
            let day = daysSince1970(year: year, month: month, day: 1)
            if day > last { break }
            if day >= first, (month - 1) % stride == 0 { ticks.append(day) }
            month += 1
        }
        return ticks
    }

    /// `Jan 2021`.
    static func monthLabel(_ day: Int) -> String {
        guard let date = civil(day) else { return "" }
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(names[date.month - 1]) \(date.year)"
    }

    /// The number of days since 1970-01-01 of `YYYY-MM-DD`, or `nil`.
    static func day(_ text: String) -> Int? {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return daysSince1970(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number.
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int)? {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPart = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
        let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
