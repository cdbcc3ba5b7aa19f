import ArgumentParser
import Foundation
import SanteKit

/// `sante notify sms`: sends a text message from a template.
struct NotifySMSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sms",
        abstract: "Send a text message from a template.",
        discussion: """
            Example: sante notify sms --to "06 12 34 56 78" --template "Confirmation de rendez-vous" \
            --var name=Dominique --var date="3 mars" --var place=Lyon --wait
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var server: NotifyServerOptions
    @OptionGroup var message: NotifyMessageOptions

    func run() async throws {
        try await NotifySend.run(type: .sms, message: message, server: server, global: options)
    }
}

/// `sante notify email`: sends an e-mail from a template.
struct NotifyEmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "email",
        abstract: "Send an e-mail from a template.",
        discussion: """
            Example: sante notify email --to camille@example.fr --template "Document disponible" \
            --var name=Camille
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var server: NotifyServerOptions
    @OptionGroup var message: NotifyMessageOptions

    func run() async throws {
        try await NotifySend.run(type: .email, message: message, server: server, global: options)
    }
}

/// What `sms` and `email` share: resolve the template, send, optionally follow the status, print.
enum NotifySend {
    /// Sends one message and prints the result.
    /// - Throws: `ArgumentParser.ValidationError` (exit 64), ``OperationFailed`` (exit 1), or `ExitCode.failure`
    ///   when `--wait` ends in a failure status.
    static func run(
        type: NotifyNotificationType, message: NotifyMessageOptions, server: NotifyServerOptions,
        global: GlobalOptions
    ) async throws {
        let personalisation = try message.personalisation()
        let result = try await server.withConnection(global: global) { connection in
            do {
                let templateID = try await message.templateID(type: type, client: connection.client)
                let sent: NotifySendResponse
                if type == .email {
                    sent = try await connection.client.sendEmail(
                        NotifyEmail(
                            emailAddress: message.recipient, templateID: templateID,
                            personalisation: personalisation.isEmpty ? nil : personalisation,
                            reference: message.reference))
                } else {
                    sent = try await connection.client.sendSMS(
                        NotifySMS(
                            phoneNumber: message.recipient, templateID: templateID,
                            personalisation: personalisation.isEmpty ? nil : personalisation,
                            reference: message.reference))
                }
                var result = NotifySentResult(type: type, response: sent)
                if message.wait {
                    let history = try await NotifyStatusFollower(connection: connection).follow(id: sent.id)
                    result.statuses = history.map(\.status.rawValue)
                }
                return result
            } catch {
                throw NotifyFailure.exitError(for: error, action: "\(type) send")
            }
        }
        if global.json {
            try Terminal.json(result)
        } else {
            result.printReadably()
        }
        if let last = result.statuses?.last, NotifyNotificationStatus(rawValue: last).isFailure {
            Terminal.info("Error: the message was not delivered: \(last)")
            throw ExitCode.failure
        }
    }
}

/// What `sms` and `email` print.
struct NotifySentResult: Encodable {
    /// The notification's id.
    let id: String
    /// `sms` or `email`.
    let type: String
    /// Your reference.
    let reference: String?
    /// The template's id.
    let templateID: String?
    /// The template's version.
    let templateVersion: Int?
    /// The text sent.
    let body: String?
    /// The e-mail subject.
    let subject: String?
    /// Whether the answer was recovered by reference after a lost response.
    let recoveredByReference: Bool
    /// The statuses seen with `--wait`, in order.
    var statuses: [String]?

    init(type: NotifyNotificationType, response: NotifySendResponse) {
        id = response.id
        self.type = type.rawValue
        reference = response.reference
        templateID = response.template?.id
        templateVersion = response.template?.version
        body = response.content?.body
        subject = response.content?.subject
        recoveredByReference = response.wasRecoveredByReference
    }

    /// Prints the result as readable lines on standard output.
    func printReadably() {
        Terminal.result("Sent \(type) \(id)" + (reference.map { " (reference \($0))" } ?? ""))
        if let templateID {
            Terminal.result("  template: \(templateID)" + (templateVersion.map { " version \($0)" } ?? ""))
        }
        if let subject { Terminal.result("  subject: \(subject)") }
        if let body { Terminal.result("  body: \(NotifyFailure.oneLine(body))") }
        if recoveredByReference { Terminal.result("  (the answer was lost; found by reference, not sent twice)") }
        if let statuses { Terminal.result("  status: \(statuses.joined(separator: " -> "))") }
    }
}

extension NotifyNotificationStatus {
    /// Whether the status says the message will not be delivered.
    var isFailure: Bool {
        [.permanentFailure, .temporaryFailure, .technicalFailure, "validation-failed", "virus-scan-failed"]
            .contains(self)
    }
}
