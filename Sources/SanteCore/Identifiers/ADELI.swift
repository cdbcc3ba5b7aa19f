/// An ADELI number, the older register of health professionals: 9 characters.
///
/// Layout: a two-character département (digits; `2A`/`2B` are tolerated) followed by 7 digits.
///
/// **Format validation only.** The last character is described as a control key, but no normative
/// rule for it appears in the references this SDK follows (ANS, CNAM), so the key is not checked:
/// ``isKeyChecked`` is always `false` and ``diagnostics`` reports only length and characters.
public struct ADELI: HealthIdentifier {
    /// `"ADELI"`.
    public static let identifierName = "ADELI"
    /// The number of characters.
    public static let length = 9

    /// The value as read, whitespace removed (a Corsican `2a`/`2b` is upper-cased).
    public let rawValue: String

    /// Reads an ADELI number, keeping it even when malformed.
    ///
    /// - Parameter string: Such as `"751234567"`; spaces are removed.
    public init(_ string: String) {
        rawValue = IdentifierText.upperCasingCorsica(IdentifierText.withoutWhitespace(string), at: 0)
    }

    /// Always `false`: no normative key rule is known for ADELI numbers.
    public var isKeyChecked: Bool { false }

    /// Length and character problems (the key is not checked).
    public var diagnostics: [IdentifierDiagnostic] {
        var diagnostics: [IdentifierDiagnostic] = []
        if rawValue.count != Self.length {
            diagnostics.append(.invalidLength(expected: Self.length, found: rawValue.count))
        }
        diagnostics += IdentifierText.departementThenDigitsDiagnostics(rawValue)
        return diagnostics
    }

    /// The national professional identifier for this ADELI number, `0` followed by the number.
    public var nationalIdentifier: NationalProfessionalIdentifier { .adeli(self) }
}
