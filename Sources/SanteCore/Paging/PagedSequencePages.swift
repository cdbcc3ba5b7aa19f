extension PagedSequence {
    /// The whole pages of a paged listing, fetched lazily, in order; empty pages included.
    public struct Pages: AsyncSequence, Sendable {
        let firstCursor: Cursor?
        let fetchPage: FetchPage

        /// Starts a new iteration from the first page.
        public func makeAsyncIterator() -> AsyncIterator {
            AsyncIterator(firstCursor: firstCursor, fetchPage: fetchPage)
        }

        /// Iterates the pages, fetching each one when asked for it.
        public struct AsyncIterator: AsyncIteratorProtocol {
            private enum State {
                case pending(Cursor?)
                case finished
            }

            private var state: State
            private let fetchPage: FetchPage
            private var pagesFetched = 0

            init(firstCursor: Cursor?, fetchPage: @escaping FetchPage) {
                state = .pending(firstCursor)
                self.fetchPage = fetchPage
            }

            /// Fetches the next page.
            ///
            /// - Returns: The next page, or `nil` after the page without a next cursor.
            /// - Throws: `CancellationError` when the task is cancelled, ``PagingError``, or the fetch error.
            public mutating func next() async throws -> Page<Element, Cursor>? {
                guard case .pending(let cursor) = state else { return nil }
                state = .finished
                try Task.checkCancellation()
                let page = try await fetchPage(cursor)
                pagesFetched += 1
                if let nextCursor = page.nextCursor {
                    if let cursor, cursor == nextCursor {
                        throw PagingError(reason: .cursorDidNotAdvance, pagesFetched: pagesFetched)
                    }
                    state = .pending(nextCursor)
                }
                return page
            }
        }
    }
}
