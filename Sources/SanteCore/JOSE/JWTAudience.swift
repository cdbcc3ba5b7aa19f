/// The `aud` claim of a JWT: one string or an array of strings (RFC 7519 §4.1.3).
///
/// The form read is the form written back.
public enum JWTAudience: Hashable, Sendable, Codable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    /// A single audience written as a string.
    case single(String)
    /// Audiences written as an array (possibly of one element).
    case multiple([String])

    /// Creates a single audience from a string literal.
    public init(stringLiteral value: String) { self = .single(value) }

    /// Creates an array audience from an array literal.
    public init(arrayLiteral elements: String...) { self = .multiple(elements) }

    /// Every audience, in order.
    public var values: [String] {
        switch self {
        case .single(let value): [value]
        case .multiple(let values): values
        }
    }

    /// The value as JSON, in the form read or built.
    public var jsonValue: JSONValue {
        switch self {
        case .single(let value): .string(value)
        case .multiple(let values): .array(values.map(JSONValue.string))
        }
    }

    /// Whether `audience` is one of the values (exact, case-sensitive comparison).
    /// - Parameter audience: The audience to look for, such as a `client_id`.
    /// - Returns: `true` when present.
    public func contains(_ audience: String) -> Bool {
        values.contains(audience)
    }

    /// Decodes a string or an array of strings.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(String.self) {
            self = .single(value)
        } else {
            self = .multiple(try container.decode([String].self))
        }
    }

    /// Encodes the form that was read or built.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .single(let value): try container.encode(value)
        case .multiple(let values): try container.encode(values)
        }
    }
}
