public import Foundation

/// A text message to send: `POST /v2/notifications/sms`.
public struct NotifySMS: Sendable, Hashable, Encodable {
    /// The recipient's phone number.
    public var phoneNumber: String
    /// The template's id.
    public var templateID: String
    /// The values of the template's `((placeholders))`.
    public var personalisation: [String: NotifyPersonalisationValue]?
    /// Your reference for the message (no personal data). With one, the client can recover a send whose
    /// response was lost without sending twice: make it unique per message.
    public var reference: String?
    /// The id of the sender (a name or number) to send from, when not the default.
    public var smsSenderID: String?

    /// Creates a text message.
    /// - Parameters:
    ///   - phoneNumber: The recipient's phone number.
    ///   - templateID: The template's id.
    ///   - personalisation: The placeholder values.
    ///   - reference: Your unique reference (no personal data).
    ///   - smsSenderID: The sender's id.
    public init(
        phoneNumber: String, templateID: String, personalisation: [String: NotifyPersonalisationValue]? = nil,
        reference: String? = nil, smsSenderID: String? = nil
    ) {
        self.phoneNumber = phoneNumber
        self.templateID = templateID
        self.personalisation = personalisation
        self.reference = reference
        self.smsSenderID = smsSenderID
    }

    private enum CodingKeys: String, CodingKey {
        case phoneNumber = "phone_number", templateID = "template_id", personalisation, reference
        case smsSenderID = "sms_sender_id"
    }
}

/// An e-mail to send: `POST /v2/notifications/email`.
public struct NotifyEmail: Sendable, Hashable, Encodable {
    /// The recipient's address.
    public var emailAddress: String
    /// The template's id.
    public var templateID: String
    /// The values of the template's `((placeholders))`.
    public var personalisation: [String: NotifyPersonalisationValue]?
    /// Your reference for the message (no personal data; unique per message for safe recovery).
    public var reference: String?
    /// The id of the reply-to address, when not the default.
    public var emailReplyToID: String?
    /// The URL of a one-click unsubscribe link.
    public var oneClickUnsubscribeURL: String?
    /// Content Notify should sanitise before sending (`sanitise_content_for`), when the API asks for it.
    public var sanitiseContentFor: String?

    /// Creates an e-mail.
    /// - Parameters:
    ///   - emailAddress: The recipient's address.
    ///   - templateID: The template's id.
    ///   - personalisation: The placeholder values.
    ///   - reference: Your unique reference (no personal data).
    ///   - emailReplyToID: The reply-to address's id.
    ///   - oneClickUnsubscribeURL: A one-click unsubscribe URL.
    public init(
        emailAddress: String, templateID: String, personalisation: [String: NotifyPersonalisationValue]? = nil,
        reference: String? = nil, emailReplyToID: String? = nil, oneClickUnsubscribeURL: String? = nil
    ) {
        self.emailAddress = emailAddress
        self.templateID = templateID
        self.personalisation = personalisation
        self.reference = reference
        self.emailReplyToID = emailReplyToID
        self.oneClickUnsubscribeURL = oneClickUnsubscribeURL
    }

    private enum CodingKeys: String, CodingKey {
        case emailAddress = "email_address", templateID = "template_id", personalisation, reference
        case emailReplyToID = "email_reply_to_id", oneClickUnsubscribeURL = "one_click_unsubscribe_url"
        case sanitiseContentFor = "sanitise_content_for"
    }
}

/// A letter to send from a template: `POST /v2/notifications/letter`.
///
/// The personalisation carries the address (`address_line_1` to `address_line_7`, at least three lines,
/// the last a postcode or a country) beside the template's placeholders.
public struct NotifyLetter: Sendable, Hashable, Encodable {
    /// The template's id.
    public var templateID: String
    /// The address lines and placeholder values.
    public var personalisation: [String: NotifyPersonalisationValue]
    /// Your reference for the letter (no personal data; unique per letter for safe recovery).
    public var reference: String?

    /// Creates a letter.
    /// - Parameters:
    ///   - templateID: The template's id.
    ///   - addressLines: The address, 3 to 7 lines; they become `address_line_1`….
    ///   - personalisation: The other placeholder values.
    ///   - reference: Your unique reference.
    public init(
        templateID: String, addressLines: [String], personalisation: [String: NotifyPersonalisationValue] = [:],
        reference: String? = nil
    ) {
        var values = personalisation
        for (index, line) in addressLines.prefix(7).enumerated() {
            values["address_line_\(index + 1)"] = .string(line)
        }
        self.templateID = templateID
        self.personalisation = values
        self.reference = reference
    }

    private enum CodingKeys: String, CodingKey {
        case templateID = "template_id", personalisation, reference
    }
}

/// A precompiled letter (a PDF you made): `POST /v2/notifications/letter` with `content`.
public struct NotifyPrecompiledLetter: Sendable, Hashable, Encodable {
    /// Your reference for the letter (required for precompiled letters).
    public var reference: String
    /// The PDF's bytes.
    public var pdf: Data
    /// `first`, `second`, `economy`, `europe` or `rest-of-world`, when not the default.
    public var postage: String?

    /// Creates a precompiled letter.
    /// - Parameters:
    ///   - reference: Your reference.
    ///   - pdf: The PDF's bytes.
    ///   - postage: The postage class.
    public init(reference: String, pdf: Data, postage: String? = nil) {
        self.reference = reference
        self.pdf = pdf
        self.postage = postage
    }

    private enum CodingKeys: String, CodingKey {
        case reference, content, postage
    }

    /// Encodes `{"reference", "content": <base64 PDF>, "postage"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reference, forKey: .reference)
        try container.encode(pdf.base64EncodedString(), forKey: .content)
        try container.encodeIfPresent(postage, forKey: .postage)
    }
}
