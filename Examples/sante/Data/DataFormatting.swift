import Foundation
import SanteKit

/// Small text helpers for the `sante data` commands.
enum DataFormatting {
    /// `182.3 kB`, `4.2 MB`, `512 B`.
    static func bytes(_ count: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var value = Double(count)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(count) B" : String(format: "%.1f %@", value, units[unit])
    }

    /// The day of a timestamp (`2023-07-13`), or the text as written when it has no date.
    static func day(_ timestamp: OpenDataTimestamp?) -> String {
        guard let timestamp else { return "?" }
        return String(timestamp.rawValue.prefix(10))
    }

    /// `text` padded with spaces to `width` characters (never cut; one space added when longer).
    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// The first line of `text`, at most `limit` characters (with `…` when cut).
    static func firstLine(_ text: String?, limit: Int = 100) -> String? {
        guard let line = text?.split(whereSeparator: \.isNewline).first.map(String.init), !line.isEmpty else {
            return nil
        }
        return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
    }
}
