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
        private var batches: CSVRecordBatches<Source>.AsyncIterator
        private var batch: CSVRecordBatch?
        private var position = 0

        init(source: Source.AsyncIterator, options: CSVReaderOptions) {
            self.batches = CSVRecordBatches<Source>.AsyncIterator(source: source, options: options)
        }

        /// The next data row, or `nil` at the end of the stream.
        /// - Throws: ``StreamingReadError``, `CancellationError`, or the source's error.
        public mutating func next() async throws -> CSVRow? {
            while true {
                if let batch, position < batch.count {
                    defer { position += 1 }
                    return batch[position].row
                }
                batch = nil
                guard let next = try await batches.next() else { return nil }
                batch = next
                position = 0
            }
        }
    }
}

extension CSVRows: Sendable where Source: Sendable {}
