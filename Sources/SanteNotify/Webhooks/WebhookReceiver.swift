public import Foundation
public import HTTPTypes
import SanteCore

/// Turns an inbound HTTP callback into a typed, authenticated event.
///
/// Configure what a callback must prove:
/// - a ``WebhookVerifier``: the Standard Webhooks signature (and timestamp, and novelty) is required;
/// - a ``BearerCallbackAuthenticator``: the `Authorization: Bearer` token is required (the weaker
///   Notify-style callback, with no body signature and no timestamp);
/// - both: both are required (FHIR subscriptions send a `channel.header` token beside the signature).
///
/// A Standard Webhooks body (`{"type", "timestamp", "data"}`) becomes its ``WebhookEvent``; a bare Notify
/// delivery receipt (what GOV.UK Notify posts) becomes ``WebhookEvent/notificationStatusChanged(_:)``; another
/// bare Notify callback (a received text message) is kept raw with type ``notifyReceivedTextType``.
///
/// ```swift
/// let receiver = try WebhookReceiver(verifier: WebhookVerifier(secret: secret, replayStore: store))
/// let received = try await receiver.receive(headers: request.headerFields, body: rawBody)
/// ```
public struct WebhookReceiver: Sendable {
    /// One callback, authenticated and typed.
    public struct Received: Sendable, Hashable {
        /// The message id (`webhook-id`) when the callback was signed; `nil` for a bearer-only callback.
        public var id: String?
        /// The signed timestamp, when the callback was signed.
        public var timestamp: Date?
        /// The event.
        public var event: WebhookEvent
        /// The exact body bytes.
        public var body: Data
        /// Whether a Standard Webhooks signature was checked (`false`: only a bearer token was).
        public var isSigned: Bool
    }

    /// The signature verifier, when signatures are required.
    public let verifier: WebhookVerifier?
    /// The bearer token check, when a token is required.
    public let bearer: BearerCallbackAuthenticator?

    /// Creates a receiver.
    /// - Parameters:
    ///   - verifier: Requires a Standard Webhooks signature when given.
    ///   - bearer: Requires a bearer token when given (weaker; see ``BearerCallbackAuthenticator``).
    /// - Throws: ``WebhookError`` with ``WebhookError/Reason/invalidConfiguration`` when both are `nil`.
    public init(verifier: WebhookVerifier? = nil, bearer: BearerCallbackAuthenticator? = nil) throws(WebhookError) {
        guard verifier != nil || bearer != nil else {
            throw WebhookError(
                .invalidConfiguration, "a receiver needs a signature verifier, a bearer token, or both",
                operation: "webhook.receive")
        }
        self.verifier = verifier
        self.bearer = bearer
    }

    /// Authenticates and types one callback.
    /// - Parameters:
    ///   - headers: The request's header fields.
    ///   - body: The exact body bytes.
    /// - Returns: The event with its id and timestamp (when signed).
    /// - Throws: ``WebhookError``: the verifier's and the bearer check's reasons, or
    ///   ``WebhookError/Reason/invalidPayload``.
    public func receive(headers: HTTPFields, body: some DataProtocol) async throws(WebhookError) -> Received {
        let bytes = Data(body)
        if let bearer { try bearer.authenticate(headers: headers) }
        var message: VerifiedWebhook?
        if let verifier { message = try await verifier.verify(headers: headers, body: bytes) }
        let event: WebhookEvent
        do {
            event = try Self.event(from: bytes)
        } catch {
            // The id was recorded as seen; forget it, so that the sender's retry is not refused as a replay.
            if let message, let store = verifier?.replayStore { try? await store.remove(message.id) }
            throw error
        }
        return Received(
            id: message?.id, timestamp: message?.timestamp, event: event, body: bytes, isSigned: message != nil)
    }

    /// The type given to a bare Notify received-text callback (`source_number`, `message`…), kept raw.
    public static let notifyReceivedTextType = "notify.received-text"
    /// The type given to any other bare callback body without a `type`, kept raw.
    public static let bareCallbackType = "notify.callback"

    /// A Standard Webhooks event, a bare Notify delivery receipt, or another bare Notify callback (raw).
    static func event(from body: Data) throws(WebhookError) -> WebhookEvent {
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: body), object["type"] == nil
        else {
            return try WebhookEvent(body: body)
        }
        if object["id"] != nil, object["status"] != nil {
            do {
                return .notificationStatusChanged(try JSONDecoder().decode(NotifyDeliveryReceipt.self, from: body))
            } catch {
                throw WebhookError(
                    .invalidPayload, "the callback body is not a Notify delivery receipt", operation: "webhook.event",
                    underlyingError: error)
            }
        }
        let type = object["source_number"] != nil ? notifyReceivedTextType : bareCallbackType
        return .unknown(RawWebhookEvent(type: type, data: .object(object)))
    }
}
