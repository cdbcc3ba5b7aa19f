public import SanteCore

/// A notification as `GET /v2/notifications/{id}` and the listings return it.
public struct NotifyNotification: Sendable, Hashable, Codable {
    /// The notification's id.
    public var id: String
    /// Your reference.
    public var reference: String?
    /// The recipient's address (e-mail).
    public var emailAddress: String?
    /// The recipient's number (SMS).
    public var phoneNumber: String?
    /// The address lines `line_1`…`line_7` (letters), in order, absent lines skipped.
    public var addressLines: [String]
    /// `sms`, `email` or `letter`.
    public var type: NotifyNotificationType?
    /// The current status.
    public var status: NotifyNotificationStatus
    /// The template used.
    public var template: NotifyTemplateReference?
    /// The text sent.
    public var body: String?
    /// The subject (e-mail, letters).
    public var subject: String?
    /// When the notification was created.
    public var createdAt: NotifyTimestamp?
    /// Who sent it from the Notify web interface, if someone did.
    public var createdByName: String?
    /// When it was handed to the provider.
    public var sentAt: NotifyTimestamp?
    /// When it reached a final status.
    public var completedAt: NotifyTimestamp?
    /// When a letter is scheduled for.
    public var scheduledFor: NotifyTimestamp?
    /// The letter's postage class.
    public var postage: String?
    /// Whether the e-mail carried a one-click unsubscribe link.
    public var oneClickUnsubscribe: String?
    /// Whether the cost is known yet.
    public var isCostDataReady: Bool?
    /// The cost, in pounds.
    public var costInPounds: Double?
    /// The cost's breakdown, as Notify writes it.
    public var costDetails: JSONValue?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a notification.
    /// - Parameters:
    ///   - id: The id.
    ///   - status: The status.
    ///   - type: The type.
    ///   - reference: Your reference.
    public init(
        id: String, status: NotifyNotificationStatus, type: NotifyNotificationType? = nil, reference: String? = nil
    ) {
        self.id = id
        self.status = status
        self.type = type
        self.reference = reference
        self.addressLines = []
    }

    /// Decodes the notification, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.required("id")
        reference = try object.optional("reference")
        emailAddress = try object.optional("email_address")
        phoneNumber = try object.optional("phone_number")
        var lines: [String] = []
        for number in 1...7 {
            if let line = try object.optional("line_\(number)", as: String.self) { lines.append(line) }
        }
        addressLines = lines
        type = try object.optional("type")
        status = try object.required("status")
        template = try object.optional("template")
        body = try object.optional("body")
        subject = try object.optional("subject")
        createdAt = try object.optional("created_at")
        createdByName = try object.optional("created_by_name")
        sentAt = try object.optional("sent_at")
        completedAt = try object.optional("completed_at")
        scheduledFor = try object.optional("scheduled_for")
        postage = try object.optional("postage")
        oneClickUnsubscribe = try object.optional("one_click_unsubscribe", as: JSONValue.self).flatMap {
            $0.stringValue ?? $0.boolValue.map { String($0) }
        }
        isCostDataReady = try object.optional("is_cost_data_ready")
        costInPounds = try object.optional("cost_in_pounds")
        costDetails = try object.optional("cost_details")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the notification with its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(reference, "reference")
        try object.encode(emailAddress, "email_address")
        try object.encode(phoneNumber, "phone_number")
        for (index, line) in addressLines.prefix(7).enumerated() { try object.encode(line, "line_\(index + 1)") }
        try object.encode(type, "type")
        try object.encode(status, "status")
        try object.encode(template, "template")
        try object.encode(body, "body")
        try object.encode(subject, "subject")
        try object.encode(createdAt, "created_at")
        try object.encode(createdByName, "created_by_name")
        try object.encode(sentAt, "sent_at")
        try object.encode(completedAt, "completed_at")
        try object.encode(scheduledFor, "scheduled_for")
        try object.encode(postage, "postage")
        try object.encode(oneClickUnsubscribe, "one_click_unsubscribe")
        try object.encode(isCostDataReady, "is_cost_data_ready")
        try object.encode(costInPounds, "cost_in_pounds")
        try object.encode(costDetails, "cost_details")
        try object.finish(with: additionalMembers)
    }
}
