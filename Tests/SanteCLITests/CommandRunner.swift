import Dispatch
import Foundation
import SanteTestSupport
import Synchronization
import Testing

/// Runs one of the package's programs as a user would, and collects what it printed.
struct CommandRunner {
    /// What a finished program left behind.
    struct Outcome {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// Where `swift build` put the programs: next to the test bundle.
    static let productsDirectory: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.isExecutableFile(atPath: directory.appending(path: "sante").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        // `swift test` builds into .build/debug at the package root.
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: ".build/debug")
    }()

    /// The environment programs run with: the caller's, without variables that would change their behaviour.
    static var cleanEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in environment.keys where name.hasPrefix("SANTE_") {
            environment[name] = nil
        }
        return environment
    }

    /// Runs `program` with `arguments` and waits for it to exit.
    static func run(
        _ program: String, _ arguments: [String], environment: [String: String] = cleanEnvironment
    ) async throws -> Outcome {
        try await ProgramSlots.shared.withSlot {
            try await runNow(program, arguments, environment: environment)
        }
    }

    private static func runNow(
        _ program: String, _ arguments: [String], environment: [String: String]
    ) async throws -> Outcome {
        let process = ChildProcess()
        process.executableURL = productsDirectory.appending(path: program)
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try launch(process)
        async let standardOutput = offThePool { output.fileHandleForReading.readDataToEndOfFile() }
        async let standardError = offThePool { error.fileHandleForReading.readDataToEndOfFile() }
        let (outData, errData) = await (standardOutput, standardError)
        await offThePool { process.waitUntilExit() }
        return Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}

/// Runs blocking work (reading a pipe, waiting for a process) on a Dispatch thread, never on Swift
/// concurrency's small cooperative pool: tests run in parallel, and an in-process mock platform needs
/// that pool to answer the very program being waited for. ``ProgramSlots`` bounds how many such waits
/// exist at once: Dispatch's global queues grow slowly past the number of cores on Linux, and `URLSession`
/// needs them too.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: work()) }
    }
}

/// Starts `process` (a ``ChildProcess``: Foundation's `Process.run()` on Linux sometimes crashed the test
/// process, see ChildProcess.swift).
func launch(_ process: ChildProcess) throws {
    try process.run()
}

/// How many programs the tests run at once. Tests run in parallel on a machine that may have two cores: a
/// hundred programs started together (each a debug build that may start its own mock platform) would starve
/// every other test, so runs beyond the limit wait for a slot.
actor ProgramSlots {
    /// The slots every test shares.
    static let shared = ProgramSlots(limit: 4)

    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        available = limit
    }

    /// Runs `body` once a slot is free, and frees it afterwards.
    func withSlot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let value = try await body()
            release()
            return value
        } catch {
            release()
            throw error
        }
    }

    private func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
