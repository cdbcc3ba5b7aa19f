/// What a subscription notification is (`type` of the status Parameters).
public struct SubscriptionNotificationType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The code as written.
    public let rawValue: String

    /// Creates a value.
    /// - Parameter rawValue: The code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The code as written.
    public var description: String { rawValue }

    /// Sent once at creation: answer 2xx to activate the subscription.
    public static let handshake = SubscriptionNotificationType(rawValue: "handshake")
    /// Sent every heartbeat period when nothing happened.
    public static let heartbeat = SubscriptionNotificationType(rawValue: "heartbeat")
    /// One or more events.
    public static let eventNotification = SubscriptionNotificationType(rawValue: "event-notification")
    /// The answer of `$status`.
    public static let queryStatus = SubscriptionNotificationType(rawValue: "query-status")
    /// The answer of `$events`.
    public static let queryEvent = SubscriptionNotificationType(rawValue: "query-event")
}
