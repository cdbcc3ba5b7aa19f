import Foundation
import Synchronization

/// The chunks of a streaming body, type-erased: one object that makes iterators and, for a single-pass body,
/// remembers that one was made.
protocol ChunkStream: AnyObject, Sendable {
    /// Returns `true` when an iterator may be made: always for a replayable body, the first time only for a
    /// single-pass one.
    func claim() -> Bool
    /// Starts reading the chunks from the beginning.
    func makeChunkIterator() -> any ChunkIterator
}

/// Reads the chunks of a ``ChunkStream``.
protocol ChunkIterator: AnyObject {
    /// The next chunk, or `nil` at the end.
    func next() async throws -> ArraySlice<UInt8>?
    /// Appends the next chunk to `data`; returns its size, or `nil` at the end.
    func appendNext(to data: inout Data) async throws -> Int?
}

extension ChunkIterator {
    /// Appends what ``next()`` returns.
    func appendNext(to data: inout Data) async throws -> Int? {
        guard let chunk = try await next() else { return nil }
        data.append(contentsOf: chunk)
        return chunk.count
    }
}

/// The single-pass mark shared by the chunk streams.
struct SinglePassMark: ~Copyable, Sendable {
    private let isSinglePass: Bool
    private let claimed = Atomic<Bool>(false)

    init(isSinglePass: Bool) { self.isSinglePass = isSinglePass }

    /// `true` for a replayable body; for a single-pass one, `true` the first time only.
    func claim() -> Bool {
        guard isSinglePass else { return true }
        return claimed.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged
    }
}

/// Any asynchronous sequence of chunks.
final class SequenceChunkStream<Chunks: AsyncSequence & Sendable>: ChunkStream
where Chunks.Element == ArraySlice<UInt8> {
    private let chunks: Chunks
    private let mark: SinglePassMark

    init(_ chunks: Chunks, isSinglePass: Bool) {
        self.chunks = chunks
        self.mark = SinglePassMark(isSinglePass: isSinglePass)
    }

    func claim() -> Bool { mark.claim() }

    func makeChunkIterator() -> any ChunkIterator { SequenceChunkIterator(chunks.makeAsyncIterator()) }
}

/// Reads any asynchronous iterator of chunks.
final class SequenceChunkIterator<Base: AsyncIteratorProtocol>: ChunkIterator where Base.Element == ArraySlice<UInt8> {
    private var base: Base

    init(_ base: Base) { self.base = base }

    func next() async throws -> ArraySlice<UInt8>? { try await base.next() }
}

/// A sequence whose iterator appends its chunks itself (see ``HTTPBodyAppendingIterator``).
final class AppendingChunkStream<Chunks: AsyncSequence & Sendable>: ChunkStream
where Chunks.AsyncIterator: HTTPBodyAppendingIterator {
    private let chunks: Chunks
    private let mark: SinglePassMark

    init(_ chunks: Chunks, isSinglePass: Bool) {
        self.chunks = chunks
        self.mark = SinglePassMark(isSinglePass: isSinglePass)
    }

    func claim() -> Bool { mark.claim() }

    func makeChunkIterator() -> any ChunkIterator { AppendingChunkIterator(chunks.makeAsyncIterator()) }
}

/// Reads an ``HTTPBodyAppendingIterator``, appending without an intermediate chunk.
final class AppendingChunkIterator<Base: HTTPBodyAppendingIterator>: ChunkIterator {
    private var base: Base

    init(_ base: Base) { self.base = base }

    func next() async throws -> ArraySlice<UInt8>? { try await base.next() }

    func appendNext(to data: inout Data) async throws -> Int? { try await base.appendNext(to: &data) }
}
