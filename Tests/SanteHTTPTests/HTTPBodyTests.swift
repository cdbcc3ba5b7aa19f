import Foundation
import Testing

@testable import SanteHTTP

@Suite("HTTPBody")
struct HTTPBodyTests {
    @Test("A body from a string is replayable and knows its length")
    func stringBody() async throws {
        let body = HTTPBody("héllo")
        #expect(body.length == .known(6))
        #expect(body.iterationBehavior == .multiple)
        #expect(try await text(body) == "héllo")
        #expect(try await text(body) == "héllo")
    }

    @Test("A body from bytes and from Data hold the same bytes")
    func bytesAndData() async throws {
        let fromBytes = HTTPBody([1, 2, 3] as [UInt8])
        let fromData = HTTPBody(Data([1, 2, 3]))
        #expect(try await fromBytes.collect(upTo: 10) == Data([1, 2, 3]))
        #expect(try await fromData.collect(upTo: 10) == Data([1, 2, 3]))
        #expect(HTTPBody().length == .known(0))
    }

    @Test("A large in-memory body is iterated in chunks of at most 64 KiB")
    func chunking() async throws {
        let body = HTTPBody(Data(repeating: 7, count: 150_000))
        var sizes: [Int] = []
        for try await chunk in body { sizes.append(chunk.count) }
        #expect(sizes == [65_536, 65_536, 18_928])
    }

    @Test("A stream body is single-pass by default and refuses a second read")
    func singlePass() async throws {
        let body = Fixtures.singlePassBody("once")
        #expect(body.iterationBehavior == .single)
        #expect(try await text(body) == "once")
        await #expect(throws: HTTPBody.AlreadyIteratedError.self) {
            _ = try await body.collect(upTo: 100)
        }
    }

    @Test("collect(upTo:) throws at once when the known length exceeds the limit")
    func collectLimitKnownLength() async throws {
        let body = HTTPBody(String(repeating: "x", count: 11))
        await #expect(throws: HTTPBody.TooManyBytesError(maximumBytes: 10)) {
            _ = try await body.collect(upTo: 10)
        }
    }

    @Test("collect(upTo:) throws when a stream of unknown length exceeds the limit")
    func collectLimitStream() async throws {
        let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
            for _ in 0..<5 { continuation.yield(ArraySlice(repeating: 1, count: 4)) }
            continuation.finish()
        }
        let body = HTTPBody(stream)
        #expect(body.length == .unknown)
        await #expect(throws: HTTPBody.TooManyBytesError(maximumBytes: 10)) {
            _ = try await body.collect(upTo: 10)
        }
    }

    @Test("A body of known length that ends early throws PrematureEndError")
    func prematureEnd() async throws {
        let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
            continuation.yield(ArraySlice(repeating: 1, count: 4))
            continuation.finish()
        }
        let body = HTTPBody(stream, length: .known(10))
        await #expect(throws: HTTPBody.PrematureEndError(expectedBytes: 10, receivedBytes: 4)) {
            _ = try await body.collect(upTo: 100)
        }
    }

    @Test("A multiple-pass stream body can be read again")
    func multiplePassStream() async throws {
        let body = HTTPBody(
            [ArraySlice<UInt8>([65, 66]), ArraySlice<UInt8>([67])].async, length: .known(3),
            iterationBehavior: .multiple)
        #expect(try await text(body) == "ABC")
        #expect(try await text(body) == "ABC")
    }

    @Test("Byte-array streams are accepted")
    func byteArrayStream() async throws {
        let body = HTTPBody([[UInt8]([72, 105])].async)
        #expect(try await text(body) == "Hi")
    }

    @Test("collectPrefix keeps the first bytes and reports truncation")
    func prefix() async throws {
        let (data, truncated) = try await HTTPBody("abcdef").collectPrefix(upTo: 4)
        #expect(data == Data("abcd".utf8))
        #expect(truncated)
        let (whole, notTruncated) = try await Fixtures.singlePassBody("ab").collectPrefix(upTo: 4)
        #expect(whole == Data("ab".utf8))
        #expect(!notTruncated)
    }

    @Test("An observed body reports each chunk and keeps length and iteration behaviour")
    func observing() async throws {
        let counter = Counter()
        let sizes = Recorder<Int>()
        let body = HTTPBody("hello").observingChunks { size in
            counter.increment()
            sizes.record(size)
        }
        #expect(body.length == .known(5))
        #expect(body.iterationBehavior == .multiple)
        #expect(try await text(body) == "hello")
        #expect(sizes.all == [5])
        #expect(counter.count == 1)
    }
}

/// A replayable async sequence over an array, for tests.
struct ArrayAsyncSequence<Element: Sendable>: AsyncSequence, Sendable {
    let elements: [Element]

    struct AsyncIterator: AsyncIteratorProtocol {
        var index = 0
        let elements: [Element]

        mutating func next() async -> Element? {
            guard index < elements.count else { return nil }
            defer { index += 1 }
            return elements[index]
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(elements: elements) }
}

extension Array where Element: Sendable {
    var async: ArrayAsyncSequence<Element> { ArrayAsyncSequence(elements: self) }
}
