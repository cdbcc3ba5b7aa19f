import ArgumentParser
import Foundation
import Logging

/// Options every subcommand accepts.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .long, help: "Print results as JSON on standard output.")
    var json = false

    @Flag(name: .long, help: "Log every request (redacted) to standard error.")
    var verbose = false

    @Option(
        name: .customLong("mock-url"),
        help: "Base URL of a running sante-mock (default: $SANTE_MOCK_URL, else an in-process mock).")
    var mockURL: String?

    /// The logger for request logs: standard error at debug level with `--verbose`, silent otherwise.
    func makeLogger() -> Logger {
        guard verbose else { return Logger(label: "sante", factory: { _ in SwiftLogNoOpLogHandler() }) }
        var logger = Logger(label: "sante", factory: { label in StreamLogHandler.standardError(label: label) })
        logger.logLevel = .debug
        return logger
    }

    /// The mock platform URL from the flag or the environment, validated.
    func resolvedMockURL(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL? {
        guard let text = mockURL ?? environment["SANTE_MOCK_URL"], !text.isEmpty else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
        else {
            throw ValidationError("--mock-url must be an http(s) URL, got '\(text)'")
        }
        return url
    }
}
