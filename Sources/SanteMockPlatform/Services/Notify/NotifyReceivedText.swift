import Foundation
import SanteCore

/// A text message received by the service's number (seeded; `GET /v2/received-text-messages`).
struct NotifyReceivedText: Sendable {
    let id: String
    let userNumber: String
    let notifyNumber: String
    let content: String
    let createdAt: Date

    /// The JSON of `GET /v2/received-text-messages`.
    func json(serviceID: String) -> JSONValue {
        [
            "id": .string(id),
            "user_number": .string(userNumber),
            "notify_number": .string(notifyNumber),
            "content": .string(content),
            "created_at": .string(NotifyTimestamp.api(createdAt)),
            "service_id": .string(serviceID),
        ]
    }

    /// The seeded messages, newest first.
    static let seeded: [NotifyReceivedText] = [
        NotifyReceivedText(
            id: "3b1f0c9e-7a52-4d6b-8e44-1c2d3e4f5a02", userNumber: "+33612345678", notifyNumber: "+33700000000",
            content: "Je confirme mon rendez-vous de demain.", createdAt: Date(timeIntervalSince1970: 1_767_229_200)),
        NotifyReceivedText(
            id: "3b1f0c9e-7a52-4d6b-8e44-1c2d3e4f5a01", userNumber: "+33698765432", notifyNumber: "+33700000000",
            content: "STOP", createdAt: Date(timeIntervalSince1970: 1_767_225_600)),
    ]
}
