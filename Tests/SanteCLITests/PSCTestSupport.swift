import Foundation
import SanteTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A program started by a test, whose standard error is read line by line while it runs.
struct StreamingCommand {
    let process: ChildProcess
    private let standardError: FileHandle
    private let standardOutput: Task<Data, Never>

    /// Starts `program` with `arguments` in `environment`.
    static func start(_ program: String, _ arguments: [String], environment: [String: String]) throws
        -> StreamingCommand
    {
        let process = ChildProcess()
        process.executableURL = CommandRunner.productsDirectory.appending(path: program)
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try launch(process)
        let reader = output.fileHandleForReading
        let standardOutput = Task { await offThePool { reader.readDataToEndOfFile() } }
        return StreamingCommand(
            process: process, standardError: error.fileHandleForReading, standardOutput: standardOutput)
    }

    /// Reads standard error until a line satisfies `predicate`; returns it and every line read, or `nil`
    /// when the program closed standard error first.
    func readErrorLines(until predicate: @escaping @Sendable (String) -> Bool) async -> (
        match: String?, lines: [String]
    ) {
        let reader = standardError
        return await offThePool {
            var lines: [String] = []
            var bytes = Data()
            while let chunk = try? reader.read(upToCount: 1), let byte = chunk.first {
                guard byte == UInt8(ascii: "\n") else {
                    bytes.append(byte)
                    continue
                }
                let line = String(decoding: bytes, as: UTF8.self)
                bytes.removeAll()
                lines.append(line)
                if predicate(line) { return (line, lines) }
            }
            return (nil, lines)
        }
    }

    /// Waits for the program to exit and collects the rest of what it printed.
    func finish() async -> CommandRunner.Outcome {
        let reader = standardError
        let rest = await offThePool { reader.readDataToEndOfFile() }
        let output = await standardOutput.value
        let process = self.process
        await offThePool { process.waitUntilExit() }
        return CommandRunner.Outcome(
            status: process.terminationStatus, standardOutput: String(decoding: output, as: UTF8.self),
            standardError: String(decoding: rest, as: UTF8.self))
    }
}

/// A browser's two steps, without following redirects: the authorization URL, then its `Location`.
enum TestBrowser {
    /// Answers a request with its status, its `Location` and its body.
    struct Answer {
        let status: Int
        let location: String?
        let body: String
    }

    private static let session = URLSession(
        configuration: .ephemeral, delegate: RedirectBlocker(), delegateQueue: nil)

    /// GETs `url` without following a redirect.
    static func get(_ url: URL) async throws -> Answer {
        try await withCheckedThrowingContinuation { continuation in
            let task = session.dataTask(with: URLRequest(url: url)) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                    return
                }
                let http = response as? HTTPURLResponse
                continuation.resume(
                    returning: Answer(
                        status: http?.statusCode ?? 0, location: http?.value(forHTTPHeaderField: "Location"),
                        body: String(decoding: data ?? Data(), as: UTF8.self)))
            }
            task.resume()
        }
    }
}

/// Stops every redirect, so that the test sees the 302 and delivers its `Location` itself.
private final class RedirectBlocker: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// A fresh `SANTE_HOME` for one test, and the child environment that points at it.
struct TemporarySanteHome {
    let directory: URL

    init() {
        directory = FileManager.default.temporaryDirectory.appending(path: "sante-home-\(UUID().uuidString)")
    }

    /// The clean environment with `SANTE_HOME` set (in the child only; never `setenv` here).
    var environment: [String: String] {
        var environment = CommandRunner.cleanEnvironment
        environment["SANTE_HOME"] = directory.path
        return environment
    }

    var tokensFile: URL { directory.appending(path: "psc-session.json") }
    var recordFile: URL { directory.appending(path: "psc-provider.json") }

    /// The POSIX permissions of `url`, such as `0o600`.
    func permissions(of url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return try #require((attributes[.posixPermissions] as? NSNumber)?.intValue)
    }

    /// The stored tokens file as a JSON object.
    func storedTokens() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: tokensFile)) as? [String: Any])
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Parses a program's standard output as a JSON object.
func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// The one line of standard error that starts with `Error:`, or `nil`.
func errorLines(_ standardError: String) -> [String] {
    standardError.split(separator: "\n").map(String.init).filter { $0.hasPrefix("Error:") }
}
