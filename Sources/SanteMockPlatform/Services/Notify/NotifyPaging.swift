import Foundation
import Hummingbird
import SanteCore

/// Pages of `older_than` lists, with absolute `current` and `next` links.
struct NotifyPaging: Sendable {
    /// The server root and service prefix the client used, such as `http://127.0.0.1:8080/notify`.
    let base: String
    /// The request's query.
    let query: QueryString
    /// The raw query text.
    let rawQuery: String?

    /// Reads the paging context of `request`.
    init(request: Request, address: MockServerAddress) {
        let prefix =
            request.uri.path.hasPrefix(MockService.notify.pathPrefix + "/") ? MockService.notify.pathPrefix : ""
        base = request.serverRoot(fallback: address.baseURL) + prefix
        rawQuery = request.uri.query
        query = QueryString(rawQuery)
    }

    /// The items after the `older_than` one (all when there is no `older_than`; none when it is unknown).
    /// - Parameters:
    ///   - items: The items, newest first.
    ///   - id: The identifier of an item.
    /// - Throws: `400 ValidationError` when `older_than` is not a UUID.
    func olderThan<Item>(_ items: [Item], id: (Item) -> String) throws(NotifyAPIError) -> ArraySlice<Item> {
        guard let olderThan = query.first("older_than") else { return items[...] }
        guard UUID(uuidString: olderThan) != nil else {
            throw .validation("older_than is not a valid UUID")
        }
        guard let index = items.firstIndex(where: { id($0) == olderThan.lowercased() }) else { return [] }
        return items[(index + 1)...]
    }

    /// The `links` object: `current` always, `next` when `hasMore`.
    func links(path: String, lastID: String?, hasMore: Bool) -> JSONValue {
        var links: [String: JSONValue] = [
            "current": .string(base + path + (rawQuery.map { $0.isEmpty ? "" : "?\($0)" } ?? ""))
        ]
        if hasMore, let lastID {
            links["next"] = .string(base + path + "?" + query.replacing("older_than", with: lastID))
        }
        return .object(links)
    }
}
