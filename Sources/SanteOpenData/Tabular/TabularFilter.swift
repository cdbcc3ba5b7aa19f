public import Foundation

/// One condition of a tabular API query, sent as `column__operator=value`.
///
/// ```swift
/// TabularFilter("dep", .exact, "75")              // dep__exact=75
/// TabularFilter("n_dose1", .greater, "1000")      // n_dose1__greater=1000
/// TabularFilter("dep", .in, ["75", "92", "93"])   // dep__in=75,92,93
/// TabularFilter.isNull("date_fermeture")          // date_fermeture__isnull
/// ```
public struct TabularFilter: Hashable, Sendable {
    /// A comparison the tabular API knows.
    public struct Operator: RawRepresentable, Hashable, Sendable {
        /// The name after `__`, such as `exact`.
        public let rawValue: String
        /// Creates an operator from its name.
        /// - Parameter rawValue: The name after `__`.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Equal to the value.
        public static let exact = Operator(rawValue: "exact")
        /// Different from the value.
        public static let differs = Operator(rawValue: "differs")
        /// The text contains the value.
        public static let contains = Operator(rawValue: "contains")
        /// The text does not contain the value.
        public static let notContains = Operator(rawValue: "notcontains")
        /// One of a comma-separated list.
        public static let `in` = Operator(rawValue: "in")
        /// None of a comma-separated list.
        public static let notIn = Operator(rawValue: "notin")
        /// Less than or equal to the value.
        public static let less = Operator(rawValue: "less")
        /// Greater than or equal to the value.
        public static let greater = Operator(rawValue: "greater")
        /// Strictly less than the value.
        public static let strictlyLess = Operator(rawValue: "strictly_less")
        /// Strictly greater than the value.
        public static let strictlyGreater = Operator(rawValue: "strictly_greater")
        /// Empty (`null`); takes no value.
        public static let isNull = Operator(rawValue: "isnull")
        /// Not empty; takes no value.
        public static let isNotNull = Operator(rawValue: "isnotnull")
    }

    /// The column name.
    public var column: String
    /// The comparison.
    public var `operator`: Operator
    /// The value, or `nil` for ``Operator/isNull`` and ``Operator/isNotNull``.
    public var value: String?

    /// Creates a condition.
    /// - Parameters:
    ///   - column: The column name.
    ///   - operator: The comparison.
    ///   - value: The value.
    public init(_ column: String, _ operator: Operator, _ value: String) {
        self.column = column
        self.operator = `operator`
        self.value = value
    }

    /// Creates a list condition (``Operator/in`` or ``Operator/notIn``).
    /// - Parameters:
    ///   - column: The column name.
    ///   - operator: The comparison.
    ///   - values: The values, joined with commas.
    public init(_ column: String, _ operator: Operator, _ values: [String]) {
        self.init(column, `operator`, values.joined(separator: ","))
    }

    /// The column is empty.
    /// - Parameter column: The column name.
    /// - Returns: The condition.
    public static func isNull(_ column: String) -> TabularFilter {
        TabularFilter(column: column, operator: .isNull)
    }

    /// The column is not empty.
    /// - Parameter column: The column name.
    /// - Returns: The condition.
    public static func isNotNull(_ column: String) -> TabularFilter {
        TabularFilter(column: column, operator: .isNotNull)
    }

    private init(column: String, operator: Operator) {
        self.column = column
        self.operator = `operator`
        self.value = nil
    }

    /// The query item, such as `dep__exact=75` or `date__isnull`.
    public var queryItem: URLQueryItem {
        URLQueryItem(name: "\(column)__\(self.operator.rawValue)", value: value)
    }
}
