import Foundation

/// Percent-encoding of query components, stricter than `URLComponents` (which leaves `+` alone, and a
/// server would read it as a space).
enum QueryEncoding {
    /// Characters left as they are in a query name or value: RFC 3986 unreserved characters plus the
    /// sub-delimiters and separators that are safe inside a component (`!$'()*,;:@/?`).
    private static let allowed: Set<UInt8> = {
        var set = Set<UInt8>()
        for scalar in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$'()*,;:@/?".utf8 {
            set.insert(scalar)
        }
        return set
    }()

    /// Percent-encodes one query name or value.
    static func encode(_ component: String) -> String {
        var encoded = ""
        encoded.reserveCapacity(component.utf8.count)
        for byte in component.utf8 {
            if allowed.contains(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }

    /// Encodes query items as `name=value&name=value` (a `nil` value gives just `name`).
    static func encode(_ items: [URLQueryItem]) -> String {
        items.map { item in
            guard let value = item.value else { return encode(item.name) }
            return encode(item.name) + "=" + encode(value)
        }.joined(separator: "&")
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
