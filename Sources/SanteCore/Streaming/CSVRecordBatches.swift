/// The data records of a CSV stream in batches of consecutive ``CSVRecord``s, undecoded until read: the
/// fast way to read a large file (see ``CSVRows/batches``).
///
/// It reads exactly what ``CSVRows`` reads (the same separators, quoting, line ends, byte order mark,
/// encodings and errors): ``CSVRows`` is built on it. A batch holds at most one chunk of the stream (or
/// ``maximumRecordsPerBatch`` records), so memory stays flat whatever the file's size.
public struct CSVRecordBatches<Source: AsyncSequence>: AsyncSequence
where Source.Element: Collection, Source.Element.Element == UInt8 {
    /// Consecutive records.
    public typealias Element = CSVRecordBatch
    /// Reading fails on a malformed stream or a failing source.
    public typealias Failure = any Error

    /// The most records in one batch.
    public static var maximumRecordsPerBatch: Int { 4096 }

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

    /// Reads one batch at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private var source: Source.AsyncIterator
        private let options: CSVReaderOptions
        private var scanner: CSVRecordScanner
        private var buffer: [UInt8] = []
        private var header: CSVHeader?
        private var nextRowIndex = 0
        private var sourceEnded = false
        private var finished = false

        init(source: Source.AsyncIterator, options: CSVReaderOptions) {
            self.source = source
            self.options = options
            self.scanner = CSVRecordScanner(separator: options.separator.byte)
            self.header = options.header.map(CSVHeader.init)
        }

        /// The next records, or `nil` at the end of the stream. A batch is never empty.
        /// - Throws: ``StreamingReadError``, `CancellationError`, or the source's error.
        public mutating func next() async throws -> CSVRecordBatch? {
            guard !finished else { return nil }
            do {
                while true {
                    var records = CSVRecordIndex()
                    let ended = sourceEnded
                    let limit = CSVRecordBatches.maximumRecordsPerBatch
                    let full = buffer.withUnsafeBufferPointer { bytes in
                        scanner.scan(bytes, streamEnded: ended, into: &records, limit: limit)
                    }
                    if let batch = makeBatch(records) { return batch }
                    if full { continue }
                    if sourceEnded {
                        try finishStream()
                        return nil
                    }
                    try await readMore()
                }
            } catch {
                finished = true
                buffer = []
                throw error
            }
        }

        /// The batch of `records`, after taking the header from the first record when it is still unknown.
        private mutating func makeBatch(_ records: CSVRecordIndex) -> CSVRecordBatch? {
            guard records.count > 0 else { return nil }
            var records = records
            let separator = scanner.separator ?? UInt8(ascii: ",")
            let header: CSVHeader
            if let known = self.header {
                header = known
            } else {
                let names = CSVRecordBatch(
                    storage: CSVRecordBatchStorage(
                        bytes: buffer, records: records, header: CSVHeader([]), separator: separator,
                        encoding: options.encoding, firstRowIndex: 0)
                )[0].fields
                header = CSVHeader(names)
                self.header = header
                records.removeFirst(1)
                guard records.count > 0 else { return nil }
            }
            let storage = CSVRecordBatchStorage(
                bytes: buffer, records: records, header: header, separator: separator, encoding: options.encoding,
                firstRowIndex: nextRowIndex)
            nextRowIndex += records.count
            return CSVRecordBatch(storage: storage)
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

        /// Drops the bytes already handed out and appends the next chunk, in a fresh buffer (the batches
        /// handed out keep the old one).
        private mutating func readMore() async throws {
            try Task.checkCancellation()
            let keep = scanner.recordStart
            let pending = buffer.count - keep
            if pending > options.maximumRecordBytes {
                throw StreamingReadError(
                    reason: .elementTooLarge,
                    message: "a record is larger than the limit of \(options.maximumRecordBytes) bytes",
                    byteOffset: scanner.discardedBytes + Int64(keep),
                    line: scanner.currentLine
                )
            }
            guard let chunk = try await source.next() else {
                sourceEnded = true
                return
            }
            var next: [UInt8] = []
            next.reserveCapacity(pending + chunk.count)
            if pending > 0 {
                buffer.withUnsafeBufferPointer { next.append(contentsOf: $0[keep...]) }
            }
            next.appendChunk(chunk)
            buffer = next
            scanner.discard(keep)
        }
    }
}

extension CSVRecordBatches: Sendable where Source: Sendable {}

extension CSVRows {
    /// The same records in batches of undecoded ``CSVRecord``s: several times faster than iterating
    /// ``CSVRow``s, because no field is decoded until read and numbers are parsed straight from the bytes.
    ///
    /// ```swift
    /// for try await batch in CSVRows(FileByteChunks(url: file)).batches {
    ///     let column = batch.header.index(of: "n_dose1")
    ///     for record in batch { total += column.flatMap(record.integer(at:)) ?? 0 }
    /// }
    /// ```
    public var batches: CSVRecordBatches<Source> {
        CSVRecordBatches(source, options: options)
    }
}
