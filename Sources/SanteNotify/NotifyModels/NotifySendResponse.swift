public import SanteCore

/// Notify's answer to a send (`201`): the new notification's id and what was sent.
public struct NotifySendResponse: Sendable, Hashable, Codable {
    /// What was sent.
    public struct Content: Sendable, Hashable, Codable {
        /// The message text with the placeholders filled in.
        public var body: String?
        /// The e-mail subject (e-mail and letters).
        public var subject: String?
        /// The sender's number or name (SMS).
        public var fromNumber: String?
        /// The sender's address (e-mail).
        public var fromEmail: String?
        /// The one-click unsubscribe URL (e-mail).
        public var oneClickUnsubscribeURL: String?
        /// Members not modelled here.
        public var additionalMembers: [String: JSONValue] = [:]

        /// Creates content.
        /// - Parameters:
        ///   - body: The text.
        ///   - subject: The subject.
        public init(body: String? = nil, subject: String? = nil) {
            self.body = body
            self.subject = subject
        }

        /// Decodes the content, keeping unknown members.
        public init(from decoder: any Decoder) throws {
            var object = try FHIRObjectDecoder(decoder)
            body = try object.optional("body")
            subject = try object.optional("subject")
            fromNumber = try object.optional("from_number")
            fromEmail = try object.optional("from_email")
            oneClickUnsubscribeURL = try object.optional("one_click_unsubscribe_url")
            additionalMembers = try object.remainingMembers()
        }

        /// Encodes the content with its kept members.
        public func encode(to encoder: any Encoder) throws {
            var object = FHIRObjectEncoder(encoder)
            try object.encode(body, "body")
            try object.encode(subject, "subject")
            try object.encode(fromNumber, "from_number")
            try object.encode(fromEmail, "from_email")
            try object.encode(oneClickUnsubscribeURL, "one_click_unsubscribe_url")
            try object.finish(with: additionalMembers)
        }
    }

    /// The notification's id: keep it to follow its status.
    public var id: String
    /// Your reference, echoed.
    public var reference: String?
    /// What was sent.
    public var content: Content?
    /// The notification's API URL.
    public var uri: String?
    /// The template used.
    public var template: NotifyTemplateReference?
    /// When a letter is scheduled for.
    public var scheduledFor: NotifyTimestamp?
    /// Whether this answer was not Notify's `201` but the result of looking the message up by reference,
    /// after a send whose response was lost (Notify had accepted the message; it was not sent twice).
    public var wasRecoveredByReference: Bool = false
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a response.
    /// - Parameters:
    ///   - id: The notification's id.
    ///   - reference: Your reference.
    ///   - content: What was sent.
    ///   - template: The template used.
    public init(
        id: String, reference: String? = nil, content: Content? = nil, template: NotifyTemplateReference? = nil
    ) {
        self.id = id
        self.reference = reference
        self.content = content
        self.template = template
    }

    /// The response a send would have had, rebuilt from the notification found by reference.
    /// - Parameter notification: The notification found.
    public init(recovered notification: NotifyNotification) {
        id = notification.id
        reference = notification.reference
        content = Content(body: notification.body, subject: notification.subject)
        template = notification.template
        scheduledFor = notification.scheduledFor
        wasRecoveredByReference = true
    }

    /// Decodes the response, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.required("id")
        reference = try object.optional("reference")
        content = try object.optional("content")
        uri = try object.optional("uri")
        template = try object.optional("template")
        scheduledFor = try object.optional("scheduled_for")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the response with its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(reference, "reference")
        try object.encode(content, "content")
        try object.encode(uri, "uri")
        try object.encode(template, "template")
        try object.encode(scheduledFor, "scheduled_for")
        try object.finish(with: additionalMembers)
    }
}
