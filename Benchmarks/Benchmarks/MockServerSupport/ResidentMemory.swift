import Foundation

/// The resident memory of this process, read from `/proc/self/status` (Linux only).
///
/// ``resetPeak()`` resets the kernel's high-water mark (`VmHWM`) to the current resident size, so that
/// ``peakBytes()`` afterwards tells the peak of what ran in between.
public enum ResidentMemory {
    /// The current resident set size (`VmRSS`) in bytes, or `nil` when it cannot be read.
    public static func currentBytes() -> Int? {
        field("VmRSS:")
    }

    /// The peak resident set size (`VmHWM`) in bytes since the start or the last ``resetPeak()``, or `nil`.
    public static func peakBytes() -> Int? {
        field("VmHWM:")
    }

    /// Resets the peak to the current resident size (writes `5` to `/proc/self/clear_refs`).
    /// - Returns: Whether the kernel accepted the reset.
    @discardableResult
    public static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    private static func field(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let parts = line.dropFirst(name.count).split(whereSeparator: \.isWhitespace)
            guard let value = parts.first.flatMap({ Int($0) }) else { return nil }
            return value * 1024  // the kernel reports kB
        }
        return nil
    }
}
