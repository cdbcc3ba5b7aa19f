public import Foundation

/// One data record of a ``CSVRecordBatch``: its fields stay as bytes until read.
///
/// Fields are read by position (resolve the position once from ``CSVRecordBatch/header``, then read every
/// record with it) or by name. Numbers are parsed straight from the bytes, with the same rules as
/// ``CSVRow``: `12,5` and `12.5` are both 12.5, `1234,00` is the whole number 1234, and an empty field, a
/// missing column or unreadable text gives `nil`.
///
/// ```swift
/// let doses = batch.header.index(of: "n_dose1")
/// for record in batch {
///     let count = doses.flatMap(record.integer(at:)) ?? 0
/// }
/// ```
public struct CSVRecord: Sendable {
    let storage: CSVRecordBatchStorage
    let record: Int

    /// The stream's column names.
    public var header: CSVHeader { storage.header }

    /// The 0-based index of this data row in the stream (the header row excluded).
    public var index: Int { storage.firstRowIndex + record }

    /// The 1-based line of the stream where the record starts.
    public var line: Int { storage.records.spans[record].line }

    /// The number of fields (a record may have fewer or more fields than the header has names).
    public var fieldCount: Int { storage.fieldRanges(record: record).count }

    // MARK: - By position

    /// The field at a position, as written (possibly empty).
    /// - Parameter position: The 0-based position.
    /// - Returns: The field, or `nil` when the record has no such position.
    public subscript(position position: Int) -> String? {
        storage.fieldRange(record: record, position: position).map(storage.string)
    }

    /// The bytes of the field at a position, undecoded (quotes removed and doubled quotes undoubled).
    /// - Parameter position: The 0-based position.
    /// - Returns: The bytes, or `nil` when the record has no such position.
    public func bytes(at position: Int) -> ArraySlice<UInt8>? {
        guard let range = storage.fieldRange(record: record, position: position) else { return nil }
        if storage.bytes[range].first == CSVQuoting.quote {
            return storage.withFieldBytes(range) { ArraySlice($0) }
        }
        return storage.bytes[range]
    }

    /// Whether the field at a position is missing or empty (before any trimming).
    /// - Parameter position: The 0-based position.
    /// - Returns: `true` when the record has no such field or it holds no byte (`""` counts as empty).
    public func isEmpty(at position: Int) -> Bool {
        guard let range = storage.fieldRange(record: record, position: position) else { return true }
        return range.isEmpty || (range.count == 2 && storage.bytes[range.lowerBound] == CSVQuoting.quote)
    }

    /// The field at a position with surrounding whitespace removed, or `nil` when missing or empty.
    /// - Parameter position: The 0-based position.
    /// - Returns: The trimmed, non-empty text.
    public func string(at position: Int) -> String? {
        guard let field = self[position: position] else { return nil }
        let trimmed = CSVText.trimmed(field)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The field at a position as a whole number, accepting `12`, `12,00` and `12.0`, parsed from the bytes.
    /// - Parameter position: The 0-based position.
    /// - Returns: The value, or `nil` when missing, empty, fractional or not a number.
    public func integer(at position: Int) -> Int? {
        guard let range = storage.fieldRange(record: record, position: position) else { return nil }
        let parsed: Int?? = storage.withFieldBytes(range) { field in
            let trimmed = CSVFieldBytes.trimmedASCII(field)
            guard !trimmed.isEmpty else { return .some(nil) }
            guard CSVFieldBytes.hasASCIIEnds(trimmed) else { return nil }
            return .some(CSVNumberText.integer(utf8: trimmed))
        }
        if let parsed { return parsed }
        // Unusual blanks around the number: read it as text, as ``CSVRow`` does.
        return string(at: position).flatMap(CSVNumberText.integer)
    }

    /// The field at a position as a `Double`, accepting `12,5` and `12.5`, parsed from the bytes when it is a
    /// plain decimal.
    /// - Parameter position: The 0-based position.
    /// - Returns: The value, or `nil` when missing, empty or not a number.
    public func double(at position: Int) -> Double? {
        guard let range = storage.fieldRange(record: record, position: position) else { return nil }
        let parsed: Double?? = storage.withFieldBytes(range) { field in
            let trimmed = CSVFieldBytes.trimmedASCII(field)
            guard !trimmed.isEmpty else { return .some(nil) }
            return CSVNumberText.double(plainUTF8: trimmed).map { .some($0) }
        }
        if let parsed { return parsed }
        return string(at: position).flatMap(CSVNumberText.double)
    }

    /// The field at a position as a `Decimal`, accepting `12,5` and `12.5`.
    /// - Parameter position: The 0-based position.
    /// - Returns: The value, or `nil` when missing, empty or not a number.
    public func decimal(at position: Int) -> Decimal? {
        string(at: position).flatMap(CSVNumberText.decimal)
    }

    /// The field at a position as a boolean (see ``CSVRow/bool(_:)`` for the accepted words).
    /// - Parameter position: The 0-based position.
    /// - Returns: The value, or `nil` when missing, empty or not a boolean.
    public func bool(at position: Int) -> Bool? {
        string(at: position).flatMap(CSVText.bool)
    }

    // MARK: - By name

    /// The field of the column `name`, as written (possibly empty).
    /// - Parameter name: The column name.
    /// - Returns: The field, or `nil` when the file has no such column or this record is too short.
    public subscript(name: String) -> String? {
        header.index(of: name).flatMap { self[position: $0] }
    }

    /// The field of `name` with surrounding whitespace removed, or `nil` when missing or empty.
    /// - Parameter name: The column name.
    /// - Returns: The trimmed, non-empty text.
    public func string(_ name: String) -> String? {
        header.index(of: name).flatMap(string(at:))
    }

    /// The field of `name` as a whole number, accepting `12`, `12,00` and `12.0`.
    /// - Parameter name: The column name.
    /// - Returns: The value, or `nil` when missing, empty, fractional or not a number.
    public func integer(_ name: String) -> Int? {
        header.index(of: name).flatMap(integer(at:))
    }

    /// The field of `name` as a `Double`, accepting `12,5` and `12.5`.
    /// - Parameter name: The column name.
    /// - Returns: The value, or `nil` when missing, empty or not a number.
    public func double(_ name: String) -> Double? {
        header.index(of: name).flatMap(double(at:))
    }

    /// The field of `name` as a `Decimal`, accepting `12,5` and `12.5`.
    /// - Parameter name: The column name.
    /// - Returns: The value, or `nil` when missing, empty or not a number.
    public func decimal(_ name: String) -> Decimal? {
        header.index(of: name).flatMap(decimal(at:))
    }

    /// The field of `name` as a boolean (see ``CSVRow/bool(_:)`` for the accepted words).
    /// - Parameter name: The column name.
    /// - Returns: The value, or `nil` when missing, empty or not a boolean.
    public func bool(_ name: String) -> Bool? {
        header.index(of: name).flatMap(bool(at:))
    }

    // MARK: - Whole record

    /// Every field, decoded into text, in file order.
    public var fields: [String] {
        storage.fieldRanges(record: record).map(storage.string)
    }

    /// The record as a ``CSVRow`` (every field decoded into text).
    public var row: CSVRow {
        CSVRow(header: header, fields: fields, index: index, line: line)
    }
}

/// Byte-level helpers for CSV fields.
enum CSVFieldBytes {
    /// `bytes` without leading and trailing spaces and tabs.
    static func trimmedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Whether the first and last bytes are ASCII (so no no-break space or byte order mark needs trimming).
    static func hasASCIIEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        return first < 0x80 && last < 0x80
    }
}
