import ArgumentParser
import Foundation
import SanteKit

/// `sante webhook verify`: checks one message's Standard Webhooks signature; the body comes on standard input.
struct WebhookVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a webhook's signature and timestamp; the raw body is read from standard input.",
        discussion: """
            Exit 0 and the event on standard output when the signature is valid; exit 1 and the reason \
            (timestamp_too_old, no_matching_signature…) when not. --now pins the time, to check a message \
            signed long ago (a test vector).

            Example: sante webhook verify --secret "$SECRET" --id msg_p5jXN8AQM9LWM0D4loKWxJek \
            --timestamp 1614265330 --signature "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" \
            --now 1614265330 < body.json
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var secret: WebhookSecretOptions

    @Option(name: .customLong("id"), help: "The webhook-id header.")
    var id: String

    @Option(name: .customLong("timestamp"), help: "The webhook-timestamp header (Unix seconds).")
    var timestamp: String

    @Option(name: .customLong("signature"), help: "The webhook-signature header (space-separated v1,<base64> entries).")
    var signature: String

    @Option(name: .customLong("now"), help: "The time to check the timestamp against, in Unix seconds (default: now).")
    var now: Int64?

    @Option(name: .customLong("tolerance"), help: "How far the timestamp may be from now, in seconds (default 300).")
    var tolerance: Int = 300

    func validate() throws {
        _ = try secret.required()
        guard tolerance >= 0 else { throw ArgumentParser.ValidationError("--tolerance must not be negative") }
    }

    func run() async throws {
        let secrets = try secret.required()
        let body = StandardInput.readAll()
        let clock: any SanteClock =
            now.map { PinnedClock(instant: Date(timeIntervalSince1970: TimeInterval($0))) }
            ?? SystemClock()
        let verifier = WebhookVerifier(secrets: secrets, tolerance: .seconds(tolerance), clock: clock)
        let headers = ["webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature]
        let message: VerifiedWebhook
        do {
            message = try await verifier.verify(headers: headers, body: body)
        } catch {
            if options.json {
                try Terminal.json(WebhookRejection(reason: error.reason.rawValue, message: error.message))
            }
            throw OperationFailed(reason: "the webhook is not valid: [\(error.reason.rawValue)] \(error.message)")
        }
        let event = WebhookEventSummary(message)
        if options.json {
            try Terminal.json(event)
        } else {
            Terminal.result(event.headline)
            FileHandle.standardOutput.write(body)
            if body.last != UInt8(ascii: "\n") { Terminal.result("") }
        }
    }
}

/// What `verify --json` prints for a refused message.
struct WebhookRejection: Encodable {
    /// Always `false`.
    var valid = false
    /// The stable reason, such as `timestamp_too_old`.
    let reason: String
    /// The readable explanation.
    let message: String
}
