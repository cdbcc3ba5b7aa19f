public import Foundation
public import SanteCore

/// One page of a data.gouv.fr listing:
/// `{"data": […], "page": 1, "page_size": 20, "total": 15, "next_page": "https://…&page=2", "previous_page": null}`.
///
/// `next_page` and `previous_page` are absolute URLs repeating every query argument; follow them rather than
/// building page URLs.
public struct DataGouvPage<Element: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    /// The items of this page.
    public var data: [Element]
    /// The page number, from 1.
    public var page: Int?
    /// The number of items per page.
    public var pageSize: Int?
    /// The number of items in the whole listing.
    public var total: Int?
    /// The absolute URL of the next page, `nil` on the last page.
    public var nextPage: URL?
    /// The absolute URL of the previous page, `nil` on the first page.
    public var previousPage: URL?
    /// Members not modelled here (such as search `facets`).
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a page.
    /// - Parameters:
    ///   - data: The items.
    ///   - page: The page number.
    ///   - pageSize: The page size.
    ///   - total: The total number of items.
    ///   - nextPage: The next page's URL.
    public init(data: [Element], page: Int? = nil, pageSize: Int? = nil, total: Int? = nil, nextPage: URL? = nil) {
        self.data = data
        self.page = page
        self.pageSize = pageSize
        self.total = total
        self.nextPage = nextPage
    }

    /// Decodes the page, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try LosslessObjectReader(decoder)
        data = try object.array("data")
        page = try object.optional("page")
        pageSize = try object.optional("page_size")
        total = try object.optional("total")
        nextPage = try object.optional("next_page", as: String.self).flatMap { URL(string: $0) }
        previousPage = try object.optional("previous_page", as: String.self).flatMap { URL(string: $0) }
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the page and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(data, "data")
        try object.encode(page, "page")
        try object.encode(pageSize, "page_size")
        try object.encode(total, "total")
        try object.encode(nextPage?.absoluteString, "next_page")
        try object.encode(previousPage?.absoluteString, "previous_page")
        try object.finish(with: additionalMembers)
    }

    /// The page as a SanteCore `Page`, whose cursor is the next page's URL.
    public var asPage: Page<Element, URL> {
        Page(items: data, nextCursor: nextPage)
    }
}
