import ArgumentParser
import Foundation
import SanteKit

/// `sante webhook`: verify, sign and receive Standard Webhooks messages.
struct WebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Verify, sign and receive webhooks signed the Standard Webhooks way (v1, HMAC-SHA256).",
        discussion: """
            The secret is written whsec_<base64>; give it with --secret or SANTE_WEBHOOK_SECRET. It is never \
            printed. Bodies are read from standard input byte for byte: nothing is trimmed or re-encoded.
            """,
        subcommands: [WebhookVerifyCommand.self, WebhookSignCommand.self, WebhookListenCommand.self]
    )
}

/// The `--secret` option (or `SANTE_WEBHOOK_SECRET`), repeatable to accept rotated secrets.
struct WebhookSecretOptions: ParsableArguments {
    @Option(
        name: .customLong("secret"),
        help: ArgumentHelp(
            "The signing secret, whsec_<base64> (default: $SANTE_WEBHOOK_SECRET); repeat it to accept several.",
            valueName: "whsec_…"))
    var secrets: [String] = []

    /// The secrets, parsed.
    /// - Parameter environment: The process environment.
    /// - Returns: The secrets, or an empty list when none is given.
    /// - Throws: `ArgumentParser.ValidationError` (exit 64) for a malformed secret (the secret is not repeated).
    func resolved(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [WebhookSecret] {
        var texts = secrets
        if texts.isEmpty, let fromEnvironment = environment["SANTE_WEBHOOK_SECRET"], !fromEnvironment.isEmpty {
            texts = [fromEnvironment]
        }
        var parsed: [WebhookSecret] = []
        for text in texts {
            do {
                parsed.append(try WebhookSecret(text))
            } catch {
                throw ArgumentParser.ValidationError("the webhook secret is malformed: \(error.message)")
            }
        }
        return parsed
    }

    /// The secrets, at least one.
    /// - Throws: `ArgumentParser.ValidationError` (exit 64) when none is given or one is malformed.
    func required(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [WebhookSecret] {
        let secrets = try resolved(environment: environment)
        guard !secrets.isEmpty else {
            throw ArgumentParser.ValidationError("a signing secret is needed: --secret or SANTE_WEBHOOK_SECRET")
        }
        return secrets
    }
}

/// A clock pinned at one instant (`--now`), for checking a message signed long ago, such as a test vector.
struct PinnedClock: SanteClock {
    /// The instant the clock always reads.
    let instant: Date

    func now() -> Date { instant }

    func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}

/// Reads standard input to its end, byte for byte.
enum StandardInput {
    /// Every byte of standard input.
    static func readAll() -> Data {
        FileHandle.standardInput.readDataToEndOfFile()
    }
}
