import Crypto
import Foundation

/// A Standard Webhooks signing secret: random bytes, shown as `whsec_` + base64.
///
/// TEST-ONLY in the sense that the mock hands it out over its controls; it is still made of 32 bytes from
/// the system's secure random generator, never from the platform seed.
struct StandardWebhookSecret: Sendable, Hashable {
    /// The key bytes.
    let bytes: Data

    /// 32 fresh random bytes.
    static func random() -> StandardWebhookSecret {
        var generator = SystemRandomNumberGenerator()
        return StandardWebhookSecret(
            bytes: Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }))
    }

    /// `whsec_` followed by the standard (padded) base64 of the bytes.
    var encoded: String { "whsec_" + bytes.base64EncodedString() }

    /// The `webhook-signature` value for one attempt: `v1,` + base64(HMAC-SHA256(key, "id.timestamp.body")).
    func signature(webhookID: String, timestamp: Int64, body: Data) -> String {
        var content = Data("\(webhookID).\(timestamp).".utf8)
        content.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: content, using: SymmetricKey(data: bytes))
        return "v1," + Data(code).base64EncodedString()
    }

    /// A random identifier: `prefix` followed by `count` letters and digits (system random generator).
    static func randomIdentifier(prefix: String, count: Int = 24) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return prefix + String((0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
