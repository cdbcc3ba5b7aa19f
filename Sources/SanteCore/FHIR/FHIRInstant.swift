public import Foundation

/// A FHIR `instant`: a date and time to at least the second, with a UTC offset.
///
/// The original string is kept, so re-encoding writes exactly what was read. When reading, a
/// missing offset is accepted (``date`` is then `nil`); a missing time or seconds is refused.
public struct FHIRInstant: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The string exactly as read or written, such as `"2024-03-15T10:30:00.123Z"`.
    public let rawValue: String
    private let value: FHIRTemporalValue

    /// Parses a FHIR `instant` string.
    ///
    /// - Parameter rawValue: `YYYY-MM-DDThh:mm:ss(.sss)(Z|±hh:mm)`.
    /// - Throws: ``ValidationError`` naming the field `instant` when the string is not a FHIR instant.
    public init(_ rawValue: String) throws(ValidationError) {
        switch FHIRTemporalValue.parse(rawValue) {
        case .success(let value) where value.precision >= .second:
            self.rawValue = rawValue
            self.value = value
        case .success:
            throw ValidationError(
                field: "instant", reason: "the value is not a FHIR instant: seconds are required")
        case .failure(let failure):
            throw ValidationError(field: "instant", reason: "the value is not a FHIR instant: \(failure.reason)")
        }
    }

    /// Creates the instant `date`, written in `timeZone`.
    ///
    /// - Parameters:
    ///   - date: The instant.
    ///   - includesMilliseconds: Whether to write milliseconds; `true` by default.
    ///   - timeZone: The zone whose offset is written (`Z` for UTC, the default).
    public init(_ date: Date, includesMilliseconds: Bool = true, timeZone: TimeZone = .gmt) {
        let value = FHIRTemporalValue.from(
            date,
            offsetSeconds: timeZone.secondsFromGMT(for: date),
            precision: includesMilliseconds ? .fractionalSecond : .second
        )
        self.value = value
        self.rawValue = value.formatted
    }

    /// ``FHIRDatePrecision/second`` or ``FHIRDatePrecision/fractionalSecond``.
    public var precision: FHIRDatePrecision { value.precision }

    /// The offset from UTC in seconds (`Z` is `0`), or `nil` when the string has none.
    public var timeZoneOffset: Int? { value.offsetSeconds }

    /// The offset as a fixed `TimeZone`, when one was given.
    public var timeZone: TimeZone? { value.offsetSeconds.flatMap { TimeZone(secondsFromGMT: $0) } }

    /// The given parts as Gregorian `DateComponents`, with the offset as time zone when given.
    public var dateComponents: DateComponents { value.dateComponents }

    /// The instant, or `nil` when the string has no offset; see ``date(defaultTimeZone:)``.
    public var date: Date? {
        value.offsetSeconds == nil ? nil : value.date(defaultOffsetSeconds: 0)
    }

    /// The instant, reading a missing offset in `defaultTimeZone`.
    ///
    /// - Parameter defaultTimeZone: The zone used when the string has no offset.
    /// - Returns: The instant.
    public func date(defaultTimeZone: TimeZone) -> Date {
        value.offsetSeconds == nil ? value.date(inTimeZone: defaultTimeZone) : value.date(defaultOffsetSeconds: 0)
    }

    /// The original string.
    public var description: String { rawValue }

    /// Decodes a FHIR `instant` string.
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
    public static func == (lhs: FHIRInstant, rhs: FHIRInstant) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Hashes the original string.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}
