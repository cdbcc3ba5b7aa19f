import Foundation
import SanteCore

/// A validated send request, ready to be recorded.
struct NotifyDraft: Sendable {
    let kind: MockNotifyMessage.Kind
    let recipient: String
    let finalStatus: String
    let reference: String?
    let templateID: String
    let templateVersion: Int
    let body: String
    let subject: String?
    let personalisation: JSONValue
    /// The address lines of a letter (empty for SMS and e-mail).
    let addressLines: [String]
    /// Whether the letter is a precompiled PDF.
    let isPrecompiled: Bool
}

/// Validates the bodies of `POST /v2/notifications/{sms,email,letter}` like the real service.
enum NotifyDraftParser {
    /// The longest text message body accepted: 918 characters (6 fragments).
    static let maximumSMSLength = 918

    /// Parses a request body as a JSON object.
    static func object(_ data: Data) throws(NotifyAPIError) -> [String: JSONValue] {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw .badRequest("Invalid JSON supplied in POST data")
        }
        guard let object = value.objectValue else {
            throw .validation("request body is not of type object")
        }
        return object
    }

    /// `POST /v2/notifications/sms`.
    static func sms(_ body: [String: JSONValue]) throws(NotifyAPIError) -> NotifyDraft {
        let phone = try requiredString(body, "phone_number")
        let templateID = try requiredString(body, "template_id")
        let reference = try optionalString(body, "reference")
        _ = try optionalString(body, "sms_sender_id")
        guard let e164 = NotifyRecipients.normalisedPhoneNumber(phone) else {
            throw .validation("phone_number Not a valid phone number")
        }
        let values = try personalisation(body)
        let (template, version) = try resolveTemplate(templateID, kind: .sms)
        try checkMissing([version.body], values: values)
        let text = NotifyPersonalisation.render(version.body, values: values)
        guard text.count <= maximumSMSLength else {
            throw .badRequest(
                "Text messages cannot be longer than \(maximumSMSLength) characters. "
                    + "Your message is \(text.count) characters")
        }
        return NotifyDraft(
            kind: .sms, recipient: phone, finalStatus: NotifyRecipients.finalStatus(phoneNumber: e164),
            reference: reference, templateID: template.id, templateVersion: version.number, body: text, subject: nil,
            personalisation: .object(values), addressLines: [], isPrecompiled: false)
    }

    /// `POST /v2/notifications/email`.
    static func email(_ body: [String: JSONValue]) throws(NotifyAPIError) -> NotifyDraft {
        let email = try requiredString(body, "email_address")
        let templateID = try requiredString(body, "template_id")
        let reference = try optionalString(body, "reference")
        _ = try optionalString(body, "email_reply_to_id")
        _ = try optionalString(body, "one_click_unsubscribe_url")
        guard NotifyRecipients.isValidEmail(email) else {
            throw .validation("email_address Not a valid email address")
        }
        let values = try personalisation(body)
        let (template, version) = try resolveTemplate(templateID, kind: .email)
        try checkMissing([version.subject ?? "", version.body], values: values)
        return NotifyDraft(
            kind: .email, recipient: email, finalStatus: NotifyRecipients.finalStatus(email: email),
            reference: reference, templateID: template.id, templateVersion: version.number,
            body: NotifyPersonalisation.render(version.body, values: values),
            subject: version.subject.map { NotifyPersonalisation.render($0, values: values) },
            personalisation: .object(values), addressLines: [], isPrecompiled: false)
    }

    /// `POST /v2/notifications/letter` (template letters and precompiled PDF letters).
    static func letter(_ body: [String: JSONValue]) throws(NotifyAPIError) -> NotifyDraft {
        if body["content"] != nil {
            return try precompiledLetter(body)
        }
        let templateID = try requiredString(body, "template_id")
        let reference = try optionalString(body, "reference")
        guard body["personalisation"] != nil, body["personalisation"] != .null else {
            throw .validation("personalisation is a required property")
        }
        let values = try personalisation(body)
        let lines = try addressLines(values)
        let (template, version) = try resolveTemplate(templateID, kind: .letter)
        let withAddress = values.merging(
            Dictionary(uniqueKeysWithValues: (1...7).map { ("address_line_\($0)", JSONValue.string("")) }),
            uniquingKeysWith: { provided, _ in provided })
        try checkMissing([version.subject ?? "", version.body], values: withAddress)
        return NotifyDraft(
            kind: .letter, recipient: lines.joined(separator: "\n"), finalStatus: "received", reference: reference,
            templateID: template.id, templateVersion: version.number,
            body: NotifyPersonalisation.render(version.body, values: values),
            subject: version.subject.map { NotifyPersonalisation.render($0, values: values) },
            personalisation: .object(values), addressLines: lines, isPrecompiled: false)
    }

    private static func precompiledLetter(_ body: [String: JSONValue]) throws(NotifyAPIError) -> NotifyDraft {
        let reference = try requiredString(body, "reference")
        let content = try requiredString(body, "content")
        let postage = try optionalString(body, "postage") ?? "second"
        guard ["first", "second", "economy", "europe", "rest-of-world"].contains(postage) else {
            throw .validation("postage invalid. It must be first, second, economy, europe or rest-of-world.")
        }
        guard let pdf = Data(base64Encoded: content), pdf.starts(with: Data("%PDF".utf8)) else {
            throw .validation("Letter content is not a valid PDF")
        }
        return NotifyDraft(
            kind: .letter, recipient: "", finalStatus: "received", reference: reference,
            templateID: MockNotifyTemplates.precompiledLetter, templateVersion: 1, body: "",
            subject: "Pre-compiled PDF",
            personalisation: ["postage": .string(postage), "pdfByteCount": .integer(Int64(pdf.count))],
            addressLines: [], isPrecompiled: true)
    }

    /// The address lines `address_line_1`…`address_line_7`: at least 3, the last with a postcode or a country.
    private static func addressLines(_ values: [String: JSONValue]) throws(NotifyAPIError) -> [String] {
        guard let first = values["address_line_1"]?.stringValue, !first.trimmingCharacters(in: .whitespaces).isEmpty
        else {
            throw .validation("personalisation address_line_1 is a required property")
        }
        var lines = [first]
        for index in 2...7 {
            if let line = values["address_line_\(index)"]?.stringValue,
                !line.trimmingCharacters(in: .whitespaces).isEmpty
            {
                lines.append(line)
            }
        }
        guard lines.count >= 3 else {
            throw .validation("Address must be at least 3 lines")
        }
        let last = lines[lines.count - 1].trimmingCharacters(in: .whitespaces)
        let hasPostcode = last.split(separator: " ").contains { $0.count == 5 && $0.allSatisfy(\.isNumber) }
        let isCountry = last.count >= 3 && last.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" }
        guard hasPostcode || isCountry else {
            throw .validation("Last line of address must be a real postcode or another country")
        }
        return lines
    }

    private static func resolveTemplate(
        _ id: String, kind: MockNotifyMessage.Kind
    ) throws(NotifyAPIError) -> (NotifyTemplate, NotifyTemplate.Version) {
        guard UUID(uuidString: id) != nil else {
            throw .validation("template_id is not a valid UUID")
        }
        guard let template = MockNotifyTemplates.template(id: id.lowercased()), let version = template.current else {
            throw .badRequest("Template not found")
        }
        guard template.kind == kind else {
            throw .badRequest("\(template.kind.rawValue) template is not suitable for \(kind.rawValue) notification")
        }
        return (template, version)
    }

    private static func checkMissing(_ texts: [String], values: [String: JSONValue]) throws(NotifyAPIError) {
        let missing = NotifyPersonalisation.missing(in: texts, values: values)
        if !missing.isEmpty {
            throw .badRequest("Missing personalisation: \(missing.joined(separator: ", "))")
        }
    }

    /// The `personalisation` object (empty when absent or null).
    static func personalisation(_ body: [String: JSONValue]) throws(NotifyAPIError) -> [String: JSONValue] {
        switch body["personalisation"] {
        case nil, .null?: return [:]
        case .object(let values)?: return values
        case let other?: throw .validation("personalisation \(describe(other)) is not of type object")
        }
    }

    private static func requiredString(_ body: [String: JSONValue], _ name: String) throws(NotifyAPIError) -> String {
        guard let value = body[name], value != .null else {
            throw .validation("\(name) is a required property")
        }
        guard let text = value.stringValue else {
            throw .validation("\(name) \(describe(value)) is not of type string")
        }
        return text
    }

    private static func optionalString(_ body: [String: JSONValue], _ name: String) throws(NotifyAPIError) -> String? {
        guard let value = body[name], value != .null else { return nil }
        guard let text = value.stringValue else {
            throw .validation("\(name) \(describe(value)) is not of type string, null")
        }
        return text
    }

    private static func describe(_ value: JSONValue) -> String {
        (try? MockJSON.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "value"
    }
}
