import Foundation
import SanteCore

/// An in-memory byte source cut into chunks at chosen offsets, for testing chunk boundaries.
struct ChunkedBytes: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>

    let chunks: [[UInt8]]

    /// Cuts `bytes` into chunks of `size` bytes.
    init(_ bytes: [UInt8], chunkSize size: Int) {
        var chunks: [[UInt8]] = []
        var start = 0
        while start < bytes.count {
            let end = Swift.min(start + size, bytes.count)
            chunks.append(Array(bytes[start..<end]))
            start = end
        }
        self.chunks = chunks
    }

    /// Cuts `bytes` in two at `split`.
    init(_ bytes: [UInt8], splitAt split: Int) {
        chunks = [Array(bytes[..<split]), Array(bytes[split...])]
    }

    /// One chunk holding every byte.
    init(_ text: String) {
        chunks = [Array(text.utf8)]
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<[UInt8]>
        mutating func next() async throws -> ArraySlice<UInt8>? {
            guard let first = remaining.first else { return nil }
            remaining = remaining.dropFirst()
            return first[...]
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(remaining: chunks[...])
    }
}

/// A source that yields its chunks, then throws instead of ending: proves a reader stopped reading.
struct FailingAfterChunks: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    struct Boom: Error {}

    let chunks: [[UInt8]]

    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<[UInt8]>
        mutating func next() async throws -> ArraySlice<UInt8>? {
            guard let first = remaining.first else { throw Boom() }
            remaining = remaining.dropFirst()
            return first[...]
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(remaining: chunks[...])
    }
}

/// A sequence of single bytes, like `URL.resourceBytes`.
struct SingleBytes: AsyncSequence, Sendable {
    typealias Element = UInt8
    let bytes: [UInt8]

    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<UInt8>
        mutating func next() async throws -> UInt8? {
            guard let first = remaining.first else { return nil }
            remaining = remaining.dropFirst()
            return first
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(remaining: bytes[...])
    }
}

enum StreamingTestSupport {
    /// Every element of a JSON array stream, as text.
    static func elements<Source: AsyncSequence>(_ source: Source, keyPath: [String] = []) async throws -> [String]
    where Source.Element: Collection, Source.Element.Element == UInt8 {
        var result: [String] = []
        for try await element in JSONArrayElements(source, keyPath: keyPath) {
            result.append(String(decoding: element, as: UTF8.self))
        }
        return result
    }

    /// Every row of a CSV stream, as field arrays.
    static func rows<Source: AsyncSequence>(_ source: Source, options: CSVReaderOptions = CSVReaderOptions())
        async throws -> [CSVRow]
    where Source.Element: Collection, Source.Element.Element == UInt8 {
        var result: [CSVRow] = []
        for try await row in CSVRows(source, options: options) {
            result.append(row)
        }
        return result
    }

    /// The thrown error as a `StreamingReadError`, or `nil` when nothing (or something else) was thrown.
    static func streamingError(_ body: () async throws -> Void) async -> StreamingReadError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? StreamingReadError
        }
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("santekit-streaming-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
