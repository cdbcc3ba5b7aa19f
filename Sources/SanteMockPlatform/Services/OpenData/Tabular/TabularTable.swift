/// A generated table: what a small CSV file is rendered from, and what the tabular API serves.
///
/// Generating the rows once and rendering the CSV from them keeps the file and the tabular API consistent.
struct TabularTable: Sendable {
    /// The columns, in file order.
    let columns: [TabularColumn]
    /// The rows; each has one cell per column.
    let rows: [[TabularCell]]
    /// The CSV separator (`;` in every real health file).
    let separator: UInt8

    init(columns: [TabularColumn], rows: [[TabularCell]], separator: UInt8 = UInt8(ascii: ";")) {
        self.columns = columns
        self.rows = rows
        self.separator = separator
    }

    /// The index of the column named `name`.
    func columnIndex(_ name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// The CSV file: a header line, then one line per row, LF line endings, fields quoted only when needed
    /// (separator, quote or line break), quotes doubled.
    func csv() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(rows.count * columns.count * 8 + 256)
        for (index, column) in columns.enumerated() {
            if index > 0 { output.append(separator) }
            appendField(Array(column.name.utf8), to: &output)
        }
        output.append(0x0A)
        var field: [UInt8] = []
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { output.append(separator) }
                field.removeAll(keepingCapacity: true)
                columns[index].format.append(cell, to: &field)
                appendField(field, to: &output)
            }
            output.append(0x0A)
        }
        return output
    }

    private func appendField(_ field: [UInt8], to output: inout [UInt8]) {
        let needsQuotes = field.contains { $0 == separator || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            output.append(contentsOf: field)
            return
        }
        output.append(UInt8(ascii: "\""))
        for byte in field {
            if byte == UInt8(ascii: "\"") { output.append(byte) }
            output.append(byte)
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// One column of a ``TabularTable``.
struct TabularColumn: Sendable {
    /// The header.
    let name: String
    /// The type the tabular API's profile reports (csv-detective's `python_type`).
    let type: TabularType
    /// How cells are written in the CSV file.
    let format: CellFormat

    init(_ name: String, _ type: TabularType, _ format: CellFormat = .plain) {
        self.name = name
        self.type = type
        self.format = format
    }
}

/// The type of a column, as csv-detective names it.
enum TabularType: String, Sendable {
    case int, float, string, date

    /// Whether values compare as numbers.
    var isNumeric: Bool { self == .int || self == .float }
}

/// How a cell is written in a CSV file.
enum CellFormat: Sendable {
    /// Integers as digits, numbers as Python's `repr`, text as is.
    case plain
    /// Numbers with a fixed number of decimals and a separator (`,` for the SI-DEP quirk `1282,00`).
    case decimals(Int, separator: UInt8)
    /// Numbers rounded to a number of decimals, trailing zeros dropped (`138`, `2.3`, `10.24`), as pandas writes
    /// the SI-DEP rates.
    case trimmedDecimals(Int)

    /// Appends the text of `cell`.
    func append(_ cell: TabularCell, to output: inout [UInt8]) {
        switch (cell, self) {
        case (.empty, _):
            break
        case (.text(let text), _):
            output.append(contentsOf: text.utf8)
        case (.integer(let value), .plain):
            ASCII.appendInteger(value, to: &output)
        case (.integer(let value), .decimals(let places, let separator)):
            ASCII.appendDecimal(Double(value), places: places, separator: separator, to: &output)
        case (.number(let value), .plain):
            output.append(contentsOf: OrderedJSON.numberText(value).utf8)
        case (.number(let value), .decimals(let places, let separator)):
            ASCII.appendDecimal(value, places: places, separator: separator, to: &output)
        case (.integer(let value), .trimmedDecimals):
            ASCII.appendInteger(value, to: &output)
        case (.number(let value), .trimmedDecimals(let places)):
            var text: [UInt8] = []
            ASCII.appendDecimal(value, places: places, to: &text)
            if places > 0 {
                while text.last == UInt8(ascii: "0") { text.removeLast() }
                if text.last == UInt8(ascii: ".") { text.removeLast() }
            }
            output.append(contentsOf: text)
        }
    }
}

/// One cell of a ``TabularTable``.
enum TabularCell: Sendable, Equatable {
    /// An empty field (`null` in the tabular API).
    case empty
    /// Text.
    case text(String)
    /// An integer.
    case integer(Int64)
    /// A decimal number.
    case number(Double)

    /// An integer cell.
    static func int(_ value: Int) -> TabularCell { .integer(Int64(value)) }

    /// A text cell, or an empty one for `nil` or empty text.
    static func optionalText(_ value: String?) -> TabularCell {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }

    /// The value in the tabular API's JSON.
    var json: OrderedJSON {
        switch self {
        case .empty: .null
        case .text(let text): .string(text)
        case .integer(let value): .integer(value)
        case .number(let value): .number(value)
        }
    }

    /// The value as a number, when it is one.
    var numericValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        case .text(let text): Double(text)
        case .empty: nil
        }
    }

    /// The value as text, for string comparisons.
    var textValue: String? {
        switch self {
        case .empty: nil
        case .text(let text): text
        case .integer(let value): String(value)
        case .number(let value): OrderedJSON.numberText(value)
        }
    }
}
