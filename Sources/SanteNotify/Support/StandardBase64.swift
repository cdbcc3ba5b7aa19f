import Foundation

/// Standard base64 (RFC 4648 §4) as Standard Webhooks uses it: written padded, read with or without padding.
enum StandardBase64 {
    /// Decodes standard base64, adding the `=` padding a writer left out; `nil` for invalid text.
    static func decode(_ text: some StringProtocol) -> Data? {
        var padded = String(text)
        guard !padded.isEmpty, !padded.contains(where: { $0.isWhitespace }) else { return nil }
        let remainder = padded.utf8.count % 4
        if remainder == 1 { return nil }
        if remainder > 0 { padded += String(repeating: "=", count: 4 - remainder) }
        return Data(base64Encoded: padded)
    }

    /// Encodes bytes as padded standard base64.
    static func encode(_ bytes: some DataProtocol) -> String {
        Data(bytes).base64EncodedString()
    }
}
