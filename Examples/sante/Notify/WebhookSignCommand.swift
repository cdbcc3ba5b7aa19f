import ArgumentParser
import Foundation
import SanteKit

/// `sante webhook sign`: the Standard Webhooks headers of a body read from standard input.
struct WebhookSignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract:
            "Print the webhook-id, webhook-timestamp and webhook-signature headers of a body read from standard input.",
        discussion: """
            The signature is v1,<base64 of HMAC-SHA256("{id}.{timestamp}.{body}")> with the secret's bytes. \
            Send the body exactly as read, with the three headers; `sante webhook verify` checks them.
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var secret: WebhookSecretOptions

    @Option(name: .customLong("id"), help: "The message id (default: msg_ and random characters).")
    var id: String?

    @Option(name: .customLong("timestamp"), help: "The time to sign at, in Unix seconds (default: now).")
    var timestamp: Int64?

    func validate() throws {
        _ = try secret.required()
        if let id, id.isEmpty || id.contains(".") {
            throw ArgumentParser.ValidationError("--id must be non-empty and free of '.'")
        }
        if let timestamp, timestamp < 0 { throw ArgumentParser.ValidationError("--timestamp must not be negative") }
    }

    func run() async throws {
        guard let signingSecret = try secret.required().first else { return }
        let body = StandardInput.readAll()
        let messageID = id ?? Self.randomID()
        let seconds = timestamp ?? Int64(Date().timeIntervalSince1970.rounded(.down))
        let signature: String
        do {
            signature = try WebhookSigner(secret: signingSecret).signature(
                id: messageID, timestamp: seconds, body: body)
        } catch {
            throw ArgumentParser.ValidationError(error.message)
        }
        let headers = WebhookSignedHeaders(id: messageID, timestamp: String(seconds), signature: signature)
        if options.json {
            try Terminal.json(headers)
        } else {
            Terminal.result("webhook-id: \(headers.id)")
            Terminal.result("webhook-timestamp: \(headers.timestamp)")
            Terminal.result("webhook-signature: \(headers.signature)")
        }
    }

    /// `msg_` and 24 random letters and digits.
    static func randomID() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return "msg_" + String((0..<24).compactMap { _ in alphabet.randomElement(using: &generator) })
    }
}

/// The three headers `sign` prints.
struct WebhookSignedHeaders: Encodable {
    /// `webhook-id`.
    let id: String
    /// `webhook-timestamp`.
    let timestamp: String
    /// `webhook-signature`.
    let signature: String

    private enum CodingKeys: String, CodingKey {
        case id = "webhook-id", timestamp = "webhook-timestamp", signature = "webhook-signature"
    }
}
