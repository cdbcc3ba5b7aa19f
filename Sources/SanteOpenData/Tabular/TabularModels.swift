public import Foundation
public import SanteCore

/// One row of the tabular API: the column values as JSON, and the row's `__id`.
public struct TabularRow: Hashable, Sendable, Codable {
    /// The row's position in the table (`__id`), when returned.
    public var id: Int64?
    /// The values by column name (`__id` excluded).
    public var values: [String: JSONValue]

    /// Creates a row.
    /// - Parameters:
    ///   - id: The row's `__id`.
    ///   - values: The values by column name.
    public init(id: Int64? = nil, values: [String: JSONValue]) {
        self.id = id
        self.values = values
    }

    /// The value of `column`.
    /// - Parameter column: The column name.
    /// - Returns: The JSON value, or `nil` when the row has no such column.
    public subscript(column: String) -> JSONValue? { values[column] }

    /// The value of `column` as text (numbers and booleans written out), or `nil` when absent or `null`.
    /// - Parameter column: The column name.
    /// - Returns: The text.
    public func string(_ column: String) -> String? {
        switch values[column] {
        case .string(let text): text
        case .integer(let number): String(number)
        case .number(let number): String(number)
        case .bool(let flag): String(flag)
        default: nil
        }
    }

    /// The value of `column` as a number (a text such as `12,5` is read too).
    /// - Parameter column: The column name.
    /// - Returns: The number, or `nil`.
    public func double(_ column: String) -> Double? {
        switch values[column] {
        case .integer(let number): Double(number)
        case .number(let number): number
        case .string(let text): CSVNumberText.double(text)
        default: nil
        }
    }

    /// Decodes `{"__id": 1, "col": …}`.
    public init(from decoder: any Decoder) throws {
        var members = try [String: JSONValue](from: decoder)
        id = members.removeValue(forKey: "__id")?.integerValue
        values = members
    }

    /// Encodes the row with its `__id`.
    public func encode(to encoder: any Encoder) throws {
        var members = values
        if let id { members["__id"] = .integer(id) }
        try members.encode(to: encoder)
    }
}

/// One page of the tabular API:
/// `{"data": […], "links": {"next": …, "prev": …, "profile": …, "swagger": …}, "meta": {"page", "page_size", "total"}}`.
public struct TabularPage<Row: Decodable & Sendable>: Decodable, Sendable {
    /// The rows.
    public var data: [Row]
    /// The absolute URL of the next page, `nil` on the last page.
    public var next: URL?
    /// The absolute URL of the previous page.
    public var previous: URL?
    /// The page number.
    public var page: Int?
    /// Rows per page.
    public var pageSize: Int?
    /// The number of rows matching the query.
    public var total: Int?

    private enum CodingKeys: String, CodingKey {
        case data, links, meta
    }

    private struct Links: Decodable {
        var next: String?
        var prev: String?
    }

    private struct Meta: Decodable {
        var page: Int?
        var pageSize: Int?
        var total: Int?

        enum CodingKeys: String, CodingKey {
            case page
            case pageSize = "page_size"
            case total
        }
    }

    /// Decodes a page.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        data = try container.decodeIfPresent([Row].self, forKey: .data) ?? []
        let links = try container.decodeIfPresent(Links.self, forKey: .links)
        next = links?.next.flatMap { URL(string: $0) }
        previous = links?.prev.flatMap { URL(string: $0) }
        let meta = try container.decodeIfPresent(Meta.self, forKey: .meta)
        page = meta?.page
        pageSize = meta?.pageSize
        total = meta?.total
    }
}

/// What the tabular API knows about a resource (`GET /resources/{id}/`).
public struct TabularResourceInfo: Hashable, Sendable, Decodable {
    /// A link to one of the resource's endpoints.
    public struct Link: Hashable, Sendable, Decodable {
        /// The URL (often relative to the API host).
        public var href: String
        /// The method.
        public var type: String?
        /// `profile`, `data` or `swagger`.
        public var rel: String?
    }

    /// When the table was created.
    public var createdAt: OpenDataTimestamp?
    /// The file the table was built from.
    public var url: String?
    /// The resource's endpoints.
    public var links: [Link]

    private enum CodingKeys: String, CodingKey {
        case createdAt = "created_at"
        case url, links
    }

    /// Decodes the description.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        createdAt = try container.decodeIfPresent(OpenDataTimestamp.self, forKey: .createdAt)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        links = try container.decodeIfPresent([Link].self, forKey: .links) ?? []
    }
}

/// A resource's profile as csv-detective computed it (`GET /resources/{id}/profile/`).
public struct TabularProfile: Hashable, Sendable, Decodable {
    /// The column names, in file order.
    public var header: [String]
    /// The detected type of each column, such as `int`, `float`, `string`, `date`, when given.
    public var columnTypes: [String: String]
    /// The whole answer, for the members not modelled here (separator, encoding, formats…).
    public var raw: JSONValue

    /// Decodes `{"profile": {"header": […], "columns": {name: {"python_type": …}}}, …}`.
    public init(from decoder: any Decoder) throws {
        raw = try JSONValue(from: decoder)
        let profile = raw["profile"] ?? raw
        header = profile["header"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var types: [String: String] = [:]
        for (name, column) in profile["columns"]?.objectValue ?? [:] {
            if let type = column["python_type"]?.stringValue ?? column["format"]?.stringValue { types[name] = type }
        }
        columnTypes = types
    }
}
