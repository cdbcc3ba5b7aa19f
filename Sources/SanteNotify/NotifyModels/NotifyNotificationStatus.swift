/// A Notify message status, such as `delivered` or `permanent-failure`.
///
/// Statuses are open: a value Notify adds later decodes too.
public struct NotifyNotificationStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The status as Notify writes it.
    public let rawValue: String

    /// Creates a status.
    /// - Parameter rawValue: The status as Notify writes it.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a status from a literal.
    /// - Parameter value: The status as Notify writes it.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Decodes a JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The status as Notify writes it.
    public var description: String { rawValue }

    /// Accepted, not yet handed to a provider.
    public static let created: NotifyNotificationStatus = "created"
    /// Handed to a provider, waiting for its receipt.
    public static let sending: NotifyNotificationStatus = "sending"
    /// SMS: waiting for more information from the provider.
    public static let pending: NotifyNotificationStatus = "pending"
    /// SMS sent abroad: no receipt will come.
    public static let sent: NotifyNotificationStatus = "sent"
    /// Delivered.
    public static let delivered: NotifyNotificationStatus = "delivered"
    /// The recipient does not exist or refuses messages.
    public static let permanentFailure: NotifyNotificationStatus = "permanent-failure"
    /// The recipient could not be reached for now (phone off, inbox full).
    public static let temporaryFailure: NotifyNotificationStatus = "temporary-failure"
    /// A Notify or provider fault.
    public static let technicalFailure: NotifyNotificationStatus = "technical-failure"
    /// Letter: accepted for printing.
    public static let accepted: NotifyNotificationStatus = "accepted"
    /// Letter: received by the printer.
    public static let received: NotifyNotificationStatus = "received"
    /// Letter: cancelled.
    public static let cancelled: NotifyNotificationStatus = "cancelled"

    /// Whether no later status will follow (delivered, sent, received, cancelled, or a failure).
    public var isFinal: Bool {
        switch self {
        case .delivered, .sent, .received, .cancelled, .permanentFailure, .temporaryFailure, .technicalFailure,
            "validation-failed", "virus-scan-failed":
            true
        default: false
        }
    }
}

/// A Notify message type: `sms`, `email` or `letter`.
public struct NotifyNotificationType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The type as Notify writes it.
    public let rawValue: String

    /// Creates a type.
    /// - Parameter rawValue: The type as Notify writes it.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Decodes a JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The type as Notify writes it.
    public var description: String { rawValue }

    /// A text message.
    public static let sms = NotifyNotificationType(rawValue: "sms")
    /// An e-mail.
    public static let email = NotifyNotificationType(rawValue: "email")
    /// A letter.
    public static let letter = NotifyNotificationType(rawValue: "letter")
}
