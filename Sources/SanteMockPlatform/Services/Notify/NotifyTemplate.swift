import Foundation
import SanteCore

/// A template of the mock Notify service, with every version it went through (the last is current).
struct NotifyTemplate: Sendable {
    /// One version of a template.
    struct Version: Sendable {
        /// The version number, from 1.
        let number: Int
        /// The body, with `((placeholder))` fields.
        let body: String
        /// The subject (e-mails and letters), with placeholders.
        let subject: String?
        /// When this version was saved.
        let createdAt: Date
    }

    /// The template identifier, a lower-case UUID.
    let id: String
    /// The template's name.
    let name: String
    /// The kind of message it makes.
    let kind: MockNotifyMessage.Kind
    /// Every version, oldest first; never empty.
    let versions: [Version]

    /// The current version.
    var current: Version? { versions.last }

    /// The version `number`, if it exists.
    func version(_ number: Int) -> Version? {
        versions.first { $0.number == number }
    }

    /// The template's JSON, as `GET /v2/template/{id}[/version/{v}]` answers it.
    func json(version: Version) -> JSONValue {
        let placeholders = NotifyPersonalisation.placeholders(in: [version.subject ?? "", version.body])
        var personalisation: [String: JSONValue] = [:]
        for name in placeholders {
            personalisation[name] = ["required": true]
        }
        let created = NotifyTimestamp.api(versions.first?.createdAt ?? version.createdAt)
        return [
            "id": .string(id),
            "name": .string(name),
            "type": .string(kind.rawValue),
            "created_at": .string(created),
            "updated_at": versions.count > 1 ? .string(NotifyTimestamp.api(version.createdAt)) : .null,
            "created_by": "mock@santekit.invalid",
            "version": .integer(Int64(version.number)),
            "body": .string(version.body),
            "subject": version.subject.map(JSONValue.string) ?? .null,
            "letter_contact_block": kind == .letter ? "Centre de santé SanteKit\n75001 Paris" : .null,
            "postage": kind == .letter ? "second" : .null,
            "personalisation": .object(personalisation),
        ]
    }
}
