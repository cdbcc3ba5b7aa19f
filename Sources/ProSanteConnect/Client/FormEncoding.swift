import Foundation

/// `application/x-www-form-urlencoded` and query encoding, strict: only unreserved characters
/// (`A–Z a–z 0–9 - . _ ~`) stay as they are.
enum FormEncoding {
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Percent-encodes every character outside the unreserved set (a space becomes `%20`).
    static func percentEncode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// Encodes a form body: `name=value&…`, spaces as `+`.
    static func encodeForm(_ fields: [(String, String)]) -> String {
        fields.map { name, value in
            formComponent(name) + "=" + formComponent(value)
        }.joined(separator: "&")
    }

    /// Encodes a query: `name=value&…`, spaces as `%20`.
    static func encodeQuery(_ fields: [(String, String)]) -> String {
        fields.map { name, value in percentEncode(name) + "=" + percentEncode(value) }.joined(separator: "&")
    }

    private static func formComponent(_ text: String) -> String {
        percentEncode(text).replacingOccurrences(of: "%20", with: "+")
    }

    /// Decodes a query or form string into name/value pairs, in order (`+` is a space).
    static func decode(_ encoded: String) -> [(String, String)] {
        encoded.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decodeComponent(parts[0])
            let value = parts.count > 1 ? decodeComponent(parts[1]) : ""
            return (name, value)
        }
    }

    private static func decodeComponent(_ component: Substring) -> String {
        let spaced = component.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The `client_secret_basic` credentials: base64 of `form(id):form(secret)` (RFC 6749 §2.3.1).
    static func basicCredentials(clientID: String, secret: String) -> String {
        let joined = formComponent(clientID) + ":" + formComponent(secret)
        return Data(joined.utf8).base64EncodedString()
    }
}
