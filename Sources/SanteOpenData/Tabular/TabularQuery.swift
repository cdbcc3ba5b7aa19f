public import Foundation

/// A tabular API query: filters, sorting, column selection and page size.
///
/// ```swift
/// var query = TabularQuery(filters: [TabularFilter("dep", .exact, "75")], pageSize: 50)
/// query.sort = [.descending("jour")]
/// query.columns = ["dep", "jour", "n_dose1"]
/// ```
public struct TabularQuery: Hashable, Sendable {
    /// A sort key, sent as `column__sort=asc|desc`.
    public struct Sort: Hashable, Sendable {
        /// The column.
        public var column: String
        /// Whether the order is descending.
        public var isDescending: Bool

        /// Ascending order on `column`.
        /// - Parameter column: The column.
        /// - Returns: The sort key.
        public static func ascending(_ column: String) -> Sort { Sort(column: column, isDescending: false) }

        /// Descending order on `column`.
        /// - Parameter column: The column.
        /// - Returns: The sort key.
        public static func descending(_ column: String) -> Sort { Sort(column: column, isDescending: true) }
    }

    /// The API's largest page size.
    public static let maximumPageSize = 50

    /// The conditions, all of which a row must meet.
    public var filters: [TabularFilter]
    /// The sort keys, in order.
    public var sort: [Sort]
    /// The columns to return (`columns=a,b`); empty for all.
    public var columns: [String]
    /// Rows per page, clamped to 1…50 (the API's default is 20).
    public var pageSize: Int?
    /// Any other query items (such as aggregations on allow-listed resources), sent as given.
    public var additionalItems: [URLQueryItem]

    /// Creates a query.
    /// - Parameters:
    ///   - filters: The conditions.
    ///   - sort: The sort keys.
    ///   - columns: The columns to return.
    ///   - pageSize: Rows per page (1…50).
    ///   - additionalItems: Other query items.
    public init(
        filters: [TabularFilter] = [],
        sort: [Sort] = [],
        columns: [String] = [],
        pageSize: Int? = nil,
        additionalItems: [URLQueryItem] = []
    ) {
        self.filters = filters
        self.sort = sort
        self.columns = columns
        self.pageSize = pageSize
        self.additionalItems = additionalItems
    }

    /// The query items.
    public var queryItems: [URLQueryItem] {
        var items = filters.map(\.queryItem)
        items += sort.map { URLQueryItem(name: "\($0.column)__sort", value: $0.isDescending ? "desc" : "asc") }
        if !columns.isEmpty { items.append(URLQueryItem(name: "columns", value: columns.joined(separator: ","))) }
        if let pageSize {
            let clamped = min(max(pageSize, 1), Self.maximumPageSize)
            items.append(URLQueryItem(name: "page_size", value: String(clamped)))
        }
        return items + additionalItems
    }
}
