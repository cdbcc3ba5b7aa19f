import Foundation
import SanteCore

/// The JSON shapes of notifications: the `201` answers to sends, `GET /v2/notifications/{id}`, and the
/// delivery receipt of callbacks.
enum NotifyMessageJSON {
    /// The number the mock's text messages come from.
    static let fromNumber = "SANTEKIT"
    /// The address the mock's e-mails come from.
    static let fromEmail = "notifications@santekit.invalid"

    /// The `201` answer to a send.
    static func created(_ message: MockNotifyMessage, base: String) -> JSONValue {
        var value: [String: JSONValue] = [
            "id": .string(message.id),
            "reference": message.reference.map(JSONValue.string) ?? .null,
            "uri": .string("\(base)/v2/notifications/\(message.id)"),
            "template": template(message, base: base),
            "scheduled_for": .null,
        ]
        switch message.kind {
        case .sms:
            value["content"] = ["body": .string(message.body), "from_number": .string(fromNumber)]
        case .email:
            value["content"] = [
                "body": .string(message.body), "subject": .string(message.subject ?? ""),
                "from_email": .string(fromEmail), "one_click_unsubscribe_url": .null,
            ]
        case .letter:
            if message.templateID == MockNotifyTemplates.precompiledLetter {
                return [
                    "id": .string(message.id),
                    "reference": message.reference.map(JSONValue.string) ?? .null,
                    "postage": message.personalisation["postage"] ?? "second",
                ]
            }
            value["content"] = ["body": .string(message.body), "subject": .string(message.subject ?? "")]
        }
        return .object(value)
    }

    /// The answer to `GET /v2/notifications/{id}` at `now`.
    static func full(_ message: MockNotifyMessage, base: String, now: Date) -> JSONValue {
        let lines = message.kind == .letter ? message.recipient.split(separator: "\n").map(String.init) : []
        var value: [String: JSONValue] = [
            "id": .string(message.id),
            "reference": message.reference.map(JSONValue.string) ?? .null,
            "email_address": message.kind == .email ? .string(message.recipient) : .null,
            "phone_number": message.kind == .sms ? .string(message.recipient) : .null,
            "type": .string(message.kind.rawValue),
            "status": .string(message.status(at: now)),
            "template": template(message, base: base),
            "body": .string(message.body),
            "subject": message.subject.map(JSONValue.string) ?? .null,
            "created_at": .string(NotifyTimestamp.api(message.createdAt)),
            "created_by_name": .null,
            "sent_at": message.sentAt(at: now).map { .string(NotifyTimestamp.api($0)) } ?? .null,
            "completed_at": message.completedAt(at: now).map { .string(NotifyTimestamp.api($0)) } ?? .null,
            "scheduled_for": .null,
            "postage": message.kind == .letter ? (message.personalisation["postage"] ?? "second") : .null,
            "one_click_unsubscribe": .null,
            "is_cost_data_ready": true,
            "cost_in_pounds": 0.0,
            "cost_details": message.kind == .sms
                ? ["billable_sms_fragments": 1, "international_multiplier": 1, "sms_rate": 0.0]
                : message.kind == .letter ? ["billable_sheets_of_paper": 1, "postage": "second"] : [:],
        ]
        for index in 1...7 {
            value["line_\(index)"] = index <= lines.count ? .string(lines[index - 1]) : .null
        }
        value["postcode"] = lines.last.map(JSONValue.string) ?? .null
        return .object(value)
    }

    /// The delivery receipt a callback carries (strings except `template_version`).
    static func receipt(_ message: MockNotifyMessage, at date: Date) -> JSONValue {
        [
            "id": .string(message.id),
            "reference": message.reference.map(JSONValue.string) ?? .null,
            "to": .string(message.recipient),
            "status": .string(message.status(at: date)),
            "created_at": .string(NotifyTimestamp.callback(message.createdAt)),
            "completed_at": message.completedAt(at: date).map { .string(NotifyTimestamp.callback($0)) } ?? .null,
            "sent_at": message.sentAt(at: date).map { .string(NotifyTimestamp.callback($0)) } ?? .null,
            "notification_type": .string(message.kind.rawValue),
            "template_id": .string(message.templateID),
            "template_version": .integer(Int64(message.templateVersion)),
        ]
    }

    private static func template(_ message: MockNotifyMessage, base: String) -> JSONValue {
        [
            "id": .string(message.templateID),
            "version": .integer(Int64(message.templateVersion)),
            "uri": .string("\(base)/v2/template/\(message.templateID)/version/\(message.templateVersion)"),
        ]
    }
}
