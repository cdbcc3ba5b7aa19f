/// One page of results and the cursor of the page after it.
///
/// The cursor is whatever the service uses to reach the next page: a FHIR Bundle `next` link or a
/// udata `next_page` (`URL`), a Notify `older_than` notification id (`String`). `nil` means this
/// is the last page.
public struct Page<Element: Sendable, Cursor: Sendable>: Sendable {
    /// The items of this page, in the service's order.
    public var items: [Element]
    /// The cursor of the next page, `nil` on the last page.
    public var nextCursor: Cursor?

    /// Creates a page.
    ///
    /// - Parameters:
    ///   - items: The items of this page.
    ///   - nextCursor: The cursor of the next page, `nil` on the last page.
    public init(items: [Element], nextCursor: Cursor? = nil) {
        self.items = items
        self.nextCursor = nextCursor
    }

    /// Whether this is the last page (no next cursor).
    public var isLast: Bool { nextCursor == nil }

    /// The same page with each item transformed.
    ///
    /// - Parameter transform: Applied to each item, in order.
    /// - Returns: A page with the transformed items and the same cursor.
    /// - Throws: Whatever `transform` throws.
    public func map<NewElement: Sendable, Failure: Error>(
        _ transform: (Element) throws(Failure) -> NewElement
    ) throws(Failure) -> Page<NewElement, Cursor> {
        var newItems: [NewElement] = []
        newItems.reserveCapacity(items.count)
        for item in items {
            newItems.append(try transform(item))
        }
        return Page<NewElement, Cursor>(items: newItems, nextCursor: nextCursor)
    }
}

extension Page: Equatable where Element: Equatable, Cursor: Equatable {}
extension Page: Hashable where Element: Hashable, Cursor: Hashable {}
