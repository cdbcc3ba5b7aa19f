/// Groups a sequence of single bytes (such as `URL.resourceBytes` or `FileHandle.bytes`) into chunks, so
/// that the streaming readers, which take chunks, can read it.
///
/// A chunk is handed out when it is full or when the source ends, so a slow source's bytes may wait
/// until `chunkSize` of them have arrived: prefer a chunked source for live network streams.
public struct ByteChunks<Base: AsyncSequence>: AsyncSequence where Base.Element == UInt8 {
    /// A chunk of up to ``chunkSize`` bytes.
    public typealias Element = ArraySlice<UInt8>
    /// The source's failures are rethrown.
    public typealias Failure = any Error

    /// The bytes.
    public let base: Base
    /// The most bytes per chunk.
    public let chunkSize: Int

    /// Creates the sequence.
    /// - Parameters:
    ///   - base: The bytes, one at a time.
    ///   - chunkSize: The most bytes per chunk (default 64 KiB; at least 1).
    public init(_ base: Base, chunkSize: Int = 64 * 1024) {
        self.base = base
        self.chunkSize = Swift.max(1, chunkSize)
    }

    /// Starts reading the bytes.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), chunkSize: chunkSize)
    }

    /// Reads one chunk at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private var base: Base.AsyncIterator
        private let chunkSize: Int
        private var ended = false

        init(base: Base.AsyncIterator, chunkSize: Int) {
            self.base = base
            self.chunkSize = chunkSize
        }

        /// The next chunk, or `nil` when the bytes are exhausted.
        /// - Throws: The source's error.
        public mutating func next() async throws -> ArraySlice<UInt8>? {
            guard !ended else { return nil }
            var chunk: [UInt8] = []
            chunk.reserveCapacity(chunkSize)
            while chunk.count < chunkSize {
                guard let byte = try await base.next() else {
                    ended = true
                    break
                }
                chunk.append(byte)
            }
            return chunk.isEmpty ? nil : chunk[...]
        }
    }
}

extension ByteChunks: Sendable where Base: Sendable {}

extension AsyncSequence where Element == UInt8 {
    /// These bytes grouped into chunks for the streaming readers (``JSONArrayElements``, ``CSVRows``).
    /// - Parameter chunkSize: The most bytes per chunk (default 64 KiB).
    /// - Returns: The chunked sequence.
    public func byteChunks(size chunkSize: Int = 64 * 1024) -> ByteChunks<Self> {
        ByteChunks(self, chunkSize: chunkSize)
    }
}
