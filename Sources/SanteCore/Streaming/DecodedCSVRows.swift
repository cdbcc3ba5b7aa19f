/// A type built from one CSV row, reading its columns by name.
public protocol CSVRowDecodable: Sendable {
    /// Builds a value from a row.
    /// - Parameter row: The row.
    /// - Throws: When a required column is missing or unreadable; the reader wraps the error in a
    ///   ``StreamingReadError`` with the row's line.
    init(row: CSVRow) throws
}

extension CSVRows {
    /// The rows turned into `type`, one at a time.
    /// - Parameter type: The record type.
    /// - Returns: The records.
    public func decoded<Record: CSVRowDecodable>(as type: Record.Type) -> DecodedCSVRows<Source, Record> {
        DecodedCSVRows(rows: self)
    }
}

/// The rows of a ``CSVRows`` sequence turned into a ``CSVRowDecodable`` type, one at a time.
public struct DecodedCSVRows<Source: AsyncSequence, Record: CSVRowDecodable>: AsyncSequence
where Source.Element: Collection, Source.Element.Element == UInt8 {
    /// One record.
    public typealias Element = Record
    /// Reading fails on a malformed stream, a failing source or a row that cannot be read.
    public typealias Failure = any Error

    /// The rows.
    public let rows: CSVRows<Source>

    /// Creates the sequence.
    /// - Parameter rows: The rows.
    public init(rows: CSVRows<Source>) {
        self.rows = rows
    }

    /// Starts reading the stream.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: rows.makeAsyncIterator())
    }

    /// Reads one record at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private var base: CSVRows<Source>.AsyncIterator

        init(base: CSVRows<Source>.AsyncIterator) {
            self.base = base
        }

        /// The next record, or `nil` at the end of the stream.
        /// - Throws: ``StreamingReadError`` (`.elementDecodingFailed` for a row that cannot be read), or the
        ///   source's error.
        public mutating func next() async throws -> Record? {
            guard let row = try await base.next() else { return nil }
            do {
                return try Record(row: row)
            } catch {
                throw StreamingReadError(
                    reason: .elementDecodingFailed,
                    message: "row \(row.index) did not read as \(Record.self): \(error)",
                    line: row.line, elementIndex: row.index, underlyingError: error)
            }
        }
    }
}

extension DecodedCSVRows: Sendable where Source: Sendable {}
