import Foundation

/// A small `/bin/sh` process that sends SIGTERM to the server as soon as its standard input reaches end of file:
/// when ``stop()`` closes that pipe, and also when the benchmark process dies without stopping the server (the
/// kernel closes the pipe then), so a crashed or interrupted run leaves no server behind.
///
/// The watcher never waits for a child: processes started by Foundation's `Process` on Linux inherit the spawning
/// thread's signal mask, in which `SIGCHLD` may be blocked, and a shell's `wait` would then never return.
struct MockServerWatcher: Sendable {
    private static let script = #"read -r _; kill -TERM "$1" 2>/dev/null; exit 0"#

    private let process: Process
    private let input: FileHandle

    /// Starts watching.
    /// - Parameter processIdentifier: The server's process identifier.
    /// - Throws: When `/bin/sh` cannot be launched.
    init(processIdentifier: Int32) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", Self.script, "sante-mock-watcher", String(processIdentifier)]
        let standardInput = Pipe()
        process.standardInput = standardInput
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        self.input = standardInput.fileHandleForWriting
    }

    /// Closes the watcher's standard input, which makes it signal the server and exit; safe to call twice.
    func stop() {
        try? input.close()
    }

    /// Waits until the watcher has exited (call ``stop()`` first).
    func waitUntilExit() {
        process.waitUntilExit()
    }
}
