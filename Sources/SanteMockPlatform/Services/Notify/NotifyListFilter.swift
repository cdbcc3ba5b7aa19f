import Foundation

/// The filters of `GET /v2/notifications`: `template_type`, `status` (repeatable, or comma-separated),
/// `reference`.
struct NotifyListFilter: Sendable {
    let kind: MockNotifyMessage.Kind?
    let statuses: Set<String>
    let reference: String?

    /// Reads and checks the filters.
    /// - Throws: `400 ValidationError` for an unknown template type or status.
    init(query: QueryString) throws(NotifyAPIError) {
        if let type = query.first("template_type") {
            guard let kind = MockNotifyMessage.Kind(rawValue: type) else {
                throw .validation("template_type \(type) is not one of [sms, email, letter]")
            }
            self.kind = kind
        } else {
            self.kind = nil
        }
        var statuses: Set<String> = []
        for value in query.all("status") {
            for status in value.split(separator: ",").map(String.init) where !status.isEmpty {
                guard NotifyService.knownStatuses.contains(status) else {
                    throw .validation(
                        "status \(status) is not one of [\(NotifyService.knownStatuses.sorted().joined(separator: ", "))]"
                    )
                }
                if status == "failed" {
                    statuses.formUnion(["permanent-failure", "temporary-failure", "technical-failure"])
                } else {
                    statuses.insert(status)
                }
            }
        }
        self.statuses = statuses
        self.reference = query.first("reference")
    }

    /// Whether `message` passes every filter at `now`.
    func matches(_ message: MockNotifyMessage, at now: Date) -> Bool {
        if let kind, message.kind != kind { return false }
        if let reference, message.reference != reference { return false }
        if !statuses.isEmpty, !statuses.contains(message.status(at: now)) { return false }
        return true
    }
}
