public import Foundation

/// The bytes of a local file, read in chunks as an asynchronous sequence, so that memory stays flat
/// whatever the file's size.
///
/// Reads happen on a dedicated I/O queue, never blocking the Swift concurrency pool. The file is opened
/// when iteration starts, and closed when the iterator goes away. Each iteration reads the file again
/// from ``offset``.
///
/// ```swift
/// let chunks = FileByteChunks(url: URL(fileURLWithPath: "vacsi-fra.csv"))
/// for try await row in CSVRows(chunks) { … }
/// ```
public struct FileByteChunks: AsyncSequence, Sendable {
    /// A chunk of the file's bytes.
    public typealias Element = ArraySlice<UInt8>
    /// Reading may fail (a missing file, an I/O error).
    public typealias Failure = any Error

    /// The default chunk size: 64 KiB.
    public static let defaultChunkSize = 64 * 1024

    /// The file.
    public let url: URL
    /// The most bytes per chunk.
    public let chunkSize: Int
    /// Where reading starts, in bytes from the start of the file.
    public let offset: Int64

    /// Creates the sequence.
    /// - Parameters:
    ///   - url: A `file:` URL.
    ///   - chunkSize: The most bytes per chunk (default 64 KiB; at least 1).
    ///   - offset: Where reading starts, in bytes (default 0).
    public init(url: URL, chunkSize: Int = FileByteChunks.defaultChunkSize, offset: Int64 = 0) {
        self.url = url
        self.chunkSize = Swift.max(1, chunkSize)
        self.offset = Swift.max(0, offset)
    }

    /// Starts reading the file from ``offset``.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(path: url.path, chunkSize: chunkSize, offset: offset)
    }

    /// Reads the file one chunk at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private let path: String
        private let chunkSize: Int
        private let offset: Int64
        private var descriptor: FileDescriptor?
        private var finished = false

        init(path: String, chunkSize: Int, offset: Int64) {
            self.path = path
            self.chunkSize = chunkSize
            self.offset = offset
        }

        /// The next chunk, or `nil` at the end of the file.
        /// - Throws: ``StreamingReadError`` with reason `.fileUnreadable`, or `CancellationError`.
        public mutating func next() async throws -> ArraySlice<UInt8>? {
            guard !finished else { return nil }
            do {
                try Task.checkCancellation()
                let file: FileDescriptor
                if let descriptor {
                    file = descriptor
                } else {
                    file = try await FileDescriptor.open(path: path, mode: .read)
                    if offset > 0 { try await file.seek(to: offset) }
                    descriptor = file
                }
                let bytes = try await file.read(upTo: chunkSize)
                guard !bytes.isEmpty else {
                    finish()
                    return nil
                }
                return bytes[...]
            } catch {
                finish()
                throw error
            }
        }

        private mutating func finish() {
            finished = true
            descriptor = nil
        }
    }
}
