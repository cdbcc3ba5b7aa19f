import Foundation

extension HTTPBody: AsyncSequence {
    /// A chunk of the body's bytes.
    public typealias Element = ArraySlice<UInt8>
    /// Reading a body can fail, for example when the connection drops.
    public typealias Failure = any Error

    /// Reads the body's chunks in order.
    public struct Iterator: AsyncIteratorProtocol {
        /// A chunk of the body's bytes.
        public typealias Element = ArraySlice<UInt8>

        /// Where the chunks come from.
        fileprivate enum Source {
            /// Bytes in memory, handed out from `offset` in chunks of at most ``HTTPBody/chunkSize`` bytes.
            case bytes(Data, offset: Int)
            /// A stream's chunks.
            case chunks(any ChunkIterator)
            /// A single-pass body read a second time.
            case alreadyIterated
        }

        private var source: Source
        private let expectedLength: Length
        private var receivedBytes: Int64 = 0
        private var finished = false
        /// Told the size of every chunk handed out (see ``HTTPBody/observingChunks(_:)``).
        private let observer: ChunkObserver?

        fileprivate init(source: Source, expectedLength: Length, observer: ChunkObserver?) {
            self.source = source
            self.expectedLength = expectedLength
            self.observer = observer
        }

        /// Returns the next chunk, or `nil` at the end of the body.
        /// - Throws: ``HTTPBody/PrematureEndError`` when a body of known length ends early,
        ///   ``HTTPBody/AlreadyIteratedError`` when a single-pass body is read twice, or the source's error.
        public mutating func next() async throws -> ArraySlice<UInt8>? {
            if finished { return nil }
            let chunk: ArraySlice<UInt8>?
            switch source {
            case .bytes(let data, let offset):
                if offset < data.endIndex {
                    let end = Swift.min(offset + HTTPBody.chunkSize, data.endIndex)
                    chunk = ArraySlice(data[offset..<end])
                    source = .bytes(data, offset: end)
                } else {
                    chunk = nil
                }
            case .chunks(let iterator):
                chunk = try await iterator.next()
            case .alreadyIterated:
                throw AlreadyIteratedError()
            }
            guard let chunk else {
                try finish()
                return nil
            }
            received(chunk.count)
            return chunk
        }

        /// Appends the next chunk to `data`, copying it once where the source allows.
        /// - Parameter data: The bytes collected so far.
        /// - Returns: The number of bytes appended, or `nil` at the end of the body.
        /// - Throws: What ``next()`` throws.
        mutating func appendNext(to data: inout Data) async throws -> Int? {
            guard case .chunks(let iterator) = source, !finished else {
                guard let chunk = try await next() else { return nil }
                data.append(contentsOf: chunk)
                return chunk.count
            }
            guard let count = try await iterator.appendNext(to: &data) else {
                try finish()
                return nil
            }
            received(count)
            return count
        }

        /// Counts a chunk handed out and tells the observer.
        private mutating func received(_ count: Int) {
            receivedBytes += Int64(count)
            observer?(count)
        }

        /// Marks the end, checking that a body of known length delivered all of its bytes.
        private mutating func finish() throws {
            finished = true
            if case .known(let expected) = expectedLength, receivedBytes < expected {
                throw PrematureEndError(expectedBytes: expected, receivedBytes: receivedBytes)
            }
        }
    }

    /// Starts reading the body from its beginning.
    public func makeAsyncIterator() -> Iterator {
        switch storage {
        case .bytes(let data, let observer):
            return Iterator(source: .bytes(data, offset: data.startIndex), expectedLength: .unknown, observer: observer)
        case .stream(let stream, let observer):
            guard stream.claim() else {
                return Iterator(source: .alreadyIterated, expectedLength: .unknown, observer: nil)
            }
            return Iterator(source: .chunks(stream.makeChunkIterator()), expectedLength: length, observer: observer)
        }
    }
}
