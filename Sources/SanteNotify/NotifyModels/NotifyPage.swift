public import Foundation
public import SanteCore

/// The `links` of a Notify listing: `{"current": url, "next": url}`.
public struct NotifyLinks: Sendable, Hashable, Codable {
    /// This page's URL.
    public var current: String?
    /// The next (older) page's absolute URL, absent on the last page. Follow it as given.
    public var next: String?

    /// Creates links.
    /// - Parameters:
    ///   - current: This page's URL.
    ///   - next: The next page's URL.
    public init(current: String? = nil, next: String? = nil) {
        self.current = current
        self.next = next
    }

    /// The next page's URL, when there is one.
    public var nextURL: URL? { next.flatMap { $0.isEmpty ? nil : URL(string: $0) } }
}

/// One page of `GET /v2/notifications`: `{"notifications": […], "links": {…}}`.
public struct NotifyNotificationsPage: Sendable, Hashable, Codable {
    /// The notifications, newest first.
    public var notifications: [NotifyNotification]
    /// The paging links.
    public var links: NotifyLinks
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a page.
    /// - Parameters:
    ///   - notifications: The notifications.
    ///   - links: The links.
    public init(notifications: [NotifyNotification], links: NotifyLinks = NotifyLinks()) {
        self.notifications = notifications
        self.links = links
    }

    /// Decodes the page, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        notifications = try object.array("notifications")
        links = try object.optional("links") ?? NotifyLinks()
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the page with its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(notifications, "notifications")
        try object.encode(links, "links")
        try object.finish(with: additionalMembers)
    }
}

/// One page of `GET /v2/received-text-messages`: `{"received_text_messages": […], "links": {…}}`.
public struct NotifyReceivedTextsPage: Sendable, Hashable, Codable {
    /// The messages, newest first.
    public var receivedTextMessages: [NotifyReceivedText]
    /// The paging links.
    public var links: NotifyLinks
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a page.
    /// - Parameters:
    ///   - receivedTextMessages: The messages.
    ///   - links: The links.
    public init(receivedTextMessages: [NotifyReceivedText], links: NotifyLinks = NotifyLinks()) {
        self.receivedTextMessages = receivedTextMessages
        self.links = links
    }

    /// Decodes the page, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        receivedTextMessages = try object.array("received_text_messages")
        links = try object.optional("links") ?? NotifyLinks()
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the page with its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(receivedTextMessages, "received_text_messages")
        try object.encode(links, "links")
        try object.finish(with: additionalMembers)
    }
}

/// A text message a user sent to the service's number.
public struct NotifyReceivedText: Sendable, Hashable, Codable {
    /// The message's id.
    public var id: String
    /// The sender's phone number.
    public var userNumber: String?
    /// The service's number that received it.
    public var notifyNumber: String?
    /// When it was received.
    public var createdAt: NotifyTimestamp?
    /// The service's id.
    public var serviceID: String?
    /// The text.
    public var content: String?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a message.
    /// - Parameters:
    ///   - id: The id.
    ///   - userNumber: The sender's number.
    ///   - content: The text.
    public init(id: String, userNumber: String? = nil, content: String? = nil) {
        self.id = id
        self.userNumber = userNumber
        self.content = content
    }

    /// Decodes the message, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.required("id")
        userNumber = try object.optional("user_number")
        notifyNumber = try object.optional("notify_number")
        createdAt = try object.optional("created_at")
        serviceID = try object.optional("service_id")
        content = try object.optional("content")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the message with its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(userNumber, "user_number")
        try object.encode(notifyNumber, "notify_number")
        try object.encode(createdAt, "created_at")
        try object.encode(serviceID, "service_id")
        try object.encode(content, "content")
        try object.finish(with: additionalMembers)
    }
}
