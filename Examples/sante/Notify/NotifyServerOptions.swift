import ArgumentParser
import Foundation
import SanteKit
import SanteMockPlatform

/// The options that choose a Notify-compatible server and the API key (`sante notify …`).
///
/// With `--base-url`, any Notify v2 server (GOV.UK Notify or a compatible one), with `--api-key` or
/// `SANTE_NOTIFY_API_KEY`. Without it, the mock platform's Notify API: a running `sante-mock`
/// (`--mock-url` or `SANTE_MOCK_URL`), else one started in this process; the mock's test key is the default.
/// The key is never printed or logged.
struct NotifyServerOptions: ParsableArguments {
    @Option(
        name: .customLong("base-url"),
        help: "The Notify API's root, the part before /v2 (default: the mock platform's /notify).")
    var baseURL: String?

    @Option(
        name: .customLong("api-key"),
        help: "The Notify API key (default: $SANTE_NOTIFY_API_KEY; with the mock, its test key).")
    var apiKey: String?

    func validate() throws {
        if let baseURL {
            _ = try Self.httpURL(baseURL, option: "--base-url")
        }
        if let apiKey { _ = try Self.parseKey(apiKey) }
    }

    /// Resolves the server and runs `body` with a client of it, starting an in-process mock when needed.
    /// - Parameters:
    ///   - global: The global options (`--mock-url`, `--verbose`).
    ///   - environment: The process environment.
    ///   - body: What to do with the connection.
    /// - Returns: What `body` returns.
    /// - Throws: `ArgumentParser.ValidationError` (exit 64) for unusable options, or what `body` throws.
    func withConnection<T>(
        global: GlobalOptions,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        _ body: (NotifyConnection) async throws -> T
    ) async throws -> T {
        let keyText = apiKey ?? environment["SANTE_NOTIFY_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let logger = global.makeLogger()
        if let baseURL {
            guard global.mockURL == nil else {
                throw ArgumentParser.ValidationError("--base-url and --mock-url cannot be used together")
            }
            guard let keyText else {
                throw ArgumentParser.ValidationError("an API key is needed: --api-key or SANTE_NOTIFY_API_KEY")
            }
            let url = try Self.httpURL(baseURL, option: "--base-url")
            let connection = try NotifyConnection.make(
                baseURL: url, apiKey: try Self.parseKey(keyText), clock: SystemClock(), timeline: nil,
                isMock: false, isInProcess: false, logger: logger)
            return try await body(connection)
        }
        let key = try Self.parseKey(keyText ?? MockIdentities.default.notifyAPIKey)
        let mockURL = try global.resolvedMockURL(environment: environment)
        let timeline = MockTimeline()
        return try await MockPlatformSession.with(
            mockURL: mockURL, configuration: MockPlatform.Configuration(clock: timeline.mockClock)
        ) { session in
            let connection = try NotifyConnection.make(
                baseURL: session.baseURL.appending(path: "notify"), apiKey: key,
                clock: session.isInProcess ? timeline.clientClock : SystemClock(),
                timeline: session.isInProcess ? timeline : nil, isMock: true, isInProcess: session.isInProcess,
                logger: logger)
            if session.isInProcess {
                Terminal.info("Started a mock platform in this process at \(session.baseURL.absoluteString)")
            }
            return try await body(connection)
        }
    }

    /// An absolute http(s) URL, or a usage error naming `option`.
    static func httpURL(_ text: String, option: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host() != nil
        else {
            throw ArgumentParser.ValidationError("\(option) must be an http(s) URL, got '\(text)'")
        }
        return url
    }

    /// The key, or a usage error that never repeats it.
    static func parseKey(_ text: String) throws -> NotifyAPIKey {
        do {
            return try NotifyAPIKey(text)
        } catch {
            throw ArgumentParser.ValidationError(
                "the Notify API key is malformed (\(error.message)); expected {name}-{service id}-{secret}")
        }
    }
}
