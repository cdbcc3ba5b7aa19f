import Dispatch
public import Foundation
import Synchronization

/// A `sante-mock` child process listening on a free loopback port.
///
/// The benchmarks talk to it over real TCP, so the client process measures only its own side of each request.
public struct MockServerProcess: Sendable {
    /// The server's base URL, such as `http://127.0.0.1:43567`.
    public let baseURL: URL
    /// The executable that was started.
    public let binary: URL
    /// The server's process identifier, to read its CPU time (see ``ProcessCPUTime``).
    public var processIdentifier: Int32 { process.processIdentifier }
    private let process: Process
    private let watcher: MockServerWatcher

    /// Starts `sante-mock --host 127.0.0.1 --port 0` and waits for its `listening on …` line.
    /// - Parameter startupTimeout: How long the server may take to announce its URL.
    /// - Returns: The running server.
    /// - Throws: ``MockServerError``.
    public static func start(startupTimeout: Duration = .seconds(30)) async throws -> MockServerProcess {
        let binary = try MockServerBinary.locate()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--host", "127.0.0.1", "--port", "0", "--log-level", "warning"]
        let standardOutput = Pipe()
        process.standardOutput = standardOutput
        process.standardInput = FileHandle.nullDevice
        // Standard error is inherited, so a failing server explains itself on the benchmark's standard error.
        let watcher: MockServerWatcher
        do {
            try process.run()
        } catch {
            throw MockServerError.launchFailed(binary: binary.path, reason: String(describing: error))
        }
        do {
            watcher = try MockServerWatcher(processIdentifier: process.processIdentifier)
        } catch {
            await stop(process)
            throw MockServerError.launchFailed(
                binary: binary.path, reason: "its watcher (/bin/sh) could not be launched: \(error)")
        }

        let timeoutSeconds = Int(startupTimeout.components.seconds)
        let timedOut = Atomic<Bool>(false)
        let watchdog = DispatchWorkItem {
            // Ending the process closes its end of the pipe, which ends the blocking read below.
            timedOut.store(true, ordering: .sequentiallyConsistent)
            process.terminate()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(timeoutSeconds), execute: watchdog)
        let firstLine = await readFirstLine(from: standardOutput.fileHandleForReading)
        watchdog.cancel()

        guard let baseURL = parseListeningLine(firstLine) else {
            await stop(process, watcher: watcher)
            if timedOut.load(ordering: .sequentiallyConsistent) {
                throw MockServerError.startupTimedOut(binary: binary.path, seconds: timeoutSeconds)
            }
            throw MockServerError.noListeningLine(binary: binary.path, firstLine: firstLine)
        }
        // The server prints two more lines and then nothing; the pipe's buffer holds them, nobody needs to read.
        return MockServerProcess(baseURL: baseURL, binary: binary, process: process, watcher: watcher)
    }

    /// Sends SIGTERM to the server and waits for it, and its watcher, to exit.
    public func stop() async {
        await Self.stop(process, watcher: watcher)
    }

    private static func stop(_ process: Process, watcher: MockServerWatcher) async {
        watcher.stop()
        await stop(process)
        await offThreadPool { watcher.waitUntilExit() }
    }

    /// The URL in `listening on http://HOST:PORT`, or `nil` for any other line.
    private static func parseListeningLine(_ line: String?) -> URL? {
        let prefix = "listening on "
        guard let line, line.hasPrefix(prefix), let url = URL(string: String(line.dropFirst(prefix.count))),
            url.host != nil
        else { return nil }
        return url
    }

    private static func stop(_ process: Process) async {
        if process.isRunning { process.terminate() }
        await offThreadPool { process.waitUntilExit() }
    }

    /// Runs blocking work on a Dispatch queue, so that it does not hold one of the cooperative pool's threads.
    private static func offThreadPool<Result: Sendable>(
        _ work: @escaping @Sendable () -> Result
    ) async -> Result {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result, Never>) in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }

    /// Reads up to the first newline (without it), or `nil` when the output ends before any byte.
    private static func readFirstLine(from handle: FileHandle) async -> String? {
        await offThreadPool {
            var bytes: [UInt8] = []
            while let byte = handle.readData(ofLength: 1).first {
                if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
                bytes.append(byte)
            }
            return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
        }
    }
}
