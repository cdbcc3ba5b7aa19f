import Foundation

/// Where `vaccination-chart` writes: results to standard output, progress to standard error.
enum ChartOutput {
    /// Writes a result line to standard output.
    static func result(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes a progress line to standard error.
    static func info(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes `value` as pretty, key-sorted JSON to standard output.
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(value) + Data("\n".utf8))
    }
}

/// A failure of the command: printed on one line, exit 1.
struct ChartFailure: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
