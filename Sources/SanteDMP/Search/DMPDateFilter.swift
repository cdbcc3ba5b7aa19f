public import SanteCore

/// A date search condition: a FHIR comparison prefix and a date, such as `ge2024-01-01`.
public struct DMPDateFilter: Hashable, Sendable, CustomStringConvertible {
    /// A FHIR search comparison prefix.
    public struct Comparison: RawRepresentable, Hashable, Sendable {
        /// The prefix, such as `ge`.
        public let rawValue: String
        /// Creates a prefix.
        /// - Parameter rawValue: The prefix.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// `eq`: within the date's precision.
        public static let equal = Comparison(rawValue: "eq")
        /// `gt`: strictly after.
        public static let after = Comparison(rawValue: "gt")
        /// `ge`: on or after.
        public static let onOrAfter = Comparison(rawValue: "ge")
        /// `lt`: strictly before.
        public static let before = Comparison(rawValue: "lt")
        /// `le`: on or before.
        public static let onOrBefore = Comparison(rawValue: "le")
    }

    /// The comparison.
    public var comparison: Comparison
    /// The date, as FHIR writes it (`2024-01-01`, `2024-01-01T10:00:00+01:00`).
    public var value: String

    /// Creates a filter.
    /// - Parameters:
    ///   - comparison: The comparison.
    ///   - value: The date as FHIR writes it.
    public init(_ comparison: Comparison, _ value: String) {
        self.comparison = comparison
        self.value = value
    }

    /// On or after a date-time.
    /// - Parameter dateTime: The date-time.
    /// - Returns: The filter.
    public static func onOrAfter(_ dateTime: FHIRDateTime) -> DMPDateFilter {
        DMPDateFilter(.onOrAfter, dateTime.rawValue)
    }

    /// On or before a date-time.
    /// - Parameter dateTime: The date-time.
    /// - Returns: The filter.
    public static func onOrBefore(_ dateTime: FHIRDateTime) -> DMPDateFilter {
        DMPDateFilter(.onOrBefore, dateTime.rawValue)
    }

    /// The search parameter value: prefix then date.
    public var description: String { comparison.rawValue + value }
}
