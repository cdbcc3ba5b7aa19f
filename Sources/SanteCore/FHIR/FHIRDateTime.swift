public import Foundation

/// A FHIR `dateTime`: a partial date, a date, or a date and time with a UTC offset.
///
/// The original string is kept, so re-encoding writes exactly what was read. FHIR requires an
/// offset whenever a time is given; when reading, a missing offset or missing seconds are
/// accepted and reported through ``timeZoneOffset`` and ``precision``.
public struct FHIRDateTime: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The string exactly as read or written, such as `"2024-03-15T10:30:00+01:00"`.
    public let rawValue: String
    private let value: FHIRTemporalValue

    /// Parses a FHIR `dateTime` string.
    ///
    /// - Parameter rawValue: From `YYYY` to `YYYY-MM-DDThh:mm:ss.sss+zz:zz`.
    /// - Throws: ``ValidationError`` naming the field `dateTime` when the string is not a FHIR date-time.
    public init(_ rawValue: String) throws(ValidationError) {
        switch FHIRTemporalValue.parse(rawValue) {
        case .success(let value):
            self.rawValue = rawValue
            self.value = value
        case .failure(let failure):
            throw ValidationError(
                field: "dateTime", reason: "the value is not a FHIR dateTime: \(failure.reason)")
        }
    }

    /// Creates the date-time of `date` as seen in `timeZone`, down to `precision`.
    ///
    /// - Parameters:
    ///   - date: The instant.
    ///   - precision: How much to write; the default is to the second. A fraction is written in milliseconds.
    ///   - timeZone: The zone whose offset is written (`Z` for UTC, the default).
    public init(_ date: Date, precision: FHIRDatePrecision = .second, timeZone: TimeZone = .gmt) {
        let value = FHIRTemporalValue.from(
            date, offsetSeconds: timeZone.secondsFromGMT(for: date), precision: precision)
        self.value = value
        self.rawValue = value.formatted
    }

    /// How much of the date-time was given.
    public var precision: FHIRDatePrecision { value.precision }

    /// The offset from UTC in seconds, when a time with an offset was given (`Z` is `0`).
    public var timeZoneOffset: Int? { value.hour == nil ? nil : value.offsetSeconds }

    /// The offset as a fixed `TimeZone`, when one was given.
    public var timeZone: TimeZone? { timeZoneOffset.flatMap { TimeZone(secondsFromGMT: $0) } }

    /// The given parts as Gregorian `DateComponents`, with the offset as time zone when given.
    public var dateComponents: DateComponents { value.dateComponents }

    /// The instant this value starts at, when it can be known.
    ///
    /// A partial date or a date gives midnight UTC on its first day. A time without an offset is
    /// ambiguous and gives `nil`; use ``date(defaultTimeZone:)`` to choose its zone.
    public var date: Date? {
        if value.hour != nil, value.offsetSeconds == nil { return nil }
        return value.date(defaultOffsetSeconds: 0)
    }

    /// The instant this value starts at, reading a missing offset (or a bare date) in `defaultTimeZone`.
    ///
    /// - Parameter defaultTimeZone: The zone used when the string has no offset.
    /// - Returns: The instant.
    public func date(defaultTimeZone: TimeZone) -> Date {
        if value.offsetSeconds != nil, value.hour != nil { return value.date(defaultOffsetSeconds: 0) }
        return value.date(inTimeZone: defaultTimeZone)
    }

    /// The original string.
    public var description: String { rawValue }

    /// Decodes a FHIR `dateTime` string.
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
    public static func == (lhs: FHIRDateTime, rhs: FHIRDateTime) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Hashes the original string.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
