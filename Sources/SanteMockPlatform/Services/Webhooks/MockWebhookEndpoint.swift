public import Foundation

/// A receiver registered with the mock's webhook sender (``MockWebhooks``).
public struct MockWebhookEndpoint: Sendable, Hashable, Encodable {
    /// The endpoint identifier, `ep_` followed by random letters and digits.
    public let id: String
    /// Where deliveries are POSTed.
    public let url: URL
    /// The signing secret, `whsec_` + the base64 of 32 random bytes (test-only: shown by the controls).
    public let secret: String
    /// The event types delivered, or `nil` for all of them.
    public let eventTypes: [String]?
    /// The token sent as `Authorization: Bearer <token>`, if any (Notify-style callbacks).
    public let bearerToken: String?
    /// Whether deliveries stopped because the receiver answered `410 Gone`.
    public let disabled: Bool

    /// Creates an endpoint description.
    /// - Parameters:
    ///   - id: The identifier.
    ///   - url: The receiver's URL.
    ///   - secret: The `whsec_` secret.
    ///   - eventTypes: The event types, or `nil` for all.
    ///   - bearerToken: The bearer token, if any.
    ///   - disabled: Whether deliveries stopped.
    public init(id: String, url: URL, secret: String, eventTypes: [String]?, bearerToken: String?, disabled: Bool) {
        self.id = id
        self.url = url
        self.secret = secret
        self.eventTypes = eventTypes
        self.bearerToken = bearerToken
        self.disabled = disabled
    }

    /// Whether the endpoint receives events of `type`.
    /// - Parameter type: An event type, such as `document.added`.
    /// - Returns: `true` when it is enabled and subscribed to the type.
    public func receives(_ type: String) -> Bool {
        !disabled && (eventTypes?.contains(type) ?? true)
    }

    private enum CodingKeys: String, CodingKey {
        case id, url, secret, eventTypes, bearerToken, disabled
    }

    /// Encodes the endpoint as the controls show it (`eventTypes` and `bearerToken` as `null` when absent).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(url.absoluteString, forKey: .url)
        try container.encode(secret, forKey: .secret)
        try container.encode(eventTypes, forKey: .eventTypes)
        try container.encode(bearerToken, forKey: .bearerToken)
        try container.encode(disabled, forKey: .disabled)
    }
}
