import Crypto
public import Foundation

/// A Standard Webhooks signing secret: 24 to 64 random bytes, written `whsec_` + base64.
///
/// Parsing strips the `whsec_` prefix (optional) and reads standard base64 with or without `=` padding.
/// The secret never appears in ``description``.
///
/// ```swift
/// let secret = try WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
/// ```
public struct WebhookSecret: Sendable, Hashable, CustomStringConvertible {
    /// The `whsec_` prefix of the written form.
    public static let prefix = "whsec_"
    /// The fewest bytes a secret may have.
    public static let minimumByteCount = 24
    /// The most bytes a secret may have.
    public static let maximumByteCount = 64

    /// The secret bytes (the HMAC-SHA256 key).
    public let bytes: Data

    /// Reads a secret written `whsec_<base64>` (or bare base64).
    /// - Parameter text: The written secret; surrounding white space is ignored.
    /// - Throws: ``WebhookError`` with ``WebhookError/Reason/invalidSecret`` when the text is not base64 of
    ///   24 to 64 bytes.
    public init(_ text: String) throws(WebhookError) {
        var encoded = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if encoded.hasPrefix(Self.prefix) { encoded = encoded.dropFirst(Self.prefix.count) }
        guard let decoded = StandardBase64.decode(encoded) else {
            throw WebhookError(.invalidSecret, "the webhook secret is not base64", operation: "webhook.secret")
        }
        try self.init(bytes: decoded)
    }

    /// Wraps secret bytes.
    /// - Parameter bytes: 24 to 64 bytes.
    /// - Throws: ``WebhookError`` with ``WebhookError/Reason/invalidSecret`` for another length.
    public init(bytes: some DataProtocol) throws(WebhookError) {
        let data = Data(bytes)
        guard (Self.minimumByteCount...Self.maximumByteCount).contains(data.count) else {
            throw WebhookError(
                .invalidSecret,
                "a webhook secret must have \(Self.minimumByteCount) to \(Self.maximumByteCount) bytes, "
                    + "not \(data.count)",
                operation: "webhook.secret")
        }
        self.bytes = data
    }

    /// Generates a fresh random secret.
    /// - Parameter byteCount: The length, clamped to 24...64 (default 32).
    /// - Returns: The new secret.
    public static func generate(byteCount: Int = 32) -> WebhookSecret {
        let count = min(max(byteCount, minimumByteCount), maximumByteCount)
        let key = SymmetricKey(size: SymmetricKeySize(bitCount: count * 8))
        let data = key.withUnsafeBytes { Data($0) }
        // The length is clamped to the allowed range above: nothing is left to check.
        return WebhookSecret(unchecked: data)
    }

    private init(unchecked bytes: Data) {
        self.bytes = bytes
    }

    /// The written form, `whsec_` + padded base64, for sharing with a sender.
    public var encoded: String { Self.prefix + StandardBase64.encode(bytes) }

    /// The HMAC key.
    var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// `WebhookSecret(<n> bytes)`: never the secret itself.
    public var description: String { "WebhookSecret(\(bytes.count) bytes)" }
}
