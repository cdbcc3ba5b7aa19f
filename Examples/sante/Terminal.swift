import Foundation

/// Where the CLI writes: results to standard output, everything else to standard error.
enum Terminal {
    /// Writes a result line to standard output.
    static func result(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes a progress or information line to standard error.
    static func info(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Encodes a value as pretty, key-sorted JSON and writes it to standard output.
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

/// A failure of the requested operation: the command prints the reason on one line and exits 1.
struct OperationFailed: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
