import SanteCore
import Synchronization
import Testing

/// A fake paged service: `pageCount` pages of `pageSize` integers, counting every fetch.
private final class CountingFetcher: Sendable {
    private let fetchedCursors = Mutex<[Int?]>([])
    let pageCount: Int
    let pageSize: Int
    let failingPage: Int?

    init(pageCount: Int, pageSize: Int, failingPage: Int? = nil) {
        self.pageCount = pageCount
        self.pageSize = pageSize
        self.failingPage = failingPage
    }

    /// The cursors asked for, in order (`nil` for the first page).
    var cursors: [Int?] { fetchedCursors.withLock { $0 } }
    /// The number of fetches so far.
    var fetchCount: Int { cursors.count }

    /// Page `n` (cursor `nil` is page 0) holds `n * pageSize ..< (n + 1) * pageSize`.
    func fetch(_ cursor: Int?) throws -> Page<Int, Int> {
        fetchedCursors.withLock { $0.append(cursor) }
        let index = cursor ?? 0
        if index == failingPage { throw FetchFailure(page: index) }
        let items = Array(index * pageSize..<(index + 1) * pageSize)
        return Page(items: items, nextCursor: index + 1 < pageCount ? index + 1 : nil)
    }

    var sequence: PagedSequence<Int, Int> {
        PagedSequence { cursor in try self.fetch(cursor) }
    }
}

private struct FetchFailure: Error, Equatable {
    let page: Int
}

@Suite("Paged sequences")
struct PagedSequenceTests {
    @Test("iterates every element of every page, in order")
    func allElements() async throws {
        let fetcher = CountingFetcher(pageCount: 3, pageSize: 4)
        var collected: [Int] = []
        for try await element in fetcher.sequence {
            collected.append(element)
        }
        #expect(collected == Array(0..<12))
        #expect(fetcher.cursors == [nil, 1, 2])
    }

    @Test("fetches a page only when its first element is needed")
    func laziness() async throws {
        let fetcher = CountingFetcher(pageCount: 5, pageSize: 3)
        let sequence = fetcher.sequence
        #expect(fetcher.fetchCount == 0)
        var iterator = sequence.makeAsyncIterator()
        #expect(fetcher.fetchCount == 0)
        #expect(try await iterator.next() == 0)
        #expect(fetcher.fetchCount == 1)
        #expect(try await iterator.next() == 1)
        #expect(try await iterator.next() == 2)
        #expect(fetcher.fetchCount == 1)
        #expect(try await iterator.next() == 3)
        #expect(fetcher.fetchCount == 2)

        var firstFour: [Int] = []
        for try await element in sequence {
            firstFour.append(element)
            if firstFour.count == 4 { break }
        }
        #expect(firstFour == [0, 1, 2, 3])
        #expect(fetcher.fetchCount == 4, "a new iteration starts again from the first page and stops after page 2")
    }

    @Test("stops after the page without a next cursor")
    func stopsAtLastPage() async throws {
        let fetcher = CountingFetcher(pageCount: 2, pageSize: 1)
        var iterator = fetcher.sequence.makeAsyncIterator()
        #expect(try await iterator.next() == 0)
        #expect(try await iterator.next() == 1)
        #expect(try await iterator.next() == nil)
        #expect(try await iterator.next() == nil)
        #expect(fetcher.fetchCount == 2)
    }

    @Test("iterates whole pages with .pages")
    func pages() async throws {
        let fetcher = CountingFetcher(pageCount: 3, pageSize: 2)
        var pages: [Page<Int, Int>] = []
        for try await page in fetcher.sequence.pages {
            pages.append(page)
        }
        #expect(
            pages == [
                Page(items: [0, 1], nextCursor: 1), Page(items: [2, 3], nextCursor: 2),
                Page(items: [4, 5], nextCursor: nil),
            ]
        )
        #expect(pages.last?.isLast == true)
        var iterator = fetcher.sequence.pages.makeAsyncIterator()
        _ = try await iterator.next()
        #expect(fetcher.fetchCount == 4, "one more fetch for one more page")
    }

    @Test("skips empty pages that have a next cursor")
    func emptyPages() async throws {
        let sequence = PagedSequence<String, String> { cursor in
            switch cursor {
            case nil: Page(items: [], nextCursor: "b")
            case "b": Page(items: ["x"], nextCursor: "c")
            case "c": Page(items: [], nextCursor: "d")
            default: Page(items: [], nextCursor: nil)
            }
        }
        var collected: [String] = []
        for try await element in sequence {
            collected.append(element)
        }
        #expect(collected == ["x"])
        var pageCount = 0
        for try await _ in sequence.pages { pageCount += 1 }
        #expect(pageCount == 4)
    }

    @Test("starts at the given cursor")
    func startingCursor() async throws {
        let fetcher = CountingFetcher(pageCount: 3, pageSize: 2)
        let sequence = PagedSequence<Int, Int>(startingAt: 2) { cursor in try fetcher.fetch(cursor) }
        var collected: [Int] = []
        for try await element in sequence { collected.append(element) }
        #expect(collected == [4, 5])
        #expect(fetcher.cursors == [2])
    }

    @Test("propagates a fetch error after the elements already fetched, then finishes")
    func errors() async throws {
        let fetcher = CountingFetcher(pageCount: 4, pageSize: 2, failingPage: 1)
        var iterator = fetcher.sequence.makeAsyncIterator()
        #expect(try await iterator.next() == 0)
        #expect(try await iterator.next() == 1)
        await #expect(throws: FetchFailure(page: 1)) { try await iterator.next() }
        #expect(try await iterator.next() == nil)
        #expect(fetcher.fetchCount == 2)
    }

    @Test("a cancelled task throws CancellationError without fetching")
    func cancellation() async throws {
        let fetcher = CountingFetcher(pageCount: 10, pageSize: 2)
        let sequence = fetcher.sequence
        let task = Task {
            var collected: [Int] = []
            do {
                for try await element in sequence {
                    collected.append(element)
                    if collected.count == 3 {
                        withUnsafeCurrentTask { $0?.cancel() }
                    }
                }
                return (collected, false)
            } catch is CancellationError {
                return (collected, true)
            }
        }
        let (collected, wasCancelled) = try await task.value
        #expect(wasCancelled)
        #expect(collected == [0, 1, 2])
        #expect(fetcher.fetchCount == 2)
    }

    @Test("pages: a cancelled task fetches nothing")
    func pagesCancellation() async {
        let fetcher = CountingFetcher(pageCount: 10, pageSize: 2)
        let sequence = fetcher.sequence
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            var iterator = sequence.pages.makeAsyncIterator()
            return try await iterator.next()
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(fetcher.fetchCount == 0)
    }

    @Test("a page that returns its own cursor stops the iteration with PagingError")
    func cursorDidNotAdvance() async throws {
        let sequence = PagedSequence<Int, String> { cursor in
            Page(items: [1], nextCursor: "same")
        }
        var collected: [Int] = []
        do {
            for try await element in sequence { collected.append(element) }
            Issue.record("expected a PagingError")
        } catch let error as PagingError {
            #expect(error == PagingError(reason: .cursorDidNotAdvance, pagesFetched: 2))
        }
        #expect(collected == [1])
    }

    @Test("Page.map keeps the cursor")
    func pageMap() {
        let page = Page(items: [1, 2], nextCursor: "next")
        #expect(page.map { "\($0)" } == Page(items: ["1", "2"], nextCursor: "next"))
        #expect(!page.isLast)
    }
}
