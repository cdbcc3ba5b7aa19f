import Foundation

/// The parameters of a query string or of an `application/x-www-form-urlencoded` body.
///
/// A parameter without a value counts as absent (RFC 6749 §3.1); a parameter given twice is recorded in
/// ``repeatedNames`` (RFC 6749 forbids it).
struct FormParameters: Sendable {
    /// The decoded values by name (the first value when a name is repeated).
    private(set) var values: [String: String] = [:]
    /// The names given more than once.
    private(set) var repeatedNames: Set<String> = []

    /// Parses `text`, such as `grant_type=authorization_code&code=abc`.
    init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = FormURLEncoding.decode(parts[0]), !name.isEmpty else { continue }
            let value = parts.count > 1 ? FormURLEncoding.decode(parts[1]) ?? "" : ""
            guard !value.isEmpty else { continue }
            if values[name] != nil {
                repeatedNames.insert(name)
            } else {
                values[name] = value
            }
        }
    }

    /// The value of a parameter, or `nil` when it is absent or empty.
    subscript(name: String) -> String? {
        values[name]
    }
}

/// Percent-encoding as forms and OAuth use it.
enum FormURLEncoding {
    /// The characters left as they are: the unreserved set of RFC 3986.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Percent-encodes every character but the unreserved ones (so `https://x` becomes `https%3A%2F%2Fx`).
    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    /// Decodes one form component: `+` is a space, then percent-decoding; `nil` when it is malformed.
    static func decode(_ component: Substring) -> String? {
        component.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// `name=value&…`, every name and value percent-encoded, in the given order.
    static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    /// `uri` with `pairs` added to its query (after `&` when it already has one).
    static func appending(_ pairs: [(String, String)], to uri: String) -> String {
        guard !pairs.isEmpty else { return uri }
        let separator = uri.contains("?") ? (uri.hasSuffix("?") || uri.hasSuffix("&") ? "" : "&") : "?"
        return uri + separator + query(pairs)
    }
}
