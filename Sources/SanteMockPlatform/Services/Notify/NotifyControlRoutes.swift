import Foundation
import Hummingbird
import SanteCore

/// `GET /_mock/notify/messages` (every message accepted, oldest first, with its status now) and
/// `DELETE /_mock/notify/messages` (forget them).
enum NotifyControlRoutes {
    static func register(on group: RouterGroup<MockRequestContext>, state: NotifyServiceState) {
        let clock = state.environment.clock
        group.get("notify/messages") { _, _ in
            let now = clock.now()
            let messages = await state.allMessages().map { json($0, now: now) }
            return try MockJSON.response(JSONValue.array(messages))
        }
        group.delete("notify/messages") { _, _ in
            await state.clear()
            return Response(status: .noContent)
        }
    }

    /// A message as the control shows it.
    static func json(_ message: MockNotifyMessage, now: Date) -> JSONValue {
        [
            "id": .string(message.id),
            "type": .string(message.kind.rawValue),
            "recipient": .string(message.recipient),
            "reference": message.reference.map(JSONValue.string) ?? .null,
            "templateId": .string(message.templateID),
            "templateVersion": .integer(Int64(message.templateVersion)),
            "body": .string(message.body),
            "subject": message.subject.map(JSONValue.string) ?? .null,
            "personalisation": message.personalisation,
            "createdAt": .string(message.createdAt.formatted(.iso8601)),
            "status": .string(message.status(at: now)),
            "finalStatus": .string(message.finalStatus),
        ]
    }
}
