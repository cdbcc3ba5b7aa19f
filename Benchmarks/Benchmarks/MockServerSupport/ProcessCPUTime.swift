import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The CPU time (user + system) a process has used so far, read from `/proc/<pid>/stat` (Linux only).
public enum ProcessCPUTime {
    /// The CPU time of process `processIdentifier`, in microseconds, or `nil` when it cannot be read (not Linux,
    /// or the process is gone). The kernel counts in scheduler ticks (usually 10 ms).
    /// - Parameter processIdentifier: The process.
    /// - Returns: User plus system time, in microseconds.
    public static func microseconds(of processIdentifier: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(processIdentifier)/stat", encoding: .utf8),
            let closing = text.lastIndex(of: ")")
        else { return nil }
        // After the command name in parentheses: field 3 (state) onwards; utime and stime are fields 14 and 15.
        let fields = text[text.index(after: closing)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        #if os(Linux)
            let ticksPerSecond = sysconf(Int32(_SC_CLK_TCK))
        #else
            let ticksPerSecond = 100
        #endif
        guard ticksPerSecond > 0 else { return nil }
        return (user + system) * 1_000_000 / ticksPerSecond
    }
}
