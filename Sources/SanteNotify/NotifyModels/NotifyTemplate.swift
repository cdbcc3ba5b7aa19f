import Foundation
public import SanteCore

/// A Notify template: `GET /v2/template/{id}` and the items of `GET /v2/templates`.
public struct NotifyTemplate: Sendable, Hashable, Codable {
    /// The template's id.
    public var id: String
    /// The template's name.
    public var name: String?
    /// `sms`, `email` or `letter`.
    public var type: NotifyNotificationType?
    /// The version.
    public var version: Int?
    /// The text, with its `((placeholders))`.
    public var body: String?
    /// The subject (e-mail, letters).
    public var subject: String?
    /// When it was created.
    public var createdAt: NotifyTimestamp?
    /// When it was last changed.
    public var updatedAt: NotifyTimestamp?
    /// Who created it (an e-mail address).
    public var createdBy: String?
    /// The letter contact block.
    public var letterContactBlock: String?
    /// The letter postage.
    public var postage: String?
    /// Members not modelled here (such as `personalisation`).
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a template.
    /// - Parameters:
    ///   - id: The id.
    ///   - name: The name.
    ///   - type: The type.
    ///   - version: The version.
    ///   - body: The text.
    ///   - subject: The subject.
    public init(
        id: String, name: String? = nil, type: NotifyNotificationType? = nil, version: Int? = nil,
        body: String? = nil, subject: String? = nil
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.version = version
        self.body = body
        self.subject = subject
    }

    /// The `((placeholder))` names of the body and subject, in order of first appearance.
    public var placeholders: [String] {
        var names: [String] = []
        for text in [subject, body].compactMap({ $0 }) {
            var rest = Substring(text)
            while let open = rest.range(of: "((") {
                rest = rest[open.upperBound...]
                guard let close = rest.range(of: "))") else { break }
                var name = String(rest[..<close.lowerBound])
                if let question = name.firstIndex(of: "?") { name = String(name[..<question]) }
                if !name.isEmpty, !names.contains(name) { names.append(name) }
                rest = rest[close.upperBound...]
            }
        }
        return names
    }

    /// Decodes the template, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.required("id")
        name = try object.optional("name")
        type = try object.optional("type")
        version = try object.optional("version")
        body = try object.optional("body")
        subject = try object.optional("subject")
        createdAt = try object.optional("created_at")
        updatedAt = try object.optional("updated_at")
        createdBy = try object.optional("created_by")
        letterContactBlock = try object.optional("letter_contact_block")
        postage = try object.optional("postage")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the template with its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(name, "name")
        try object.encode(type, "type")
        try object.encode(version, "version")
        try object.encode(body, "body")
        try object.encode(subject, "subject")
        try object.encode(createdAt, "created_at")
        try object.encode(updatedAt, "updated_at")
        try object.encode(createdBy, "created_by")
        try object.encode(letterContactBlock, "letter_contact_block")
        try object.encode(postage, "postage")
        try object.finish(with: additionalMembers)
    }
}

/// A template filled in with personalisation: `POST /v2/template/{id}/preview`.
public struct NotifyTemplatePreview: Sendable, Hashable, Codable {
    /// The template's id.
    public var id: String
    /// The template's type.
    public var type: NotifyNotificationType?
    /// The template's version.
    public var version: Int?
    /// The text with the placeholders filled in.
    public var body: String?
    /// The subject with the placeholders filled in.
    public var subject: String?
    /// The e-mail's HTML, when Notify renders it.
    public var html: String?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a preview.
    /// - Parameters:
    ///   - id: The template's id.
    ///   - body: The filled-in text.
    public init(id: String, body: String? = nil) {
        self.id = id
        self.body = body
    }

    /// Decodes the preview, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.required("id")
        type = try object.optional("type")
        version = try object.optional("version")
        body = try object.optional("body")
        subject = try object.optional("subject")
        html = try object.optional("html")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the preview with its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(type, "type")
        try object.encode(version, "version")
        try object.encode(body, "body")
        try object.encode(subject, "subject")
        try object.encode(html, "html")
        try object.finish(with: additionalMembers)
    }
}

/// The answer of `GET /v2/templates`: `{"templates": […]}`.
struct NotifyTemplateList: Decodable {
    let templates: [NotifyTemplate]
}
