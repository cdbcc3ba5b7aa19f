import Foundation

/// The arguments of a query string, in order, each kept both decoded and as sent.
///
/// Hummingbird's `queryParameters` decodes values but not names, and keeps `+` as is; the services need both the
/// decoded values (to filter) and the raw text (to repeat every argument in the absolute next-page links).
struct QueryString: Sendable {
    /// One `name=value` argument.
    struct Argument: Sendable {
        /// The decoded name.
        let name: String
        /// The decoded value (empty when the argument had no `=`).
        let value: String
        /// Whether the argument had an `=` sign.
        let hasValue: Bool
        /// The argument as sent, such as `q=covid+19`.
        let raw: String
    }

    /// Every argument, in order.
    let arguments: [Argument]

    /// Parses a raw query (without the `?`) or an `application/x-www-form-urlencoded` body; `nil` or empty gives
    /// no arguments.
    init(_ query: String?) {
        guard let query, !query.isEmpty else {
            arguments = []
            return
        }
        arguments = query.split(separator: "&", omittingEmptySubsequences: true).map { piece in
            let raw = String(piece)
            guard let equals = piece.firstIndex(of: "=") else {
                return Argument(name: Self.decode(piece), value: "", hasValue: false, raw: raw)
            }
            let name = Self.decode(piece[..<equals])
            let value = Self.decode(piece[piece.index(after: equals)...])
            return Argument(name: name, value: value, hasValue: true, raw: raw)
        }
    }

    /// The first value of `name`.
    func first(_ name: String) -> String? {
        arguments.first { $0.name == name }?.value
    }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] {
        arguments.filter { $0.name == name }.map(\.value)
    }

    /// The raw query with `name` set to `value`: replaced in place when present, appended otherwise (what udata's
    /// API v1 does when it builds `next_page`).
    func replacing(_ name: String, with value: String) -> String {
        var pieces: [String] = []
        var replaced = false
        for argument in arguments {
            if argument.name == name {
                if !replaced {
                    pieces.append("\(name)=\(Self.encode(value))")
                    replaced = true
                }
            } else {
                pieces.append(argument.raw)
            }
        }
        if !replaced {
            pieces.append("\(name)=\(Self.encode(value))")
        }
        return pieces.joined(separator: "&")
    }

    /// The raw arguments except those named in `names`, in order.
    func rawArguments(excluding names: Set<String>) -> [String] {
        arguments.filter { !names.contains($0.name) }.map(\.raw)
    }

    /// Percent-decodes `text`, reading `+` as a space; text that is not valid percent-encoding is kept as is.
    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// Percent-encodes a value for a query string (unreserved characters kept).
    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
