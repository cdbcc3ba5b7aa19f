/// Consecutive data records of a CSV stream, sharing one buffer: what ``CSVRecordBatches`` hands out.
///
/// A batch holds the bytes of its records as they arrived and where each field is; nothing is decoded
/// until asked. Each ``CSVRecord`` reads its fields by position or by header name, as text or straight
/// from the bytes as a number, which makes it the fastest way to read a large file:
///
/// ```swift
/// var total = 0
/// for try await batch in CSVRows(FileByteChunks(url: file)).batches {
///     guard let column = batch.header.index(of: "n_dose1") else { break }
///     for record in batch {
///         total += record.integer(at: column) ?? 0
///     }
/// }
/// ```
///
/// A batch is a value: keeping it (or one of its records) keeps its buffer, about one chunk of the stream.
public struct CSVRecordBatch: RandomAccessCollection, Sendable {
    /// One record.
    public typealias Element = CSVRecord
    /// A record's position in the batch, from 0.
    public typealias Index = Int

    let storage: CSVRecordBatchStorage

    init(storage: CSVRecordBatchStorage) {
        self.storage = storage
    }

    /// The stream's column names.
    public var header: CSVHeader { storage.header }

    /// The 0-based data-row index (the header row excluded) of the batch's first record in the stream.
    public var firstRowIndex: Int { storage.firstRowIndex }

    /// 0.
    public var startIndex: Int { 0 }

    /// The number of records.
    public var endIndex: Int { storage.records.count }

    /// The record at `position`.
    /// - Parameter position: A position from 0 to `count - 1`.
    public subscript(position: Int) -> CSVRecord {
        CSVRecord(storage: storage, record: position)
    }

    /// The records as ``CSVRow``s, each with its fields decoded into strings.
    public var rows: [CSVRow] { map(\.row) }
}

/// What a batch and its records share: the bytes, where the records and fields are, and how to read them.
final class CSVRecordBatchStorage: Sendable {
    let bytes: [UInt8]
    let records: CSVRecordIndex
    let header: CSVHeader
    let separator: UInt8
    let encoding: CSVTextEncoding
    let firstRowIndex: Int

    init(
        bytes: [UInt8], records: CSVRecordIndex, header: CSVHeader, separator: UInt8, encoding: CSVTextEncoding,
        firstRowIndex: Int
    ) {
        self.bytes = bytes
        self.records = records
        self.header = header
        self.separator = separator
        self.encoding = encoding
        self.firstRowIndex = firstRowIndex
    }

    /// The byte range of field `position` of record `record`, quotes included, or `nil` when the record has
    /// no such field.
    func fieldRange(record: Int, position: Int) -> Range<Int>? {
        let span = records.spans[record]
        let separator = separator
        return bytes.withUnsafeBufferPointer {
            CSVFieldSplitter.fieldRange(position, of: span, in: $0, separator: separator)
        }
    }

    /// The byte ranges of every field of record `record`, quotes included.
    func fieldRanges(record: Int) -> [Range<Int>] {
        let span = records.spans[record]
        let separator = separator
        return bytes.withUnsafeBufferPointer { CSVFieldSplitter.fieldRanges(of: span, in: $0, separator: separator) }
    }

    /// Calls `body` with the bytes of a field, quotes removed and doubled quotes undoubled.
    func withFieldBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { buffer in
            let field = UnsafeBufferPointer(rebasing: buffer[range])
            guard let first = field.first, first == CSVQuoting.quote else { return body(field) }
            return CSVQuoting.unquoted(field).withUnsafeBufferPointer(body)
        }
    }

    /// A field decoded into text.
    func string(_ range: Range<Int>) -> String {
        let encoding = encoding
        return withFieldBytes(range) { encoding.decode($0) }
    }
}

/// Quoted CSV fields.
enum CSVQuoting {
    /// `"`.
    static var quote: UInt8 { 0x22 }

    /// The content of a field that starts with a quote: the quotes removed, doubled quotes undoubled, and
    /// any text after the closing quote kept as written.
    static func unquoted(_ field: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(field.count)
        var index = 1
        let end = field.count
        var segmentStart = index
        while index < end {
            guard field[index] == quote else {
                index += 1
                continue
            }
            result.append(contentsOf: field[segmentStart..<index])
            if index + 1 < end, field[index + 1] == quote {
                result.append(quote)
                index += 2
                segmentStart = index
                continue
            }
            // The closing quote: what follows, up to the separator, is kept as written.
            result.append(contentsOf: field[(index + 1)..<end])
            return result
        }
        result.append(contentsOf: field[segmentStart..<end])
        return result
    }
}
