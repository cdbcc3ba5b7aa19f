public import Foundation
public import SanteCore
public import SanteHTTP

/// The data.gouv.fr tabular API: the rows of a CSV resource, filtered, sorted and paged on the server,
/// without downloading the file.
///
/// Only resources with a `preview_url` are served (very large files usually are not). Pages hold at most
/// 50 rows; ``rows(of:query:)`` follows the `next` links.
///
/// ```swift
/// let tabular = TabularClient(http: try platform.httpClient(baseURL: SanteOpenData.tabularProductionURL!))
/// let query = TabularQuery(filters: [TabularFilter("dep", .exact, "75")], sort: [.descending("jour")])
/// for try await row in tabular.rows(of: "efe23314-67c4-45d3-89a2-3faef82fae90", query: query) { … }
/// ```
public struct TabularClient: Sendable {
    /// The pipeline, based at the API root (the part before `/resources/`).
    public let http: SanteHTTPClient

    let requester: OpenDataRequester

    /// Creates a client.
    /// - Parameter http: The pipeline, based at `https://tabular-api.data.gouv.fr/api` (see
    ///   ``SanteOpenData/tabularProductionURL``) or a mock platform's `/data/tabular/api`.
    public init(http: SanteHTTPClient) {
        self.http = http
        self.requester = OpenDataRequester(http: http)
    }

    /// What the API knows about a resource.
    /// - Parameter resourceID: The resource's UUID.
    /// - Returns: Its description and links.
    /// - Throws: ``OpenDataError`` (`.notFound` when the API does not serve the resource).
    public func resourceInfo(_ resourceID: String) async throws -> TabularResourceInfo {
        let operation = "tabular.resource"
        let segment = try DataGouvClient.pathSegment(resourceID, operation: operation)
        return try await requester.get(TabularResourceInfo.self, "resources/\(segment)/", operation: operation)
    }

    /// A resource's profile: its columns and their detected types.
    /// - Parameter resourceID: The resource's UUID.
    /// - Returns: The profile.
    /// - Throws: ``OpenDataError``.
    public func profile(_ resourceID: String) async throws -> TabularProfile {
        let operation = "tabular.profile"
        let segment = try DataGouvClient.pathSegment(resourceID, operation: operation)
        return try await requester.get(TabularProfile.self, "resources/\(segment)/profile/", operation: operation)
    }

    /// One page of rows.
    /// - Parameters:
    ///   - resourceID: The resource's UUID.
    ///   - query: Filters, sort, columns and page size.
    ///   - page: The page number, from 1.
    /// - Returns: The page, with the total number of matching rows.
    /// - Throws: ``OpenDataError`` (`.badRequest` with ``OpenDataAPIErrorBody/errors`` for an unknown column).
    public func page(of resourceID: String, query: TabularQuery = TabularQuery(), page: Int = 1) async throws
        -> TabularPage<TabularRow>
    {
        try await self.page(of: resourceID, query: query, page: page, as: TabularRow.self)
    }

    /// One page of rows decoded into `type`.
    /// - Parameters:
    ///   - resourceID: The resource's UUID.
    ///   - query: Filters, sort, columns and page size.
    ///   - page: The page number, from 1.
    ///   - type: The row type.
    /// - Returns: The page.
    /// - Throws: ``OpenDataError``.
    public func page<Row: Decodable & Sendable>(
        of resourceID: String,
        query: TabularQuery = TabularQuery(),
        page: Int = 1,
        as type: Row.Type
    ) async throws -> TabularPage<Row> {
        let operation = "tabular.data"
        let segment = try DataGouvClient.pathSegment(resourceID, operation: operation)
        var items = query.queryItems
        if page > 1 { items.insert(URLQueryItem(name: "page", value: String(page)), at: 0) }
        return try await requester.get(
            TabularPage<Row>.self, "resources/\(segment)/data/", query: items, operation: operation)
    }

    /// Every matching row, fetched one page at a time by following the `next` links.
    /// - Parameters:
    ///   - resourceID: The resource's UUID.
    ///   - query: Filters, sort, columns and page size.
    /// - Returns: The rows, fetched lazily.
    public func rows(of resourceID: String, query: TabularQuery = TabularQuery()) -> PagedSequence<TabularRow, URL> {
        rows(of: resourceID, query: query, as: TabularRow.self)
    }

    /// Every matching row decoded into `type`, fetched one page at a time.
    /// - Parameters:
    ///   - resourceID: The resource's UUID.
    ///   - query: Filters, sort, columns and page size.
    ///   - type: The row type.
    /// - Returns: The rows, fetched lazily.
    public func rows<Row: Decodable & Sendable>(
        of resourceID: String,
        query: TabularQuery = TabularQuery(),
        as type: Row.Type
    ) -> PagedSequence<Row, URL> {
        let operation = "tabular.data"
        let requester = requester
        let items = query.queryItems
        return PagedSequence { cursor in
            let path: String
            if let cursor {
                path = cursor.absoluteString
            } else {
                path = "resources/\(try DataGouvClient.pathSegment(resourceID, operation: operation))/data/"
            }
            let page = try await requester.get(
                TabularPage<Row>.self, path, query: cursor == nil ? items : [], operation: operation)
            return Page(items: page.data, nextCursor: page.next)
        }
    }
}
