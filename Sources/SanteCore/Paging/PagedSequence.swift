/// The elements of a paged listing, fetched one page at a time, only when needed.
///
/// Built from a closure that fetches one page from a cursor (`nil` for the first page, unless a
/// starting cursor is given). Iteration:
/// - fetches a page only when the elements already fetched are used up, so breaking out of a
///   loop early fetches nothing more;
/// - skips empty pages that still have a next cursor, and stops after a page without one;
/// - rethrows the fetch closure's errors, after which the iterator is finished;
/// - throws `CancellationError` from `next()` once the task is cancelled, without fetching;
/// - throws ``PagingError`` if a page returns its own cursor as the next one.
///
/// Iterate ``pages`` to get whole pages instead of elements. Each iteration starts again from the
/// first page; the sequence itself holds no state.
///
/// ```swift
/// let patients = PagedSequence<Patient, URL> { cursor in
///     try await client.searchPage(cursor ?? firstPageURL)
/// }
/// for try await patient in patients { … }
/// ```
public struct PagedSequence<Element: Sendable, Cursor: Sendable & Equatable>: AsyncSequence, Sendable {
    /// Fetches the page at a cursor (`nil`: the first page).
    public typealias FetchPage = @Sendable (Cursor?) async throws -> Page<Element, Cursor>

    /// The whole pages of the listing, in order.
    public let pages: Pages

    /// Creates a paged sequence.
    ///
    /// - Parameters:
    ///   - firstCursor: The cursor of the first page; `nil` (the default) lets `fetchPage` choose.
    ///   - fetchPage: Fetches one page; called lazily, once per page, in order.
    public init(startingAt firstCursor: Cursor? = nil, fetchPage: @escaping FetchPage) {
        pages = Pages(firstCursor: firstCursor, fetchPage: fetchPage)
    }

    /// Starts a new iteration from the first page.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: pages.makeAsyncIterator())
    }

    /// Iterates the elements, fetching pages as they are needed.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private var pages: Pages.AsyncIterator
        private var buffer: [Element] = []
        private var bufferIndex = 0
        private var isFinished = false

        init(pages: Pages.AsyncIterator) {
            self.pages = pages
        }

        /// The next element, fetching the next page if the current one is used up.
        ///
        /// - Returns: The next element, or `nil` after the last one.
        /// - Throws: `CancellationError` when the task is cancelled, ``PagingError``, or the fetch error.
        public mutating func next() async throws -> Element? {
            guard !isFinished else { return nil }
            if Task.isCancelled {
                isFinished = true
                throw CancellationError()
            }
            while bufferIndex >= buffer.count {
                let page: Page<Element, Cursor>?
                do {
                    page = try await pages.next()
                } catch {
                    isFinished = true
                    throw error
                }
                guard let page else {
                    isFinished = true
                    return nil
                }
                buffer = page.items
                bufferIndex = 0
            }
            defer { bufferIndex += 1 }
            return buffer[bufferIndex]
        }
    }
}
