/// How much of a FHIR `date`, `dateTime` or `instant` was given, from coarsest to finest.
public enum FHIRDatePrecision: Int, Comparable, Hashable, Sendable, CaseIterable {
    /// Only the year: `2024`.
    case year
    /// Year and month: `2024-03`.
    case month
    /// A full date: `2024-03-15`.
    case day
    /// A time without seconds: `2024-03-15T10:30+01:00` (not valid FHIR, accepted when reading).
    case minute
    /// A time to the second: `2024-03-15T10:30:00+01:00`.
    case second
    /// A time with a fraction of a second: `2024-03-15T10:30:00.250+01:00`.
    case fractionalSecond

    /// Orders precisions from ``year`` (coarsest) to ``fractionalSecond`` (finest).
    public static func < (lhs: FHIRDatePrecision, rhs: FHIRDatePrecision) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
