import Foundation
import SanteCore

/// A date search value: a comparison prefix and the range of instants its precision covers.
struct DMPDateSearch: Sendable {
    /// `eq`, `ne`, `gt`, `lt`, `ge` or `le`.
    let prefix: String
    /// The first instant of the value.
    let start: Date
    /// The first instant after the value (start + one unit of its precision).
    let end: Date

    /// Reads `[prefix]value`, such as `ge2024-01-01`; `nil` when the value is not a FHIR date or dateTime.
    init?(_ text: String) {
        let knownPrefixes = ["eq", "ne", "gt", "lt", "ge", "le", "sa", "eb"]
        let head = String(text.prefix(2))
        let hasPrefix = knownPrefixes.contains(head)
        let raw = hasPrefix ? String(text.dropFirst(2)) : text
        guard let range = Self.range(raw) else { return nil }
        prefix = hasPrefix ? (head == "sa" ? "gt" : head == "eb" ? "lt" : head) : "eq"
        (start, end) = range
    }

    /// The instants a FHIR date or dateTime covers.
    static func range(_ raw: String) -> (Date, Date)? {
        guard let value = try? FHIRDateTime(raw) else { return nil }
        let start = value.date(defaultTimeZone: .gmt)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let component: Calendar.Component =
            switch value.precision {
            case .year: .year
            case .month: .month
            case .day: .day
            case .minute: .minute
            case .second, .fractionalSecond: .second
            }
        let end = calendar.date(byAdding: component, value: 1, to: start) ?? start
        return (start, end)
    }

    /// The instant a resource's dateTime string starts at.
    static func instant(_ raw: String?) -> Date? {
        raw.flatMap { range($0)?.0 }
    }

    /// Whether an instant matches.
    func matches(_ instant: Date?) -> Bool {
        guard let instant else { return false }
        return matches(from: instant, to: instant)
    }

    /// Whether a period `[from, to]` matches (`to` the same as `from` for an instant).
    func matches(from: Date, to: Date) -> Bool {
        switch prefix {
        case "ne": !(from < end && to >= start)
        case "gt": to >= end
        case "lt": from < start
        case "ge": to >= start
        case "le": from < end
        default: from < end && to >= start
        }
    }
}
