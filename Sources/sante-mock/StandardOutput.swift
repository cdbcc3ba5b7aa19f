import Foundation

/// Writes to standard output without buffering, so that a parent process reading the pipe sees each line
/// at once.
enum StandardOutput {
    static func writeLines(_ lines: [String]) {
        let text = lines.map { $0 + "\n" }.joined()
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
