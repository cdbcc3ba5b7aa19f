import Foundation

/// `application/x-www-form-urlencoded` bodies for `POST <type>/_search`.
enum FormEncoding {
    /// Unreserved characters (RFC 3986) are kept; everything else is percent-encoded (so `|` is `%7C`,
    /// `+` is `%2B` and a space is `%20`).
    private static let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    static func encode(_ component: String) -> String {
        var encoded = ""
        for byte in component.utf8 {
            if allowed.contains(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }

    static func encode(_ items: [URLQueryItem]) -> String {
        items.map { encode($0.name) + "=" + encode($0.value ?? "") }.joined(separator: "&")
    }
}
