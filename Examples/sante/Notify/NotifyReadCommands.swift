import ArgumentParser
import Foundation
import SanteKit

/// `sante notify status ID`: one notification and its current status.
struct NotifyStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Print one notification and its current status.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var server: NotifyServerOptions

    @Argument(help: "The notification's id, as `sms`, `email` or `list` printed it.")
    var id: String

    @Flag(name: .customLong("wait"), help: "Follow the status until it is final.")
    var wait = false

    func run() async throws {
        let notification = try await server.withConnection(global: options) { connection in
            do {
                if wait {
                    let history = try await NotifyStatusFollower(connection: connection).follow(id: id)
                    if let last = history.last { return last }
                }
                return try await connection.client.notification(id: id)
            } catch let error as NotifyError where error.reason == .notFound && connection.isInProcess {
                throw OperationFailed(
                    reason: "no notification \(id) on the in-process mock, which starts empty: point at a "
                        + "persistent server with --mock-url or --base-url")
            } catch {
                throw NotifyFailure.exitError(for: error, action: "status")
            }
        }
        if options.json {
            try Terminal.json(notification)
        } else {
            NotifyOutput.printDetails(notification)
        }
    }
}

/// `sante notify list`: the notifications sent, newest first, following the pages.
struct NotifyListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the notifications sent, newest first (following the pages).")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var server: NotifyServerOptions

    @Option(name: .customLong("type"), help: "Only this type: sms, email or letter.")
    var type: String?

    @Option(name: .customLong("status"), help: "Only this status (such as delivered); repeatable.")
    var statuses: [String] = []

    @Option(name: .customLong("reference"), help: "Only the messages sent with this reference.")
    var reference: String?

    @Option(name: .customLong("older-than"), help: "Start after this notification id.")
    var olderThan: String?

    @Option(name: .customLong("limit"), help: "The most notifications to print (default 50).")
    var limit = 50

    func validate() throws {
        if let type, !["sms", "email", "letter"].contains(type) {
            throw ArgumentParser.ValidationError("--type must be sms, email or letter, got '\(type)'")
        }
        guard limit >= 1 else { throw ArgumentParser.ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let filter = NotifyNotificationFilter(
            templateType: type.map(NotifyNotificationType.init(rawValue:)),
            statuses: statuses.map(NotifyNotificationStatus.init(rawValue:)), reference: reference,
            olderThan: olderThan)
        let notifications = try await server.withConnection(global: options) { connection in
            if connection.isInProcess {
                Terminal.info("The in-process mock starts empty: point at a persistent server with --mock-url.")
            }
            do {
                var found: [NotifyNotification] = []
                for try await notification in connection.client.notifications(filter) {
                    found.append(notification)
                    if found.count >= limit { break }
                }
                return found
            } catch {
                throw NotifyFailure.exitError(for: error, action: "list")
            }
        }
        if options.json {
            try Terminal.json(notifications)
        } else {
            for notification in notifications { Terminal.result(NotifyOutput.line(notification)) }
            Terminal.info("\(notifications.count) notification\(notifications.count == 1 ? "" : "s")")
        }
    }
}

/// `sante notify templates`: the service's templates and their placeholders.
struct NotifyTemplatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates", abstract: "List the service's templates and their placeholders.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var server: NotifyServerOptions

    @Option(name: .customLong("type"), help: "Only this type: sms, email or letter.")
    var type: String?

    func run() async throws {
        let templates = try await server.withConnection(global: options) { connection in
            do {
                return try await connection.client.templates(type: type.map(NotifyNotificationType.init(rawValue:)))
            } catch {
                throw NotifyFailure.exitError(for: error, action: "templates")
            }
        }
        if options.json {
            try Terminal.json(templates)
        } else {
            for template in templates {
                let placeholders = template.placeholders.map { "((\($0)))" }.joined(separator: " ")
                Terminal.result(
                    "\(template.id)  \(template.type?.rawValue ?? "?")  \(template.name ?? "")"
                        + (template.version.map { " (version \($0))" } ?? "")
                        + (placeholders.isEmpty ? "" : "  \(placeholders)"))
            }
        }
    }
}

/// Readable forms of notifications.
enum NotifyOutput {
    /// One line: id, type, status, creation time, recipient, reference.
    static func line(_ notification: NotifyNotification) -> String {
        let recipient =
            notification.phoneNumber ?? notification.emailAddress ?? notification.addressLines.first ?? "?"
        return [
            notification.id, notification.type?.rawValue ?? "?", notification.status.rawValue,
            notification.createdAt?.rawValue ?? "?", recipient, notification.reference ?? "",
        ].joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }

    /// The notification as indented lines on standard output.
    static func printDetails(_ notification: NotifyNotification) {
        Terminal.result(
            "\(notification.id)  \(notification.type?.rawValue ?? "?")  \(notification.status.rawValue)")
        let recipient = notification.phoneNumber ?? notification.emailAddress
        if let recipient { Terminal.result("  to: \(recipient)") }
        if !notification.addressLines.isEmpty {
            Terminal.result("  address: \(notification.addressLines.joined(separator: ", "))")
        }
        if let reference = notification.reference { Terminal.result("  reference: \(reference)") }
        if let template = notification.template {
            Terminal.result("  template: \(template.id)" + (template.version.map { " version \($0)" } ?? ""))
        }
        let times = [
            ("created", notification.createdAt), ("sent", notification.sentAt),
            ("completed", notification.completedAt),
        ]
        .compactMap { name, time in time.map { "\(name) \($0.rawValue)" } }
        if !times.isEmpty { Terminal.result("  " + times.joined(separator: ", ")) }
        if let subject = notification.subject { Terminal.result("  subject: \(subject)") }
        if let body = notification.body { Terminal.result("  body: \(NotifyFailure.oneLine(body))") }
    }
}
