public import Foundation

/// A FHIR `date`: a year, a year and month, or a full date, with no time and no time zone.
///
/// The original string is kept, so re-encoding writes exactly what was read; the precision tells
/// how much of the date was given.
public struct FHIRDate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The string exactly as read or written, such as `"2024-03"`.
    public let rawValue: String
    private let value: FHIRTemporalValue

    /// Parses a FHIR `date` string.
    ///
    /// - Parameter rawValue: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    /// - Throws: ``ValidationError`` naming the field `date` when the string is not a FHIR date.
    public init(_ rawValue: String) throws(ValidationError) {
        switch FHIRTemporalValue.parse(rawValue) {
        case .success(let value) where value.precision <= .day:
            self.rawValue = rawValue
            self.value = value
        case .success:
            throw ValidationError(field: "date", reason: "the value has a time; a FHIR date has none")
        case .failure(let failure):
            throw ValidationError(field: "date", reason: "the value is not a FHIR date: \(failure.reason)")
        }
    }

    /// Creates the date on which `date` falls in `timeZone`, down to `precision`.
    ///
    /// - Parameters:
    ///   - date: The instant.
    ///   - precision: ``FHIRDatePrecision/year``, ``FHIRDatePrecision/month`` or ``FHIRDatePrecision/day``
    ///     (finer precisions are treated as a day).
    ///   - timeZone: The zone whose calendar day is taken; UTC by default.
    public init(_ date: Date, precision: FHIRDatePrecision = .day, timeZone: TimeZone = .gmt) {
        let value = FHIRTemporalValue.from(
            date,
            offsetSeconds: timeZone.secondsFromGMT(for: date),
            precision: min(precision, .day)
        )
        self.value = value
        self.rawValue = value.formatted
    }

    /// How much of the date was given.
    public var precision: FHIRDatePrecision { value.precision }

    /// The year.
    public var year: Int { value.year }

    /// The month (1...12), when given.
    public var month: Int? { value.month }

    /// The day of the month, when given.
    public var day: Int? { value.day }

    /// The given parts as Gregorian `DateComponents` (no time zone).
    public var dateComponents: DateComponents { value.dateComponents }

    /// Midnight UTC on the first day the date covers (January 1st for a year, the 1st for a month).
    public var date: Date { value.date(defaultOffsetSeconds: 0) }

    /// Midnight in `timeZone` on the first day the date covers.
    ///
    /// - Parameter timeZone: The zone whose midnight is wanted.
    /// - Returns: The start of the date in that zone.
    public func date(in timeZone: TimeZone) -> Date {
        value.date(inTimeZone: timeZone)
    }

    /// The original string.
    public var description: String { rawValue }

    /// Decodes a FHIR `date` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: error.issues.first?.reason ?? error.description)
        }
    }

    /// Encodes the original string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Compares the original strings.
    public static func == (lhs: FHIRDate, rhs: FHIRDate) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Hashes the original string.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
