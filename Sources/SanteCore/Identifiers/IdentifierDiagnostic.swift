/// One thing wrong with an identifier that was read anyway.
///
/// Reading an identifier never loses it: a value with a wrong length, a stray character or a
/// wrong control key is kept as read, and each problem is reported here. Strict checks
/// (``HealthIdentifier/validate(field:)``) turn these diagnostics into a ``ValidationError``.
public enum IdentifierDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// The value does not have the expected number of characters.
    case invalidLength(expected: Int, found: Int)
    /// A character is not allowed at this position (1-based).
    case invalidCharacter(Character, position: Int)
    /// The control key does not match the one computed from the rest of the value.
    ///
    /// `expected` is the key the rule computes (for rules that allow several keys, a readable list
    /// such as `"2 or 7"`); `found` is the key the value carries.
    case invalidKey(expected: String, found: String)
    /// A component has a value the strict rule does not allow (for example a NIR sex digit of `8`).
    case unexpectedComponent(name: String, value: String, expected: String)
    /// The value matches none of the known forms of this identifier.
    case unrecognizedFormat(String)

    /// A readable sentence fragment, such as `"control key is 12, expected 34"`.
    public var description: String {
        switch self {
        case .invalidLength(let expected, let found):
            "length is \(found), expected \(expected)"
        case .invalidCharacter(let character, let position):
            "invalid character '\(character)' at position \(position)"
        case .invalidKey(let expected, let found):
            "control key is \(found), expected \(expected)"
        case .unexpectedComponent(let name, let value, let expected):
            "\(name) is \(value), expected \(expected)"
        case .unrecognizedFormat(let reason):
            "unrecognized format: \(reason)"
        }
    }

    /// Whether this diagnostic is about the control key only (the rest of the value is well formed).
    ///
    /// Official examples and test identities sometimes carry a wrong key; callers that must load
    /// them can tolerate this class of diagnostic and still reject malformed values.
    public var isKeyMismatch: Bool {
        if case .invalidKey = self { return true }
        return false
    }
}
