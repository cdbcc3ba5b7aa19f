import Crypto
public import Foundation
public import HTTPTypes

/// Signs webhook messages the Standard Webhooks way (`v1`: HMAC-SHA256).
///
/// The signed content is `"{id}.{timestamp}.{raw body}"`; the signature is written `v1,<padded base64>`.
/// A sender (or a test) uses it to produce the three headers a ``WebhookVerifier`` checks.
///
/// ```swift
/// let signer = WebhookSigner(secret: secret)
/// let headers = try signer.headers(id: "msg_1", timestamp: clock.now(), body: body)
/// ```
public struct WebhookSigner: Sendable {
    /// The signing secret.
    public let secret: WebhookSecret

    /// Creates a signer.
    /// - Parameter secret: The signing secret.
    public init(secret: WebhookSecret) {
        self.secret = secret
    }

    /// The `v1,<base64>` signature of one message.
    /// - Parameters:
    ///   - id: The message id (must not contain `.`).
    ///   - timestamp: The attempt's time, in integer Unix seconds.
    ///   - body: The exact body bytes.
    /// - Returns: `v1,` followed by the padded standard base64 of the HMAC-SHA256.
    /// - Throws: ``WebhookError`` with ``WebhookError/Reason/malformedHeader`` when the id is empty or
    ///   contains `.`.
    public func signature(id: String, timestamp: Int64, body: some DataProtocol) throws(WebhookError) -> String {
        guard !id.isEmpty, !id.contains(".") else {
            throw WebhookError(
                .malformedHeader, "a webhook id must be non-empty and free of '.'", operation: "webhook.sign")
        }
        let mac = Self.authenticationCode(id: id, timestamp: String(timestamp), body: body, key: secret.key)
        return "v1," + StandardBase64.encode(Data(mac))
    }

    /// The three Standard Webhooks headers of one message.
    /// - Parameters:
    ///   - id: The message id.
    ///   - timestamp: The attempt's time (its whole seconds are used).
    ///   - body: The exact body bytes.
    /// - Returns: `webhook-id`, `webhook-timestamp` and `webhook-signature`.
    /// - Throws: ``WebhookError`` as ``signature(id:timestamp:body:)`` does.
    public func headers(id: String, timestamp: Date, body: some DataProtocol) throws(WebhookError) -> HTTPFields {
        let seconds = Int64(timestamp.timeIntervalSince1970.rounded(.down))
        var fields = HTTPFields()
        fields[.webhookID] = id
        fields[.webhookTimestamp] = String(seconds)
        fields[.webhookSignature] = try signature(id: id, timestamp: seconds, body: body)
        return fields
    }

    /// The HMAC-SHA256 of `"{id}.{timestamp}.{body}"`.
    static func authenticationCode(
        id: String, timestamp: String, body: some DataProtocol, key: SymmetricKey
    ) -> HashedAuthenticationCode<SHA256> {
        var hmac = HMAC<SHA256>(key: key)
        hmac.update(data: Data("\(id).\(timestamp).".utf8))
        hmac.update(data: Data(body))
        return hmac.finalize()
    }

    /// The content a signature covers: `"{id}.{timestamp}."` followed by the body.
    static func signedContent(id: String, timestamp: String, body: some DataProtocol) -> Data {
        var content = Data("\(id).\(timestamp).".utf8)
        content.append(contentsOf: body)
        return content
    }
}
