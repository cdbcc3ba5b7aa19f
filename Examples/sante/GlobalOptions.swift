import ArgumentParser
import Foundation

/// Options every subcommand accepts.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .long, help: "Print results as JSON on standard output.")
    var json = false

    @Option(
        name: .customLong("mock-url"),
        help: "Base URL of a running sante-mock (default: $SANTE_MOCK_URL, else an in-process mock).")
    var mockURL: String?

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
