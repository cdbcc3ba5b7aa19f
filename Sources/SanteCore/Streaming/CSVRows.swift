/// The records of a CSV stream, read one at a time as ``CSVRow``s addressed by header name.
///
/// Memory holds one record and one chunk at a time, so a 300 MB file streams in constant memory.
///
/// ```swift
/// let rows = CSVRows(FileByteChunks(url: fileURL))        // separator detected from the header line
/// for try await row in rows {
///     print(row["dep"] ?? "?", row.integer("n_dose1") ?? 0)
/// }
/// ```
///
/// What it reads:
/// - any separator (`;`, `,`, tab, `|`, or detected from the header line: see ``CSVSeparator/automatic``);
/// - quoted fields with doubled quotes (`""`), separators and line breaks inside;
/// - LF, CRLF or CR line ends, a UTF-8 byte order mark, a last line without a line end;
/// - UTF-8 or Windows-1252 text (see ``CSVTextEncoding``);
/// - empty lines are skipped; records shorter or longer than the header are kept as they are.
///
/// Errors are ``StreamingReadError``s: `.missingHeader`, `.unterminatedQuote`, `.elementTooLarge`; errors
/// of the byte source are rethrown as they are.
public struct CSVRows<Source: AsyncSequence>: AsyncSequence
where Source.Element: Collection, Source.Element.Element == UInt8 {
    /// One data record.
    public typealias Element = CSVRow
    /// Reading fails on a malformed stream or a failing source.
    public typealias Failure = any Error

    /// The byte stream.
    public let source: Source
    /// How the stream is read.
    public let options: CSVReaderOptions

    /// Creates the sequence.
    /// - Parameters:
    ///   - source: The bytes, in chunks of any size (such as an `HTTPBody` or ``FileByteChunks``).
    ///   - options: How to read them (default: detected separator, UTF-8 or Windows-1252, header row).
    public init(_ source: Source, options: CSVReaderOptions = CSVReaderOptions()) {
        self.source = source
        self.options = options
    }

    /// Starts reading the stream.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(source: source.makeAsyncIterator(), options: options)
    }

    /// Reads records one at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private var source: Source.AsyncIterator
        private let options: CSVReaderOptions
        private var scanner: CSVRecordScanner
        private var buffer: [UInt8] = []
        private var header: CSVHeader?
        private var nextIndex = 0
        private var sourceEnded = false
        private var finished = false

        init(source: Source.AsyncIterator, options: CSVReaderOptions) {
            self.source = source
            self.options = options
            self.scanner = CSVRecordScanner(separator: options.separator.byte)
            self.header = options.header.map(CSVHeader.init)
        }

        /// The next data row, or `nil` at the end of the stream.
        /// - Throws: ``StreamingReadError``, `CancellationError`, or the source's error.
        public mutating func next() async throws -> CSVRow? {
            guard !finished else { return nil }
            do {
                while true {
                    let ended = sourceEnded
                    let event = buffer.withUnsafeBufferPointer { scanner.scan($0, streamEnded: ended) }
                    switch event {
                    case .record(let range, let line):
                        if range.isEmpty { continue }
                        if let row = makeRow(range, line: line) { return row }
                    case .needMoreData:
                        if sourceEnded {
                            try finishStream()
                            return nil
                        }
                        try await readMore()
                    }
                }
            } catch {
                finished = true
                buffer = []
                throw error
            }
        }

        private mutating func makeRow(_ range: Range<Int>, line: Int) -> CSVRow? {
            let separator = scanner.separator ?? UInt8(ascii: ",")
            let encoding = options.encoding
            let fields = buffer.withUnsafeBufferPointer {
                CSVRecordScanner.fields(of: range, in: $0, separator: separator, encoding: encoding)
            }
            guard let header else {
                header = CSVHeader(fields)
                return nil
            }
            defer { nextIndex += 1 }
            return CSVRow(header: header, fields: fields, index: nextIndex, line: line)
        }

        private mutating func finishStream() throws {
            finished = true
            buffer = []
            if scanner.isInsideQuotes {
                throw StreamingReadError(
                    reason: .unterminatedQuote,
                    message: "the stream ended inside a quoted field",
                    byteOffset: scanner.discardedBytes + Int64(scanner.recordStart),
                    line: scanner.currentLine
                )
            }
            if header == nil {
                throw StreamingReadError(reason: .missingHeader, message: "the stream has no header row", line: 1)
            }
        }

        private mutating func readMore() async throws {
            try Task.checkCancellation()
            let keep = scanner.recordStart
            if keep > 0 {
                buffer.removeSubrange(0..<keep)
                scanner.discard(keep)
            }
            if buffer.count > options.maximumRecordBytes {
                throw StreamingReadError(
                    reason: .elementTooLarge,
                    message: "a record is larger than the limit of \(options.maximumRecordBytes) bytes",
                    byteOffset: scanner.discardedBytes,
                    line: scanner.currentLine
                )
            }
            guard let chunk = try await source.next() else {
                sourceEnded = true
                return
            }
            buffer.appendChunk(chunk)
        }
    }
}

extension CSVRows: Sendable where Source: Sendable {}
