public import Foundation

/// The filters of `GET /v2/notifications`.
public struct NotifyNotificationFilter: Sendable, Hashable {
    /// Only messages of this type.
    public var templateType: NotifyNotificationType?
    /// Only messages in one of these statuses (repeated `status` parameters).
    public var statuses: [NotifyNotificationStatus]
    /// Only messages sent with this reference.
    public var reference: String?
    /// Start after (older than) this notification id.
    public var olderThan: String?
    /// Include messages sent in bulk from the web interface.
    public var includeJobs: Bool?

    /// Creates a filter.
    /// - Parameters:
    ///   - templateType: The message type.
    ///   - statuses: The statuses.
    ///   - reference: The reference.
    ///   - olderThan: The id to start after.
    ///   - includeJobs: Whether bulk messages are included.
    public init(
        templateType: NotifyNotificationType? = nil, statuses: [NotifyNotificationStatus] = [],
        reference: String? = nil, olderThan: String? = nil, includeJobs: Bool? = nil
    ) {
        self.templateType = templateType
        self.statuses = statuses
        self.reference = reference
        self.olderThan = olderThan
        self.includeJobs = includeJobs
    }

    /// The query items, in a stable order.
    public var queryItems: [URLQueryItem] {
        var items: [URLQueryItem] = []
        if let templateType { items.append(URLQueryItem(name: "template_type", value: templateType.rawValue)) }
        for status in statuses { items.append(URLQueryItem(name: "status", value: status.rawValue)) }
        if let reference { items.append(URLQueryItem(name: "reference", value: reference)) }
        if let olderThan { items.append(URLQueryItem(name: "older_than", value: olderThan)) }
        if let includeJobs { items.append(URLQueryItem(name: "include_jobs", value: includeJobs ? "true" : "false")) }
        return items
    }
}
