public import Foundation

/// Runs the `openssl` command to make test certificates, without blocking a cooperative thread: the process is
/// awaited through its termination handler, and its outputs are files.
public enum OpenSSLTool {
    /// The `openssl` executable on the `PATH`, if any.
    public static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin:/usr/local/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appending(path: "openssl") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Whether tests that need `openssl` can run.
    public static var isAvailable: Bool { executable != nil }

    /// `openssl` is missing, or exited with a status other than 0.
    public struct Failure: Error, CustomStringConvertible {
        /// The arguments it was run with.
        public let arguments: [String]
        /// Its exit status, or -1 when it is not installed.
        public let status: Int32
        /// The command and its status.
        public var description: String { "openssl \(arguments.joined(separator: " ")) exited with status \(status)" }
    }

    /// Runs `openssl` with `arguments` in `directory`.
    /// - Throws: ``Failure``, or ``ChildProcess/LaunchError`` when it cannot be started.
    public static func run(_ arguments: [String], in directory: URL) async throws {
        guard let executable else { throw Failure(arguments: arguments, status: -1) }
        let process = ChildProcess()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        guard status == 0 else { throw Failure(arguments: arguments, status: status) }
    }
}
