public import SanteCore

/// A Notify delivery receipt: the body of a Notify status callback, and the `data` of a
/// `notification.status-changed` webhook.
///
/// Every member is a string except ``templateVersion``; members not modelled are kept.
public struct NotifyDeliveryReceipt: Sendable, Hashable, Codable {
    /// The notification's id.
    public var id: String
    /// The caller's reference, when the message was sent with one.
    public var reference: String?
    /// The recipient (phone number or e-mail address).
    public var to: String?
    /// The new status.
    public var status: NotifyNotificationStatus
    /// When the message was created.
    public var createdAt: NotifyTimestamp?
    /// When the message reached a final status.
    public var completedAt: NotifyTimestamp?
    /// When the message was handed to the provider.
    public var sentAt: NotifyTimestamp?
    /// `sms`, `email` or `letter`.
    public var notificationType: NotifyNotificationType?
    /// The template's id.
    public var templateID: String?
    /// The template's version.
    public var templateVersion: Int?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a receipt.
    /// - Parameters:
    ///   - id: The notification's id.
    ///   - status: The new status.
    ///   - reference: The caller's reference.
    ///   - to: The recipient.
    ///   - notificationType: The message type.
    public init(
        id: String, status: NotifyNotificationStatus, reference: String? = nil, to: String? = nil,
        notificationType: NotifyNotificationType? = nil
    ) {
        self.id = id
        self.status = status
        self.reference = reference
        self.to = to
        self.notificationType = notificationType
    }

    /// Decodes a receipt, keeping unknown members (a numeric version written as text is read too).
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.required("id")
        reference = try object.optional("reference")
        to = try object.optional("to")
        status = try object.required("status")
        createdAt = try object.optional("created_at")
        completedAt = try object.optional("completed_at")
        sentAt = try object.optional("sent_at")
        notificationType = try object.optional("notification_type")
        templateID = try object.optional("template_id")
        switch try object.optional("template_version", as: JSONValue.self) {
        case .integer(let number): templateVersion = Int(number)
        case .string(let text): templateVersion = Int(text)
        case .number(let number): templateVersion = Int(exactly: number)
        default: templateVersion = nil
        }
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the receipt with its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(reference, "reference")
        try object.encode(to, "to")
        try object.encode(status, "status")
        try object.encode(createdAt, "created_at")
        try object.encode(completedAt, "completed_at")
        try object.encode(sentAt, "sent_at")
        try object.encode(notificationType, "notification_type")
        try object.encode(templateID, "template_id")
        try object.encode(templateVersion, "template_version")
        try object.finish(with: additionalMembers)
    }
}
