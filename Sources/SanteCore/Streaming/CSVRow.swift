public import Foundation

/// One data record of a CSV stream, read by column name.
///
/// A column the file does not have gives `nil`, so code written for one version of a file keeps working
/// when columns are added or removed. Typed accessors read French-style numbers (`12,5`) as well as
/// English ones (`12.5`) and return `nil` for empty or unreadable values.
///
/// ```swift
/// for try await row in CSVRows(body) {
///     let day = row["jour"]                 // String?
///     let doses = row.integer("n_dose1")    // Int?, also accepts "1234,00"
///     let coverage = row.decimal("couv_dose1")
/// }
/// ```
public struct CSVRow: Hashable, Sendable {
    /// The stream's column names.
    public let header: CSVHeader
    /// The fields, in file order (a record may have fewer or more fields than the header has names).
    public let fields: [String]
    /// The 0-based index of this data row (the header row excluded).
    public let index: Int
    /// The 1-based line of the stream where the record starts.
    public let line: Int

    /// Creates a row.
    /// - Parameters:
    ///   - header: The column names.
    ///   - fields: The fields, in order.
    ///   - index: The 0-based index of the data row.
    ///   - line: The 1-based line where the record starts.
    public init(header: CSVHeader, fields: [String], index: Int = 0, line: Int = 1) {
        self.header = header
        self.fields = fields
        self.index = index
        self.line = line
    }

    /// The field of the column `name`, as written (possibly empty).
    /// - Parameter name: The column name.
    /// - Returns: The field, or `nil` when the file has no such column or this record is too short.
    public subscript(name: String) -> String? {
        guard let index = header.index(of: name), index < fields.count else { return nil }
        return fields[index]
    }

    /// The field at a position.
    /// - Parameter position: The 0-based position.
    /// - Returns: The field, or `nil` when the record has no such position.
    public subscript(position position: Int) -> String? {
        fields.indices.contains(position) ? fields[position] : nil
    }

    /// Whether the file has the column `name`.
    /// - Parameter name: The column name.
    /// - Returns: `true` when the header has it.
    public func hasColumn(_ name: String) -> Bool {
        header.contains(name)
    }

    /// The field of `name` with surrounding whitespace removed, or `nil` when missing or empty.
    /// - Parameter name: The column name.
    /// - Returns: The trimmed, non-empty text.
    public func string(_ name: String) -> String? {
        guard let field = self[name] else { return nil }
        let trimmed = CSVText.trimmed(field)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The field of `name` as a `Decimal`, accepting `12,5` and `12.5`.
    /// - Parameter name: The column name.
    /// - Returns: The value, or `nil` when missing, empty or not a number.
    public func decimal(_ name: String) -> Decimal? {
        string(name).flatMap(CSVNumberText.decimal)
    }

    /// The field of `name` as a `Double`, accepting `12,5` and `12.5`.
    /// - Parameter name: The column name.
    /// - Returns: The value, or `nil` when missing, empty or not a number.
    public func double(_ name: String) -> Double? {
        string(name).flatMap(CSVNumberText.double)
    }

    /// The field of `name` as a whole number, accepting `12`, `12,00` and `12.0`.
    /// - Parameter name: The column name.
    /// - Returns: The value, or `nil` when missing, empty, fractional or not a number.
    public func integer(_ name: String) -> Int? {
        string(name).flatMap(CSVNumberText.integer)
    }

    /// The field of `name` as a boolean: `t`, `true`, `1`, `oui`, `o`, `vrai`, `yes`, `y` are `true`;
    /// `f`, `false`, `0`, `non`, `n`, `faux`, `no` are `false` (any case).
    /// - Parameter name: The column name.
    /// - Returns: The value, or `nil` when missing, empty or not a boolean.
    public func bool(_ name: String) -> Bool? {
        string(name).flatMap(CSVText.bool)
    }

    /// The row as a dictionary from column name to field (columns this record lacks are absent; a
    /// repeated name keeps its first column).
    public var dictionary: [String: String] {
        var result: [String: String] = [:]
        for (index, name) in header.names.enumerated() where index < fields.count && result[name] == nil {
            result[name] = fields[index]
        }
        return result
    }
}
