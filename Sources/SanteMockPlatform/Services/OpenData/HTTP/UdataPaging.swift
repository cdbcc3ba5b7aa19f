/// udata's `page` and `page_size` arguments and the absolute `next_page` / `previous_page` links.
struct UdataPaging: Sendable {
    /// The 1-based page.
    let page: Int
    /// The page size.
    let pageSize: Int

    /// Reads `page` and `page_size` (defaults 1 and `defaultPageSize`); a non-positive or non-integer value is
    /// refused with flask-restx's `400` body, as udata refuses it.
    static func parse(_ query: QueryString, defaultPageSize: Int) -> Result<UdataPaging, UdataArgumentError> {
        var page = 1
        var pageSize = defaultPageSize
        if let text = query.first("page") {
            guard let value = Int(text) else {
                return .failure(
                    UdataArgumentError(
                        name: "page", detail: "The page to fetch invalid literal for int() with base 10: '\(text)'"))
            }
            guard value > 0 else {
                return .failure(
                    UdataArgumentError(
                        name: "page",
                        detail: "The page to fetch Invalid page: \(value). page must be a positive integer"))
            }
            page = value
        }
        if let text = query.first("page_size") {
            guard let value = Int(text) else {
                return .failure(
                    UdataArgumentError(
                        name: "page_size",
                        detail: "The page size to fetch invalid literal for int() with base 10: '\(text)'"))
            }
            guard value > 0 else {
                return .failure(
                    UdataArgumentError(
                        name: "page_size",
                        detail:
                            "The page size to fetch Invalid page_size: \(value). page_size must be a positive integer"))
            }
            pageSize = value
        }
        return .success(UdataPaging(page: page, pageSize: pageSize))
    }

    /// The items of this page.
    func slice<Element>(_ items: [Element]) -> [Element] {
        let (start, overflow) = (page - 1).multipliedReportingOverflow(by: pageSize)
        guard !overflow, start < items.count else { return [] }
        return Array(items[start..<min(items.count, start + pageSize)])
    }

    /// Whether a page follows this one.
    func hasNext(total: Int) -> Bool {
        let (end, overflow) = page.multipliedReportingOverflow(by: pageSize)
        return !overflow && end < total
    }

    /// API v1's links: the request's query repeated, `page` replaced in place or appended.
    func v1Links(url: String, query: QueryString, total: Int) -> (next: String?, previous: String?) {
        let next = hasNext(total: total) ? "\(url)?\(query.replacing("page", with: String(page + 1)))" : nil
        let previous = page > 1 ? "\(url)?\(query.replacing("page", with: String(page - 1)))" : nil
        return (next, previous)
    }

    /// API v2's links: `page` and `page_size` first, then the request's other arguments.
    func v2Links(url: String, query: QueryString, total: Int) -> (next: String?, previous: String?) {
        let others = query.rawArguments(excluding: ["page", "page_size"])
        func link(_ page: Int) -> String {
            (["page=\(page)", "page_size=\(pageSize)"] + others).joined(separator: "&")
        }
        return (hasNext(total: total) ? "\(url)?\(link(page + 1))" : nil, page > 1 ? "\(url)?\(link(page - 1))" : nil)
    }
}

/// An invalid query argument, answered with flask-restx's `400`.
struct UdataArgumentError: Error, Sendable {
    let name: String
    let detail: String
}
