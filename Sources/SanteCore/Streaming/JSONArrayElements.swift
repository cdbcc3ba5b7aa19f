public import Foundation

/// The elements of a JSON array, read one at a time from a byte stream, each as its own raw JSON bytes.
///
/// The array is the document itself (`keyPath: []`) or sits at a member path, such as `["features"]` in
/// a GeoJSON FeatureCollection or `["centres_disponibles"]` in a Vite Ma Dose file. Memory holds one
/// element and one chunk at a time, whatever the size of the document: a 300 MB file streams in constant
/// memory. Decode each element with `JSONDecoder`, or use ``decoded(as:decoder:)``.
///
/// ```swift
/// let centres = JSONArrayElements(body, keyPath: ["centres_disponibles"])
/// for try await element in centres.decoded(as: Centre.self) { … }
/// ```
///
/// How it reads:
/// - chunks may be cut anywhere (inside a string, an escape, a number, a member name);
/// - a UTF-8 byte order mark at the start is skipped;
/// - strings (with `\"` and `\\` escapes) and nesting are followed exactly, and brackets must match;
///   the inside of an element is not validated (its decoder does that);
/// - members before the array that are not on the key path are skipped, however large;
/// - a `null` at the key path gives no elements;
/// - iteration stops at the array's closing bracket: the rest of the document is not read.
///
/// Errors are ``StreamingReadError``s: `.keyPathNotFound`, `.unexpectedValueKind`, `.malformedJSON`,
/// `.unexpectedEnd`, `.elementTooLarge`; errors of the byte source are rethrown as they are.
public struct JSONArrayElements<Source: AsyncSequence>: AsyncSequence
where Source.Element: Collection, Source.Element.Element == UInt8 {
    /// The raw JSON bytes of one element.
    public typealias Element = Data
    /// Reading fails on malformed JSON or a failing source.
    public typealias Failure = any Error

    /// The default limit on one element's size: 64 MiB.
    public static var defaultMaximumElementBytes: Int { 64 * 1024 * 1024 }

    /// The byte stream.
    public let source: Source
    /// The member names leading from the root object to the array; empty when the root is the array.
    public let keyPath: [String]
    /// The largest element accepted, in bytes; a larger one throws rather than filling memory.
    public let maximumElementBytes: Int

    /// Creates the sequence.
    /// - Parameters:
    ///   - source: The bytes, in chunks of any size (such as an `HTTPBody` or ``FileByteChunks``).
    ///   - keyPath: The member names leading to the array (default: the root is the array).
    ///   - maximumElementBytes: The largest element accepted (default 64 MiB).
    public init(_ source: Source, keyPath: [String] = [], maximumElementBytes: Int = defaultMaximumElementBytes) {
        self.source = source
        self.keyPath = keyPath
        self.maximumElementBytes = Swift.max(1, maximumElementBytes)
    }

    /// Starts reading the stream.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(
            source: source.makeAsyncIterator(), keyPath: keyPath, maximumElementBytes: maximumElementBytes)
    }

    /// Reads elements one at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private var source: Source.AsyncIterator
        private var scanner: JSONArrayScanner
        private var buffer: [UInt8] = []
        private let maximumElementBytes: Int
        private var sourceEnded = false
        private var finished = false

        init(source: Source.AsyncIterator, keyPath: [String], maximumElementBytes: Int) {
            self.source = source
            self.scanner = JSONArrayScanner(keyPath: keyPath)
            self.maximumElementBytes = maximumElementBytes
        }

        /// The next element's bytes, or `nil` after the array's closing bracket.
        /// - Throws: ``StreamingReadError``, `CancellationError`, or the source's error.
        public mutating func next() async throws -> Data? {
            try await nextElement { Data($0) }
        }

        /// The next element's bytes, handed to `body` in place (without a copy), or `nil` after the array's
        /// closing bracket.
        /// - Parameter body: Reads the element; the bytes are valid only during the call.
        /// - Returns: What `body` returns.
        /// - Throws: ``StreamingReadError``, `CancellationError`, or the source's error.
        mutating func nextElement<Result>(_ body: (UnsafeRawBufferPointer) -> Result) async throws -> Result? {
            guard !finished else { return nil }
            do {
                while true {
                    let event = try buffer.withUnsafeBufferPointer { try scanner.scan($0) }
                    switch event {
                    case .element(let range):
                        return buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
                    case .arrayEnded:
                        finish()
                        return nil
                    case .needMoreData:
                        guard !sourceEnded else { throw scanner.endOfStreamError() }
                        try await readMore()
                    }
                }
            } catch {
                finish()
                throw error
            }
        }

        private mutating func readMore() async throws {
            try Task.checkCancellation()
            let keep = scanner.firstNeededIndex
            if keep > 0 {
                buffer.removeSubrange(0..<keep)
                scanner.discard(keep)
            }
            if scanner.isInsideElement, buffer.count > maximumElementBytes {
                throw StreamingReadError(
                    reason: .elementTooLarge,
                    message: "an array element is larger than the limit of \(maximumElementBytes) bytes",
                    byteOffset: scanner.discardedBytes
                )
            }
            guard let chunk = try await source.next() else {
                sourceEnded = true
                return
            }
            buffer.appendChunk(chunk)
        }

        private mutating func finish() {
            finished = true
            buffer = []
        }
    }
}

extension JSONArrayElements: Sendable where Source: Sendable {}

extension JSONArrayElements {
    /// The elements decoded into `type`, one at a time.
    ///
    /// - Parameters:
    ///   - type: The element type.
    ///   - decoder: The decoder (default: a plain `JSONDecoder`).
    /// - Returns: A sequence of decoded elements; a failure throws ``StreamingReadError`` with reason
    ///   `.elementDecodingFailed`, the element's index and the `DecodingError` as underlying error.
    ///
    /// SanteKit types that read themselves from bytes (such as Vite Ma Dose centres) skip `JSONDecoder`
    /// when `decoder` has the default options: the values are the same, several times faster, and an
    /// element that does not decode is handed to `decoder` so the error is the same too.
    public func decoded<Value: Decodable>(
        as type: Value.Type,
        decoder: JSONDecoder = JSONDecoder()
    ) -> DecodedJSONElements<Source, Value> {
        DecodedJSONElements(elements: self, decoder: decoder)
    }
}

/// The elements of a ``JSONArrayElements`` sequence decoded into a `Decodable` type, one at a time.
public struct DecodedJSONElements<Source: AsyncSequence, Value: Decodable>: AsyncSequence
where Source.Element: Collection, Source.Element.Element == UInt8 {
    /// One decoded element.
    public typealias Element = Value
    /// Reading fails on malformed JSON, a failing source or an element that does not decode.
    public typealias Failure = any Error

    /// The raw elements.
    public let elements: JSONArrayElements<Source>
    /// The decoder.
    public let decoder: JSONDecoder

    /// Creates the sequence.
    /// - Parameters:
    ///   - elements: The raw elements.
    ///   - decoder: The decoder.
    public init(elements: JSONArrayElements<Source>, decoder: JSONDecoder = JSONDecoder()) {
        self.elements = elements
        self.decoder = decoder
    }

    /// Starts reading the stream.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: elements.makeAsyncIterator(), decoder: decoder)
    }

    /// Reads and decodes elements one at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private var base: JSONArrayElements<Source>.AsyncIterator
        private let decoder: JSONDecoder
        /// `Value` as a type that reads itself from bytes, when `decoder` would not change its decoding.
        private let bytesDecodable: (any JSONBytesDecodable.Type)?
        private var index = 0

        init(base: JSONArrayElements<Source>.AsyncIterator, decoder: JSONDecoder) {
            self.base = base
            self.decoder = decoder
            self.bytesDecodable = decoder.hasDefaultOptions ? Value.self as? any JSONBytesDecodable.Type : nil
        }

        /// The next decoded element, or `nil` after the last one.
        /// - Throws: ``StreamingReadError`` (`.elementDecodingFailed` for an element that does not decode),
        ///   or the source's error.
        public mutating func next() async throws -> Value? {
            let data: Data
            if let bytesDecodable {
                guard let outcome = try await base.nextElement({ Self.decode($0, as: bytesDecodable) }) else {
                    return nil
                }
                switch outcome {
                case .decoded(let value):
                    index += 1
                    return value
                case .failed(let bytes):
                    data = bytes
                }
            } else {
                guard let next = try await base.next() else { return nil }
                data = next
            }
            defer { index += 1 }
            do {
                return try decoder.decode(Value.self, from: data)
            } catch {
                throw StreamingReadError(
                    reason: .elementDecodingFailed,
                    message: "element \(index) did not decode as \(Value.self)"
                        + ((error as? DecodingError).map { ": " + Self.summary(of: $0) } ?? ""),
                    elementIndex: index,
                    underlyingError: error
                )
            }
        }

        /// An element read from its bytes, or a copy of the bytes for `JSONDecoder` when it does not decode so.
        private enum Outcome {
            case decoded(Value)
            case failed(Data)
        }

        /// The element read from its bytes in place; when that fails, `JSONDecoder` decides on a copy.
        private static func decode(_ bytes: UnsafeRawBufferPointer, as type: any JSONBytesDecodable.Type) -> Outcome {
            if let value = (try? type.init(jsonBytes: bytes)) as? Value { return .decoded(value) }
            return .failed(Data(bytes))
        }

        private static func summary(of error: DecodingError) -> String {
            let context: DecodingError.Context
            switch error {
            case .typeMismatch(_, let found), .valueNotFound(_, let found), .keyNotFound(_, let found),
                .dataCorrupted(let found):
                context = found
            @unknown default:
                return "invalid data"
            }
            var path = context.codingPath.map(\.stringValue).joined(separator: ".")
            if case .keyNotFound(let key, _) = error {
                path += (path.isEmpty ? "" : ".") + key.stringValue
                return "missing member \(path)"
            }
            return "at \(path.isEmpty ? "the root" : path): \(context.debugDescription)"
        }
    }
}

extension DecodedJSONElements: Sendable where Source: Sendable {}
