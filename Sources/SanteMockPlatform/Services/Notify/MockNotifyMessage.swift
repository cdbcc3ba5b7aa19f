public import Foundation
public import SanteCore

/// A message accepted by the mock Notify API (SMS, e-mail or letter), as recorded by the mock.
///
/// Its status is not stored: it follows the platform clock (see ``status(at:)``).
public struct MockNotifyMessage: Sendable, Hashable {
    /// The kind of message.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A text message.
        case sms
        /// An e-mail.
        case email
        /// A letter.
        case letter
    }

    /// The notification identifier, a lower-case UUID.
    public let id: String
    /// The kind of message.
    public let kind: Kind
    /// The recipient: the phone number or e-mail address as sent, or the address lines joined by newlines.
    public let recipient: String
    /// The caller's reference, if any.
    public let reference: String?
    /// The template identifier (for a precompiled letter, the fixed precompiled template).
    public let templateID: String
    /// The template version used.
    public let templateVersion: Int
    /// The rendered body.
    public let body: String
    /// The rendered subject (e-mails and letters).
    public let subject: String?
    /// The personalisation sent, as JSON (`{}` when none).
    public let personalisation: JSONValue
    /// When the mock accepted it, on the platform clock.
    public let createdAt: Date
    /// The status the message ends in: `delivered` (letters: `received`) or a documented failure.
    public let finalStatus: String

    /// Creates a record.
    /// - Parameters:
    ///   - id: The identifier.
    ///   - kind: The kind of message.
    ///   - recipient: The recipient.
    ///   - reference: The caller's reference.
    ///   - templateID: The template identifier.
    ///   - templateVersion: The template version.
    ///   - body: The rendered body.
    ///   - subject: The rendered subject.
    ///   - personalisation: The personalisation sent.
    ///   - createdAt: When it was accepted.
    ///   - finalStatus: The status it ends in.
    public init(
        id: String, kind: Kind, recipient: String, reference: String?, templateID: String, templateVersion: Int,
        body: String, subject: String?, personalisation: JSONValue, createdAt: Date, finalStatus: String
    ) {
        self.id = id
        self.kind = kind
        self.recipient = recipient
        self.reference = reference
        self.templateID = templateID
        self.templateVersion = templateVersion
        self.body = body
        self.subject = subject
        self.personalisation = personalisation
        self.createdAt = createdAt
        self.finalStatus = finalStatus
    }

    /// How long after creation a message moves to `sending`: 1 second.
    public static let sendingDelay: Duration = .seconds(1)
    /// How long after creation a message reaches its final status: 5 seconds.
    public static let completionDelay: Duration = .seconds(5)

    /// The status at `date`: `created` (letters: `accepted`), then `sending` after ``sendingDelay``, then
    /// ``finalStatus`` after ``completionDelay``.
    /// - Parameter date: The instant, usually the platform clock's `now()`.
    /// - Returns: The Notify status string.
    public func status(at date: Date) -> String {
        let elapsed = date.timeIntervalSince(createdAt)
        if elapsed >= Self.completionDelay.timeInterval {
            return finalStatus
        }
        if kind == .letter {
            return "accepted"
        }
        return elapsed >= Self.sendingDelay.timeInterval ? "sending" : "created"
    }

    /// When the message was handed to the provider (`sending`), or `nil` before that (and for letters).
    /// - Parameter date: The instant, usually the platform clock's `now()`.
    /// - Returns: The time, or `nil`.
    public func sentAt(at date: Date) -> Date? {
        guard kind != .letter else { return nil }
        let sent = createdAt + Self.sendingDelay.timeInterval
        return date >= sent ? sent : nil
    }

    /// When the message reached its final status, or `nil` before that.
    /// - Parameter date: The instant, usually the platform clock's `now()`.
    /// - Returns: The time, or `nil`.
    public func completedAt(at date: Date) -> Date? {
        let completed = createdAt + Self.completionDelay.timeInterval
        return date >= completed ? completed : nil
    }
}
