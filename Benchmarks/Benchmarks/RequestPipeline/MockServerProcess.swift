import Dispatch
import Foundation
import Synchronization

/// A `sante-mock` child process listening on a free loopback port.
///
/// The benchmarks talk to it over real TCP, so the client process measures only its own side of each request.
final class MockServerProcess: Sendable {
    /// The server's base URL, such as `http://127.0.0.1:43567`.
    let baseURL: URL
    /// The executable that was started.
    let binary: URL
    private let process: Process

    private init(baseURL: URL, binary: URL, process: Process) {
        self.baseURL = baseURL
        self.binary = binary
        self.process = process
    }

    /// Starts `sante-mock --host 127.0.0.1 --port 0` and waits for its `listening on …` line.
    /// - Parameter startupTimeout: How long the server may take to announce its URL.
    /// - Returns: The running server.
    /// - Throws: ``MockServerError``.
    static func start(startupTimeout: Duration = .seconds(30)) async throws -> MockServerProcess {
        let binary = try MockServerBinary.locate()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--host", "127.0.0.1", "--port", "0", "--log-level", "warning"]
        let standardOutput = Pipe()
        process.standardOutput = standardOutput
        process.standardInput = FileHandle.nullDevice
        // Standard error is inherited, so a failing server explains itself on the benchmark's standard error.
        do {
            try process.run()
        } catch {
            throw MockServerError.launchFailed(binary: binary.path, reason: String(describing: error))
        }

        let timeoutSeconds = Int(startupTimeout.components.seconds)
        let timedOut = Atomic<Bool>(false)
        let watchdog = DispatchWorkItem {
            // Ending the process closes its end of the pipe, which ends the blocking read below.
            if process.isRunning {
                timedOut.store(true, ordering: .sequentiallyConsistent)
                process.terminate()
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(timeoutSeconds), execute: watchdog)
        let firstLine = await readFirstLine(from: standardOutput.fileHandleForReading)
        watchdog.cancel()

        let prefix = "listening on "
        guard let firstLine, firstLine.hasPrefix(prefix),
            let baseURL = URL(string: String(firstLine.dropFirst(prefix.count))), baseURL.host != nil
        else {
            if process.isRunning { process.terminate() }
            if timedOut.load(ordering: .sequentiallyConsistent) {
                throw MockServerError.startupTimedOut(binary: binary.path, seconds: timeoutSeconds)
            }
            throw MockServerError.noListeningLine(binary: binary.path, firstLine: firstLine)
        }
        // The server prints two more lines and then nothing; the pipe's buffer holds them, nobody needs to read.
        return MockServerProcess(baseURL: baseURL, binary: binary, process: process)
    }

    /// Sends SIGTERM and waits for the process to exit.
    func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async { [process] in
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }

    /// Reads up to the first newline, off the cooperative thread pool (the read blocks).
    private static func readFirstLine(from handle: FileHandle) async -> String? {
        await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            DispatchQueue.global().async {
                var bytes: [UInt8] = []
                while true {
                    let chunk = handle.readData(ofLength: 1)
                    guard let byte = chunk.first else {
                        continuation.resume(returning: bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self))
                        return
                    }
                    if byte == UInt8(ascii: "\n") { break }
                    bytes.append(byte)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}
