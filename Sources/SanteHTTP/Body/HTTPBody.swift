public import Foundation

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

    /// Where the bytes come from, and who is told of every chunk read.
    enum Storage: Sendable {
        /// Bytes in memory. With an observer (see ``observingChunks(_:)``), collecting them still hands out the
        /// `Data` without copying it, and reports the chunks an iteration would hand out.
        case bytes(Data, observer: ChunkObserver?)
        /// An asynchronous sequence of chunks, which holds its own single-pass mark.
        case stream(any ChunkStream, observer: ChunkObserver?)
    }

    /// Told the size of every chunk read.
    typealias ChunkObserver = @Sendable (Int) -> Void

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
        self.storage = .bytes(data, observer: nil)
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
        self.init(
            storage: .stream(
                SequenceChunkStream(sequence, isSinglePass: iterationBehavior == .single), observer: nil),
            length: length,
            iterationBehavior: iterationBehavior
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

    /// Creates a body from a sequence whose iterator can append each chunk straight to the `Data` being collected
    /// (see ``HTTPBodyAppendingIterator``): ``collect(upTo:)`` then copies each chunk once.
    /// - Parameters:
    ///   - sequence: The chunks.
    ///   - length: The total number of bytes, when known.
    ///   - iterationBehavior: Whether the sequence can be iterated more than once (default single).
    package init<Chunks: AsyncSequence & Sendable>(
        appending sequence: Chunks,
        length: Length = .unknown,
        iterationBehavior: IterationBehavior = .single
    ) where Chunks.AsyncIterator: HTTPBodyAppendingIterator {
        self.init(
            storage: .stream(
                AppendingChunkStream(sequence, isSinglePass: iterationBehavior == .single), observer: nil),
            length: length,
            iterationBehavior: iterationBehavior
        )
    }

    init(storage: Storage, length: Length, iterationBehavior: IterationBehavior) {
        self.storage = storage
        self.length = length
        self.iterationBehavior = iterationBehavior
    }

    /// The bytes, when the body was built from bytes, is already in memory and nobody observes its chunks.
    package var bufferedData: Data? {
        if case .bytes(let data, observer: .none) = storage { return data }
        return nil
    }
}
