public import Foundation
import Synchronization

/// The body of an HTTP request or response: an asynchronous sequence of byte chunks.
///
/// A body knows two things a retry layer needs:
/// - its ``length``, when known in advance (for `Content-Length`);
/// - its ``iterationBehavior``: whether it can be read more than once. A body built from bytes,
///   `Data` or a `String` is ``IterationBehavior/multiple`` and can be replayed; a body built from an
///   arbitrary async sequence is ``IterationBehavior/single`` by default, and reading it a second time
///   throws ``AlreadyIteratedError``. The retry middleware never replays a single-pass body.
///
/// ```swift
/// let body = HTTPBody("{\"resourceType\":\"Patient\"}")
/// let data = try await body.collect(upTo: 1 << 20)
/// ```
public struct HTTPBody: Sendable {
    /// The number of bytes in a body, when known before reading it.
    public enum Length: Sendable, Hashable {
        /// The length is not known until the body has been read (a stream).
        case unknown
        /// The body has exactly this many bytes.
        case known(Int64)
    }

    /// Whether a body can be read more than once.
    public enum IterationBehavior: Sendable, Hashable {
        /// The body can be read once only; reading it again throws ``HTTPBody/AlreadyIteratedError``.
        case single
        /// The body can be read any number of times, each time from the start.
        case multiple
    }

    /// Thrown when a body's bytes exceed the limit given to ``HTTPBody/collect(upTo:)``.
    public struct TooManyBytesError: Error, Hashable, CustomStringConvertible {
        /// The limit that was exceeded, in bytes.
        public let maximumBytes: Int
        /// Creates the error.
        public init(maximumBytes: Int) { self.maximumBytes = maximumBytes }
        /// A readable summary.
        public var description: String { "body exceeds the limit of \(maximumBytes) bytes" }
    }

    /// Thrown when a single-pass body is read a second time.
    public struct AlreadyIteratedError: Error, Hashable, CustomStringConvertible {
        /// Creates the error.
        public init() {}
        /// A readable summary.
        public var description: String { "a single-pass body cannot be read twice" }
    }

    /// Thrown when a body that declared a known length ends before delivering all of its bytes
    /// (for example when the server closed the connection early).
    public struct PrematureEndError: Error, Hashable, CustomStringConvertible {
        /// The declared length, in bytes.
        public let expectedBytes: Int64
        /// The number of bytes actually received.
        public let receivedBytes: Int64
        /// Creates the error.
        public init(expectedBytes: Int64, receivedBytes: Int64) {
            self.expectedBytes = expectedBytes
            self.receivedBytes = receivedBytes
        }
        /// A readable summary.
        public var description: String {
            "body ended after \(receivedBytes) of \(expectedBytes) declared bytes"
        }
    }

    /// The number of bytes in the body, when known in advance.
    public let length: Length
    /// Whether the body can be read more than once.
    public let iterationBehavior: IterationBehavior

    let storage: Storage

    enum Storage: Sendable {
        case bytes(Data)
        /// Bytes in memory whose chunks are reported to an observer as they are read (see
        /// ``observingChunks(_:)``); collecting them hands out the `Data` without copying it.
        case observedBytes(Data, observer: @Sendable (Int) -> Void)
        case sequence(makeIterator: @Sendable () -> Iterator, guard: IterationGuard?)
    }

    /// The largest chunk handed out when iterating a body built from bytes.
    static let chunkSize = 64 * 1024
    /// The most ``collect(upTo:)`` reserves ahead from a declared length: 16 MiB.
    static let maximumReservation: Int64 = 16 * 1024 * 1024

    /// Creates an empty body.
    public init() {
        self.init(Data())
    }

    /// Creates a replayable body from `Data`.
    /// - Parameter data: The bytes of the body.
    public init(_ data: Data) {
        self.length = .known(Int64(data.count))
        self.iterationBehavior = .multiple
        self.storage = .bytes(data)
    }

    /// Creates a replayable body from bytes.
    /// - Parameter bytes: The bytes of the body.
    public init(_ bytes: some Sequence<UInt8>) {
        self.init(Data(bytes))
    }

    /// Creates a replayable body from the UTF-8 encoding of `string`.
    /// - Parameter string: The text of the body.
    public init(_ string: String) {
        self.init(Data(string.utf8))
    }

    /// Creates a body from an asynchronous sequence of chunks.
    ///
    /// - Parameters:
    ///   - sequence: The chunks. It must produce the same bytes on every iteration if `iterationBehavior`
    ///     is ``IterationBehavior/multiple``.
    ///   - length: The total number of bytes, when known. When known, a sequence that ends early makes
    ///     the reader throw ``PrematureEndError``.
    ///   - iterationBehavior: Whether the sequence can be iterated more than once. Defaults to
    ///     ``IterationBehavior/single``, which is always safe.
    public init<Chunks: AsyncSequence & Sendable>(
        _ sequence: Chunks,
        length: Length = .unknown,
        iterationBehavior: IterationBehavior = .single
    ) where Chunks.Element == ArraySlice<UInt8> {
        self.length = length
        self.iterationBehavior = iterationBehavior
        let iterationGuard = iterationBehavior == .single ? IterationGuard() : nil
        self.storage = .sequence(
            makeIterator: {
                let box = IteratorBox(sequence.makeAsyncIterator())
                return Iterator(expectedLength: length) { try await box.next() }
            },
            guard: iterationGuard
        )
    }

    /// Creates a body from an asynchronous sequence of byte arrays.
    ///
    /// - Parameters:
    ///   - sequence: The chunks.
    ///   - length: The total number of bytes, when known.
    ///   - iterationBehavior: Whether the sequence can be iterated more than once (default single).
    public init<Chunks: AsyncSequence & Sendable>(
        _ sequence: Chunks,
        length: Length = .unknown,
        iterationBehavior: IterationBehavior = .single
    ) where Chunks.Element == [UInt8] {
        self.init(
            sequence.map { ArraySlice($0) },
            length: length,
            iterationBehavior: iterationBehavior
        )
    }

    private init(storage: Storage, length: Length, iterationBehavior: IterationBehavior) {
        self.storage = storage
        self.length = length
        self.iterationBehavior = iterationBehavior
    }

    /// The bytes, when the body was built from bytes and is already in memory.
    var bufferedData: Data? {
        if case .bytes(let data) = storage { return data }
        return nil
    }
}

extension HTTPBody: AsyncSequence {
    /// A chunk of the body's bytes.
    public typealias Element = ArraySlice<UInt8>
    /// Reading a body can fail, for example when the connection drops.
    public typealias Failure = any Error

    /// Reads the body's chunks in order.
    public struct Iterator: AsyncIteratorProtocol {
        /// A chunk of the body's bytes.
        public typealias Element = ArraySlice<UInt8>

        private let produceNext: () async throws -> ArraySlice<UInt8>?
        private let expectedLength: Length
        private var receivedBytes: Int64 = 0
        private var finished = false
        /// Told the size of every chunk handed out (see ``HTTPBody/observingChunks(_:)``).
        private var observer: (@Sendable (Int) -> Void)?

        init(expectedLength: Length, produceNext: @escaping () async throws -> ArraySlice<UInt8>?) {
            self.expectedLength = expectedLength
            self.produceNext = produceNext
        }

        /// Returns the next chunk, or `nil` at the end of the body.
        /// - Throws: ``HTTPBody/PrematureEndError`` when a body of known length ends early,
        ///   ``HTTPBody/AlreadyIteratedError`` when a single-pass body is read twice, or the source's error.
        public mutating func next() async throws -> ArraySlice<UInt8>? {
            if finished { return nil }
            guard let chunk = try await produceNext() else {
                finished = true
                if case .known(let expected) = expectedLength, receivedBytes < expected {
                    throw PrematureEndError(expectedBytes: expected, receivedBytes: receivedBytes)
                }
                return nil
            }
            receivedBytes += Int64(chunk.count)
            observer?(chunk.count)
            return chunk
        }

        /// Adds an observer of the chunks' sizes, told after any observer already there.
        mutating func addObserver(_ added: @escaping @Sendable (Int) -> Void) {
            if let existing = observer {
                observer = { count in
                    existing(count)
                    added(count)
                }
            } else {
                observer = added
            }
        }
    }

    /// Starts reading the body from its beginning.
    public func makeAsyncIterator() -> Iterator {
        switch storage {
        case .bytes(let data):
            let box = DataChunker(data: data, chunkSize: Self.chunkSize)
            return Iterator(expectedLength: .unknown) { box.next() }
        case .observedBytes(let data, let observer):
            let box = DataChunker(data: data, chunkSize: Self.chunkSize)
            return Iterator(expectedLength: .unknown) {
                guard let chunk = box.next() else { return nil }
                observer(chunk.count)
                return chunk
            }
        case .sequence(let makeIterator, let iterationGuard):
            if let iterationGuard, !iterationGuard.claim() {
                return Iterator(expectedLength: .unknown) { throw AlreadyIteratedError() }
            }
            return makeIterator()
        }
    }
}

extension HTTPBody {
    /// Reads the whole body into memory.
    ///
    /// - Parameter maximumBytes: The most bytes accepted; a longer body throws rather than filling memory.
    /// - Returns: The body's bytes.
    /// - Throws: ``TooManyBytesError`` when the body is longer than `maximumBytes` (at once when its
    ///   length is known), or any error raised while reading it.
    public func collect(upTo maximumBytes: Int) async throws -> Data {
        if case .known(let declared) = length, declared > Int64(maximumBytes) {
            throw TooManyBytesError(maximumBytes: maximumBytes)
        }
        if let data = bufferedData {
            return data
        }
        if case .observedBytes(let data, let observer) = storage {
            // The chunks an iteration would hand out, reported without copying the bytes.
            for chunkStart in stride(from: 0, to: data.count, by: Self.chunkSize) {
                observer(Swift.min(Self.chunkSize, data.count - chunkStart))
            }
            return data
        }
        var collected = Data()
        if case .known(let declared) = length, declared > 0 {
            // One allocation instead of regrowing chunk by chunk; capped, as a declared length is only a claim.
            collected.reserveCapacity(Int(Swift.min(declared, Self.maximumReservation)))
        }
        for try await chunk in self {
            guard collected.count + chunk.count <= maximumBytes else {
                throw TooManyBytesError(maximumBytes: maximumBytes)
            }
            collected.append(contentsOf: chunk)
        }
        return collected
    }

    /// Reads at most `maximumBytes` of the body and reports whether more bytes were left unread.
    ///
    /// Used to keep a bounded snippet of an error response.
    /// - Parameter maximumBytes: The most bytes kept.
    /// - Returns: The first bytes of the body and whether the body was longer.
    func collectPrefix(upTo maximumBytes: Int) async throws -> (data: Data, truncated: Bool) {
        if let data = bufferedData {
            return data.count > maximumBytes ? (data.prefix(maximumBytes), true) : (data, false)
        }
        var collected = Data()
        for try await chunk in self {
            let room = maximumBytes - collected.count
            if chunk.count > room {
                collected.append(contentsOf: chunk.prefix(room))
                return (collected, true)
            }
            collected.append(contentsOf: chunk)
        }
        return (collected, false)
    }

    /// Reads and throws away up to `maximumBytes` of the body, ignoring read errors.
    ///
    /// Used for the body of a failed attempt before a retry, so that the connection can be reused.
    /// - Parameter maximumBytes: The most bytes read; the rest is abandoned.
    func discard(upTo maximumBytes: Int = 1 << 20) async {
        if bufferedData != nil { return }
        var read = 0
        do {
            for try await chunk in self {
                read += chunk.count
                if read >= maximumBytes { return }
            }
        } catch {
            // A failed attempt's body is of no interest; a read error here changes nothing.
        }
    }

    /// A body with the same bytes, length and iteration behaviour that calls `observer` with the size of
    /// every chunk as it is read. Used to count bytes as they stream.
    /// - Parameter observer: Called with each chunk's byte count.
    /// - Returns: The observing body.
    func observingChunks(_ observer: @escaping @Sendable (Int) -> Void) -> HTTPBody {
        switch storage {
        case .bytes(let data):
            return HTTPBody(
                storage: .observedBytes(data, observer: observer), length: length, iterationBehavior: iterationBehavior)
        case .observedBytes(let data, let inner):
            // Observed twice: the inner observer first, as when the outer one wraps the inner one's chunks.
            return HTTPBody(
                storage: .observedBytes(
                    data,
                    observer: { count in
                        inner(count)
                        observer(count)
                    }),
                length: length,
                iterationBehavior: iterationBehavior
            )
        case .sequence:
            // The same iterator, told of its chunks: no second layer of iteration. The base keeps its own
            // single-pass guard and length check.
            let base = self
            return HTTPBody(
                storage: .sequence(
                    makeIterator: {
                        var iterator = base.makeAsyncIterator()
                        iterator.addObserver(observer)
                        return iterator
                    },
                    guard: nil),
                length: length,
                iterationBehavior: iterationBehavior
            )
        }
    }
}

/// Marks a single-pass body as read, once.
final class IterationGuard: Sendable {
    private let claimed = Mutex(false)

    /// Returns `true` the first time only.
    func claim() -> Bool {
        claimed.withLock { claimed in
            if claimed { return false }
            claimed = true
            return true
        }
    }
}

/// Holds a (non-`Sendable`) iterator so that the body's iterator closure can advance it.
private final class IteratorBox<Base: AsyncIteratorProtocol> where Base.Element == ArraySlice<UInt8> {
    private var base: Base

    init(_ base: Base) { self.base = base }

    func next() async throws -> ArraySlice<UInt8>? {
        try await base.next()
    }
}

/// Hands out `Data` as chunks of at most `chunkSize` bytes.
private final class DataChunker {
    private let data: Data
    private let chunkSize: Int
    private var offset: Int

    init(data: Data, chunkSize: Int) {
        self.data = data
        self.chunkSize = chunkSize
        self.offset = data.startIndex
    }

    func next() -> ArraySlice<UInt8>? {
        guard offset < data.endIndex else { return nil }
        let end = min(offset + chunkSize, data.endIndex)
        let chunk = ArraySlice(data[offset..<end])
        offset = end
        return chunk
    }
}
