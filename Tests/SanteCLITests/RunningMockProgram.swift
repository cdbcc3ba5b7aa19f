import Foundation
import SanteTestSupport
import Testing

/// Starts `sante-mock --host 127.0.0.1 --port 0 --log-level warning` with `arguments`, reads the first
/// `lineCount` lines of its standard output, runs `body` with them, then stops it with SIGTERM and checks that
/// it exited cleanly.
func withRunningMockProgram<T: Sendable>(
    _ arguments: [String], lineCount: Int, _ body: ([String]) async throws -> T
) async throws -> T {
    let process = ChildProcess()
    process.executableURL = CommandRunner.productsDirectory.appending(path: "sante-mock")
    process.arguments = ["--host", "127.0.0.1", "--port", "0", "--log-level", "warning"] + arguments
    process.environment = CommandRunner.cleanEnvironment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try launch(process)
    do {
        let reader = output.fileHandleForReading
        let lines = await offThePool { () -> [String] in
            var lines: [String] = []
            var bytes = Data()
            while lines.count < lineCount, let byte = try? reader.read(upToCount: 1), let first = byte.first {
                if first == UInt8(ascii: "\n") {
                    lines.append(String(decoding: bytes, as: UTF8.self))
                    bytes.removeAll()
                } else {
                    bytes.append(first)
                }
            }
            return lines
        }
        let result = try await body(lines)
        process.terminate()
        await offThePool { process.waitUntilExit() }
        #expect(process.terminationStatus == 0)
        return result
    } catch {
        if process.isRunning { process.terminate() }
        await offThePool { process.waitUntilExit() }
        throw error
    }
}
