public import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program started by a test: the part of Foundation's `Process` the tests use, on `posix_spawn`.
///
/// Foundation's `Process.run()` on Linux (Swift 6.3) sometimes crashes the whole test process: to close the
/// child's descriptors it reads `/proc/self/fd` and copies each entry's full 256-byte name, which reads past
/// glibc's buffer when an entry sits at its end (swift-corelibs-foundation pull request 5472). The test process
/// holds many sockets, so it happened about once in every few runs of the suite. This type closes the child's
/// descriptors with `posix_spawn_file_actions_addclosefrom_np` when glibc has it, and otherwise reads the
/// descriptor numbers without copying past each entry.
///
/// Configure it, then ``run()`` once. Its state after launch is behind a lock, so it can be shared between tasks.
public final class ChildProcess: @unchecked Sendable {
    // @unchecked: the configuration properties are set before `run()` and only read by it; what changes
    // afterwards (the process id and the exit status) is behind `state`.

    /// How the program ended.
    public enum TerminationReason: Sendable, Equatable {
        /// It exited with a status.
        case exit
        /// A signal ended it.
        case uncaughtSignal
    }

    /// A failure to start the program.
    public struct LaunchError: Error, CustomStringConvertible {
        /// What failed.
        public let description: String
    }

    /// The program.
    public var executableURL: URL?
    /// Its arguments, without the program's name.
    public var arguments: [String] = []
    /// Its environment; `nil` passes this process's.
    public var environment: [String: String]?
    /// Its working directory; `nil` keeps this process's.
    public var currentDirectoryURL: URL?
    /// Standard input: a `Pipe`, a `FileHandle`, or `nil` for this process's.
    public var standardInput: Any?
    /// Standard output: a `Pipe`, a `FileHandle`, or `nil` for this process's.
    public var standardOutput: Any?
    /// Standard error: a `Pipe`, a `FileHandle`, or `nil` for this process's.
    public var standardError: Any?
    /// Called once, on a Dispatch thread, when the program has ended.
    public var terminationHandler: (@Sendable (ChildProcess) -> Void)?

    private struct State {
        var processIdentifier: pid_t = 0
        var waitStatus: Int32?
    }

    private let state = Mutex(State())
    private let exited = DispatchGroup()

    /// Creates an unconfigured process.
    public init() {}

    /// The process id, or 0 before ``run()``.
    public var processIdentifier: Int32 { state.withLock { $0.processIdentifier } }

    /// Whether the program was started and has not ended yet.
    public var isRunning: Bool { state.withLock { $0.processIdentifier != 0 && $0.waitStatus == nil } }

    /// The exit status, or the signal's number when a signal ended it; 0 while it runs.
    public var terminationStatus: Int32 {
        guard let status = state.withLock({ $0.waitStatus }) else { return 0 }
        return Self.exitedNormally(status) ? (status >> 8) & 0xff : status & 0x7f
    }

    /// Why the program ended (`.exit` while it runs).
    public var terminationReason: TerminationReason {
        guard let status = state.withLock({ $0.waitStatus }) else { return .exit }
        return Self.exitedNormally(status) ? .exit : .uncaughtSignal
    }

    /// Starts the program.
    /// - Throws: ``LaunchError`` when it cannot be started.
    public func run() throws {
        guard let executableURL else { throw LaunchError(description: "no executable") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var parentEnds: [FileHandle] = []
        for (target, stream) in [(Int32(0), standardInput), (1, standardOutput), (2, standardError)] {
            guard let stream else { continue }
            let descriptor: Int32
            switch stream {
            case let pipe as Pipe:
                // The child gets one end; the parent closes it once the child has started.
                let childEnd = target == 0 ? pipe.fileHandleForReading : pipe.fileHandleForWriting
                descriptor = childEnd.fileDescriptor
                parentEnds.append(childEnd)
            case let handle as FileHandle:
                descriptor = handle.fileDescriptor
            default:
                throw LaunchError(description: "standard stream \(target) is neither a Pipe nor a FileHandle")
            }
            posix_spawn_file_actions_adddup2(&actions, descriptor, target)
        }
        try Self.closeOtherDescriptors(&actions)
        if let directory = currentDirectoryURL {
            guard let changeDirectory = Self.addChangeDirectory else {
                throw LaunchError(description: "posix_spawn_file_actions_addchdir_np is not available")
            }
            let result = directory.path.withCString { changeDirectory(&actions, $0) }
            guard result == 0 else { throw LaunchError(description: "addchdir failed: \(result)") }
        }

        let path = executableURL.path
        let argumentList = [path] + arguments
        let environmentList = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var processIdentifier = pid_t()
        let result = Self.withCStrings(argumentList) { argv in
            Self.withCStrings(environmentList) { envp in
                posix_spawn(&processIdentifier, path, &actions, nil, argv, envp)
            }
        }
        guard result == 0 else {
            throw LaunchError(description: "posix_spawn \(path) failed: \(String(cString: strerror(result)))")
        }
        for end in parentEnds { try? end.close() }
        let started = processIdentifier
        state.withLock { $0.processIdentifier = started }
        exited.enter()
        DispatchQueue.global().async { [self] in
            var status: Int32 = 0
            while waitpid(started, &status, 0) == -1 && errno == EINTR {}
            state.withLock { $0.waitStatus = status }
            exited.leave()
            terminationHandler?(self)
        }
    }

    /// Blocks until the program has ended (at once when it was never started).
    public func waitUntilExit() {
        exited.wait()
    }

    /// Sends `SIGTERM`.
    public func terminate() {
        signal(SIGTERM)
    }

    /// Sends `SIGINT`.
    public func interrupt() {
        signal(SIGINT)
    }

    private func signal(_ number: Int32) {
        let identifier = state.withLock { $0.waitStatus == nil ? $0.processIdentifier : 0 }
        if identifier != 0 { kill(identifier, number) }
    }

    private static func exitedNormally(_ status: Int32) -> Bool { status & 0x7f == 0 }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias ChangeDirectory =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc module does not show.
    private static let addCloseFrom: CloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
    /// glibc 2.29's `posix_spawn_file_actions_addchdir_np`.
    private static let addChangeDirectory: ChangeDirectory? = symbol("posix_spawn_file_actions_addchdir_np")

    private static func symbol<Function>(_ name: String) -> Function? {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(address, to: Function.self)
    }

    /// Closes every descriptor above 2 in the child, so that it holds no other test's pipe or socket open.
    private static func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t) throws {
        if let addCloseFrom {
            let result = addCloseFrom(&actions, 3)
            guard result == 0 else { throw LaunchError(description: "addclosefrom failed: \(result)") }
            return
        }
        for descriptor in openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    /// The open descriptors, read from `/proc/self/fd` without copying past each entry's name.
    private static func openDescriptors() -> [Int32] {
        guard let directory = opendir("/proc/self/fd") else { return [] }
        defer { closedir(directory) }
        let ownDescriptor = dirfd(directory)
        guard let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else { return [] }
        var descriptors: [Int32] = []
        while let entry = readdir(directory) {
            let name = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
            guard let descriptor = Int32(String(cString: name)), descriptor != ownDescriptor else { continue }
            descriptors.append(descriptor)
        }
        return descriptors
    }

    private static func withCStrings<Result>(
        _ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result
    ) -> Result {
        // A NULL-terminated array of C strings, as posix_spawn takes its arguments and environment.
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() {
            array[index] = strdup(string)
        }
        array[strings.count] = nil
        defer {
            for index in 0..<strings.count { free(array[index]) }
            array.deallocate()
        }
        return body(array)
    }
}
