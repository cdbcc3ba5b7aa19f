import ArgumentParser
import Foundation
import Logging
import SanteMockPlatform

/// `sante-mock`: runs the SanteKit mock platform until interrupted.
///
/// Standard output gets exactly three lines once the server accepts connections:
/// ```
/// listening on http://127.0.0.1:8080
/// notify-api-key: santekit_test_key-…
/// client-id: santekit-demo
/// ```
/// Logs go to standard error. SIGINT or SIGTERM stops the server cleanly (exit status 0).
@main
struct SanteMockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sante-mock",
        abstract: "Run the SanteKit mock platform (Pro Santé Connect, DMP, open data, Annuaire Santé, Notify)."
    )

    @Option(help: "The host to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free port.")
    var port = 8080

    @Option(help: "The seed of the mock's random choices.")
    var seed: UInt64 = 1

    @Option(help: "The log level on standard error: trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535.")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical.")
        }
    }

    func run() async throws {
        var logger = Logger(label: "sante-mock", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info

        // Trap the signals before starting, so that an early SIGINT still stops the server cleanly.
        let signals = TerminationSignals()
        let platform = try await MockPlatform.start(
            MockPlatform.Configuration(host: host, port: port, seed: seed, logger: logger))
        StandardOutput.writeLines([
            "listening on \(platform.baseURL.absoluteString)",
            "notify-api-key: \(platform.identities.notifyAPIKey)",
            "client-id: \(platform.identities.demoClient.clientID)",
        ])
        let signal = await signals.next()
        logger.info("Stopping", metadata: ["signal": "\(signal)"])
        await platform.stop()
    }
}
