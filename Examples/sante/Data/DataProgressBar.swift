import Foundation
import SanteKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A download progress bar on standard error, drawn in place only when standard error is a terminal (never on
/// standard output, never as a stream of lines in a log).
struct DataProgressBar: Sendable {
    /// Whether the bar is drawn.
    let isEnabled: Bool
    /// What is being downloaded, shown before the bar.
    let label: String

    /// A bar for `label`, enabled when standard error is a terminal.
    init(label: String, isEnabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.isEnabled = isEnabled
    }

    /// Redraws the bar.
    func update(_ progress: DownloadProgress) {
        guard isEnabled else { return }
        let width = 30
        var line = "\r\(label) "
        if let fraction = progress.fractionCompleted {
            let filled = Int((fraction * Double(width)).rounded(.down))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            line += String(format: "%3.0f%% ", fraction * 100)
        }
        line += DataFormatting.bytes(progress.bytesWritten)
        if let total = progress.totalBytes { line += " / " + DataFormatting.bytes(total) }
        if progress.attempt > 1 { line += " (attempt \(progress.attempt))" }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    /// Ends the bar's line.
    func finish() {
        guard isEnabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
