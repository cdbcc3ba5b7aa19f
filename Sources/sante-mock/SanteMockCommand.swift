import ArgumentParser
import Foundation
import Logging
import SanteCore
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
///
/// `--tls-files DIRECTORY` serves HTTPS (and mutual TLS on a second port) with a certificate authority made at
/// start-up, and writes into the directory what a client needs: `ca.pem` to trust, and `client.pem` with
/// `client-key.pem` for the seeded `santekit-mtls` client. Two more lines then follow on standard output:
/// `mutual-tls: https://…` and `tls-files: DIRECTORY`.
///
/// `--open-data-scale small|benchmark|rows=N,centres=N` sizes the two generated open-data benchmark files
/// (`MockPlatform.Configuration.openDataScale`); a bad value is a usage error (exit status 64) naming the problem.
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

    @Option(
        help: ArgumentHelp(
            "The size of the generated open-data benchmark files: small, benchmark, or rows=N,centres=N.",
            discussion: """
                Two files follow it: the VACSI-shaped CSV vacsi-a-dep (N rows) and /data/vitemadose/centres.json \
                (N centres). small (the default) is 5000 rows and 500 centres; benchmark is 1000000 rows (about \
                46 MB) and 39000 centres (about 50 MB). With explicit counts, a key left out keeps its small value; \
                counts go from 0 to 50000000 and may group digits with _ (rows=1_000_000).
                """,
            valueName: "scale"))
    var openDataScale = "small"

    @Option(
        name: .customLong("tls-files"),
        help: ArgumentHelp(
            "Serve HTTPS and mutual TLS, and write ca.pem, client.pem and client-key.pem into this directory.",
            discussion: """
                The certificate authority is made at start-up and lives as long as the process; nothing secret is \
                kept. ca.pem is the root to trust; client.pem (certificate chain) and client-key.pem (private key, \
                mode 0600) are a certificate for the seeded tls_client_auth client santekit-mtls \
                (CN=santekit-mtls,O=SanteKit Mock,C=FR). The directory is created when missing; existing files of \
                these names are replaced.
                """,
            valueName: "directory"))
    var tlsFiles: String?

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ArgumentParser.ValidationError("--port must be between 0 and 65535.")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ArgumentParser.ValidationError(
                "--log-level must be one of trace, debug, info, notice, warning, error, critical.")
        }
        _ = try parsedOpenDataScale()
        if let tlsFiles, tlsFiles.isEmpty {
            throw ArgumentParser.ValidationError("--tls-files must name a directory.")
        }
    }

    /// The `--open-data-scale` value, or a usage error that says what is wrong with it.
    private func parsedOpenDataScale() throws -> OpenDataScale {
        do {
            return try OpenDataScale(parsing: openDataScale)
        } catch {
            let reasons = error.issues.map { issue in
                issue.field == "openDataScale"
                    ? issue.reason : "\(issue.field.dropFirst("openDataScale.".count)) \(issue.reason)"
            }
            throw ArgumentParser.ValidationError("--open-data-scale: " + reasons.joined(separator: "; ") + ".")
        }
    }

    func run() async throws {
        var logger = Logger(label: "sante-mock", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info

        // Trap the signals before starting, so that an early SIGINT still stops the server cleanly.
        let signals = TerminationSignals()
        var configuration = MockPlatform.Configuration(
            host: host, port: port, seed: seed, logger: logger, openDataScale: try parsedOpenDataScale())
        if tlsFiles != nil { configuration.tls = MockTLS() }
        let platform = try await MockPlatform.start(configuration)
        var lines = [
            "listening on \(platform.baseURL.absoluteString)",
            "notify-api-key: \(platform.identities.notifyAPIKey)",
            "client-id: \(platform.identities.demoClient.clientID)",
        ]
        if let tlsFiles {
            do {
                let directory = try TLSFiles.write(for: platform, into: URL(fileURLWithPath: tlsFiles))
                lines.append("mutual-tls: \(platform.mutualTLSBaseURL?.absoluteString ?? "")")
                lines.append("tls-files: \(directory.path)")
            } catch {
                await platform.stop()
                throw error
            }
        }
        StandardOutput.writeLines(lines)
        let signal = await signals.next()
        logger.info("Stopping", metadata: ["signal": "\(signal)"])
        await platform.stop()
    }
}
