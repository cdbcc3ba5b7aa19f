import Foundation

/// A query of the tabular API's `/data/` route: filters `<column>__<operator>=<value>`, one sort
/// `<column>__sort=asc|desc`, `columns=a,b`, `page` and `page_size` (default 20, at most 50).
///
/// Operators follow api-tabular: `exact`, `differs`, `isnull`, `isnotnull`, `contains` and `notcontains`
/// (case-insensitive), `in` and `notin` (comma-separated values), `less` and `greater` (inclusive),
/// `strictly_less` and `strictly_greater`. Numeric columns compare as numbers, others as text.
struct TabularQuery: Sendable {
    /// The default page size.
    static let defaultPageSize = 20
    /// The largest page size.
    static let maximumPageSize = 50

    /// A filter on one column.
    struct Filter: Sendable {
        let column: Int
        let operation: String
        let value: String
    }

    let filters: [Filter]
    let sort: (column: Int, descending: Bool)?
    let selectedColumns: [Int]?
    let page: Int
    let pageSize: Int

    /// An invalid query: api-tabular's `400` detail.
    struct Invalid: Error, Sendable {
        let detail: String
    }

    private static let valueOperations: Set<String> = [
        "exact", "differs", "contains", "notcontains", "in", "notin", "less", "greater", "strictly_less",
        "strictly_greater",
    ]
    private static let aggregations: Set<String> = ["groupby", "count", "avg", "min", "max", "sum"]

    /// Reads the query for `table`.
    init(_ query: QueryString, table: TabularTable, resourceID: String) throws(Invalid) {
        var filters: [Filter] = []
        var sort: (column: Int, descending: Bool)?
        var selected: [Int]?
        var page = 1
        var pageSize = Self.defaultPageSize
        for argument in query.arguments {
            switch argument.name {
            case "page":
                guard let value = Int(argument.value), value >= 1 else {
                    throw Invalid(detail: "argument 'page=\(argument.value)' could not be parsed")
                }
                page = value
                continue
            case "page_size":
                guard let value = Int(argument.value), value >= 1 else {
                    throw Invalid(detail: "argument 'page_size=\(argument.value)' could not be parsed")
                }
                guard value <= Self.maximumPageSize else {
                    throw Invalid(detail: "Page size exceeds allowed maximum: \(Self.maximumPageSize)")
                }
                pageSize = value
                continue
            case "columns":
                selected = try argument.value.split(separator: ",").map { name throws(Invalid) in
                    try Self.column(String(name), in: table)
                }
                continue
            default:
                break
            }
            guard let separator = argument.name.range(of: "__", options: .backwards) else {
                throw Invalid(detail: "argument '\(argument.raw)' could not be parsed")
            }
            let column = try Self.column(String(argument.name[..<separator.lowerBound]), in: table)
            let operation = argument.name[separator.upperBound...].lowercased()
            if operation == "sort" {
                guard argument.value == "asc" || argument.value == "desc" else {
                    throw Invalid(detail: "argument '\(argument.raw)' could not be parsed")
                }
                sort = (column, argument.value == "desc")
            } else if operation == "isnull" || operation == "isnotnull" {
                filters.append(Filter(column: column, operation: operation, value: ""))
            } else if Self.valueOperations.contains(operation), argument.hasValue {
                if table.columns[column].type.isNumeric,
                    !["contains", "notcontains", "in", "notin"].contains(operation)
                {
                    guard Double(argument.value) != nil else {
                        throw Invalid(
                            detail: "invalid input syntax for type numeric: \"\(argument.value)\" (column "
                                + "\(table.columns[column].name))")
                    }
                }
                filters.append(Filter(column: column, operation: operation, value: argument.value))
            } else if Self.aggregations.contains(operation) {
                throw Invalid(
                    detail: "Aggregation parameters `\(operation)` are not allowed for resource '\(resourceID)'")
            } else {
                throw Invalid(detail: "argument '\(argument.raw)' could not be parsed")
            }
        }
        self.filters = filters
        self.sort = sort
        self.selectedColumns = selected
        self.page = page
        self.pageSize = pageSize
    }

    /// The indices (0-based; `__id` is index + 1) of the matching rows, sorted.
    func matchingRows(of table: TabularTable) -> [Int] {
        var indices = table.rows.indices.filter { index in
            filters.allSatisfy { Self.matches(table.rows[index][$0.column], $0, type: table.columns[$0.column].type) }
        }
        if let sort {
            let type = table.columns[sort.column].type
            indices.sort { left, right in
                let order = Self.compare(table.rows[left][sort.column], table.rows[right][sort.column], type: type)
                if order == 0 { return left < right }
                return sort.descending ? order > 0 : order < 0
            }
        }
        return indices
    }

    private static func column(_ name: String, in table: TabularTable) throws(Invalid) -> Int {
        guard let index = table.columnIndex(name) else {
            throw Invalid(detail: "column \"\(name)\" does not exist")
        }
        return index
    }

    private static func matches(_ cell: TabularCell, _ filter: Filter, type: TabularType) -> Bool {
        switch filter.operation {
        case "isnull": return cell == .empty
        case "isnotnull": return cell != .empty
        case "exact": return cell != .empty && compare(cell, filter.value, type: type) == 0
        case "differs": return cell == .empty || compare(cell, filter.value, type: type) != 0
        case "contains", "notcontains":
            let text = CatalogueText.fold(cell.textValue ?? "")
            let found = cell != .empty && text.contains(CatalogueText.fold(filter.value))
            return filter.operation == "contains" ? found : (cell != .empty && !found)
        case "in", "notin":
            let values = filter.value.split(separator: ",").map(String.init)
            let found = cell != .empty && values.contains { compare(cell, $0, type: type) == 0 }
            return filter.operation == "in" ? found : (cell != .empty && !found)
        case "less": return cell != .empty && compare(cell, filter.value, type: type) <= 0
        case "greater": return cell != .empty && compare(cell, filter.value, type: type) >= 0
        case "strictly_less": return cell != .empty && compare(cell, filter.value, type: type) < 0
        case "strictly_greater": return cell != .empty && compare(cell, filter.value, type: type) > 0
        default: return false
        }
    }

    /// -1, 0 or 1: a cell against a query value.
    private static func compare(_ cell: TabularCell, _ value: String, type: TabularType) -> Int {
        if type.isNumeric, let left = cell.numericValue, let right = Double(value) {
            return left < right ? -1 : (left > right ? 1 : 0)
        }
        let left = cell.textValue ?? ""
        return left < value ? -1 : (left > value ? 1 : 0)
    }

    /// -1, 0 or 1 between two cells; empty cells sort last, as PostgreSQL sorts nulls.
    private static func compare(_ left: TabularCell, _ right: TabularCell, type: TabularType) -> Int {
        switch (left == .empty, right == .empty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        default: break
        }
        if type.isNumeric, let leftNumber = left.numericValue, let rightNumber = right.numericValue {
            return leftNumber < rightNumber ? -1 : (leftNumber > rightNumber ? 1 : 0)
        }
        let leftText = left.textValue ?? ""
        let rightText = right.textValue ?? ""
        return leftText < rightText ? -1 : (leftText > rightText ? 1 : 0)
    }
}
