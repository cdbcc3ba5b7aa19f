import Foundation
import Testing

@testable import SanteHTTP

/// A body whose source appends its chunks itself (as `AsyncHTTPClientTransport`'s response bodies do) reads like any
/// other stream, and collecting it copies each chunk once, through `appendNext(to:)`.
@Suite("HTTPBody from an appending source")
struct AppendingBodyTests {
    @Test("collect appends each chunk straight from the source; iterating hands out the same chunks")
    func collectAppends() async throws {
        let chunks = [Array("hel".utf8), Array("lo, ".utf8), Array("world".utf8)]
        let calls = Recorder<String>()
        let collected = try await HTTPBody(appending: AppendingChunks(chunks: chunks, calls: calls), length: .known(12))
            .collect(upTo: 100)
        #expect(String(decoding: collected, as: UTF8.self) == "hello, world")
        #expect(calls.all == ["append", "append", "append", "append"])

        let iterationCalls = Recorder<String>()
        let body = HTTPBody(appending: AppendingChunks(chunks: chunks, calls: iterationCalls), length: .known(12))
        var received: [[UInt8]] = []
        for try await chunk in body { received.append(Array(chunk)) }
        #expect(received == chunks)
        #expect(iterationCalls.all == ["next", "next", "next", "next"])
    }

    @Test("Observers are told each chunk; the body stays single-pass")
    func observersAndSinglePass() async throws {
        let sizes = Recorder<Int>()
        let body = HTTPBody(
            appending: AppendingChunks(chunks: [Array("abc".utf8), Array("de".utf8)], calls: Recorder()),
            length: .known(5)
        ).observingChunks { sizes.record($0) }
        #expect(body.iterationBehavior == .single)
        #expect(try await body.collect(upTo: 10) == Data("abcde".utf8))
        #expect(sizes.all == [3, 2])
        await #expect(throws: HTTPBody.AlreadyIteratedError.self) { _ = try await body.collect(upTo: 10) }
    }

    @Test("A short body throws PrematureEndError, a long one TooManyBytesError, and a source error passes through")
    func failures() async throws {
        let short = HTTPBody(
            appending: AppendingChunks(chunks: [Array("abc".utf8)], calls: Recorder()), length: .known(9))
        await #expect(throws: HTTPBody.PrematureEndError(expectedBytes: 9, receivedBytes: 3)) {
            _ = try await short.collect(upTo: 100)
        }

        let long = HTTPBody(
            appending: AppendingChunks(chunks: Array(repeating: Array("0123".utf8), count: 5), calls: Recorder()))
        await #expect(throws: HTTPBody.TooManyBytesError(maximumBytes: 10)) { _ = try await long.collect(upTo: 10) }

        let failing = HTTPBody(
            appending: AppendingChunks(chunks: [Array("ab".utf8)], calls: Recorder(), failsAtEnd: true))
        await #expect(throws: AppendingChunks.SourceFailure.self) { _ = try await failing.collect(upTo: 10) }
    }

    @Test("A replayable appending source can be collected twice")
    func replayable() async throws {
        let body = HTTPBody(
            appending: AppendingChunks(chunks: [Array("ab".utf8), Array("c".utf8)], calls: Recorder()),
            length: .known(3), iterationBehavior: .multiple)
        #expect(try await body.collect(upTo: 10) == Data("abc".utf8))
        #expect(try await body.collect(upTo: 10) == Data("abc".utf8))
    }
}

/// Chunks from an iterator that records whether it was asked for a chunk or to append one.
struct AppendingChunks: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>

    struct SourceFailure: Error {}

    let chunks: [[UInt8]]
    let calls: Recorder<String>
    var failsAtEnd = false

    struct AsyncIterator: HTTPBodyAppendingIterator {
        let chunks: [[UInt8]]
        let calls: Recorder<String>
        let failsAtEnd: Bool
        var index = 0

        mutating func next() async throws -> ArraySlice<UInt8>? {
            calls.record("next")
            return try take().map { ArraySlice($0) }
        }

        mutating func appendNext(to data: inout Data) async throws -> Int? {
            calls.record("append")
            guard let chunk = try take() else { return nil }
            data.append(contentsOf: chunk)
            return chunk.count
        }

        private mutating func take() throws -> [UInt8]? {
            guard index < chunks.count else {
                if failsAtEnd { throw SourceFailure() }
                return nil
            }
            defer { index += 1 }
            return chunks[index]
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(chunks: chunks, calls: calls, failsAtEnd: failsAtEnd)
    }
}
