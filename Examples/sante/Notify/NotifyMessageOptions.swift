import ArgumentParser
import Foundation
import SanteKit

/// The options of a message to send: recipient, template, `--var` values and reference.
struct NotifyMessageOptions: ParsableArguments {
    @Option(name: .customLong("to"), help: "The recipient: a phone number (sms) or an e-mail address (email).")
    var recipient: String

    @Option(
        name: .customLong("template"),
        help: "The template: its id, or its name as `sante notify templates` lists it.")
    var template: String

    @Option(
        name: .customLong("var"),
        help: ArgumentHelp("A template placeholder value, written name=value; repeatable.", valueName: "name=value"))
    var variables: [String] = []

    @Option(
        name: .customLong("reference"),
        help: "Your unique reference for the message (no personal data); lets a lost answer be recovered safely.")
    var reference: String?

    @Flag(name: .customLong("wait"), help: "Follow the message's status until it is final.")
    var wait = false

    func validate() throws {
        _ = try personalisation()
        if recipient.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ArgumentParser.ValidationError("--to must not be empty")
        }
        if template.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ArgumentParser.ValidationError("--template must not be empty")
        }
    }

    /// The `--var` values.
    /// - Throws: `ArgumentParser.ValidationError` (exit 64) for a value not written `name=value`, an empty
    ///   name, or a name given twice.
    func personalisation() throws -> [String: NotifyPersonalisationValue] {
        try Self.parse(variables)
    }

    /// Parses `name=value` pairs (the value may contain `=` and be empty).
    static func parse(_ pairs: [String]) throws -> [String: NotifyPersonalisationValue] {
        var values: [String: NotifyPersonalisationValue] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "=") else {
                throw ArgumentParser.ValidationError("--var must be written name=value, got '\(pair)'")
            }
            let name = pair[..<equals].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                throw ArgumentParser.ValidationError("--var needs a name before '=', got '\(pair)'")
            }
            guard values[name] == nil else {
                throw ArgumentParser.ValidationError("--var \(name) is given twice")
            }
            values[name] = .string(String(pair[pair.index(after: equals)...]))
        }
        return values
    }

    /// The template's id: `--template` itself when it is a UUID, else the id of the template of `type`
    /// with that name (case-insensitive).
    /// - Throws: ``OperationFailed`` when no template has that name, or what listing the templates throws.
    func templateID(type: NotifyNotificationType, client: NotifyClient) async throws -> String {
        let text = template.trimmingCharacters(in: .whitespaces)
        if UUID(uuidString: text) != nil { return text }
        let templates = try await client.templates(type: type)
        let wanted = text.lowercased()
        guard let match = templates.first(where: { ($0.name ?? "").lowercased() == wanted }) else {
            let names = templates.compactMap(\.name).map { "'\($0)'" }.joined(separator: ", ")
            throw OperationFailed(
                reason: "no \(type) template is named '\(text)'"
                    + (names.isEmpty ? "" : "; the \(type) templates are \(names)"))
        }
        return match.id
    }
}
