/// A FINESS number (fichier national des établissements sanitaires et sociaux): 9 characters.
///
/// Layout: a two-character département (`01`–`99`, `2A`, `2B`), 6 digits, and a Luhn key computed
/// over the 8 preceding characters. Its FHIR identifier system is ``fhirSystem``.
///
/// **Corsica:** FINESS numbers of départements `2A`/`2B` contain a letter, and no normative rule
/// for their key was found in the references this SDK follows (the official FINESS schema only
/// says "9 alphanumeric characters"). Rather than guess a letter substitution, their key is not
/// checked: ``isKeyChecked`` is `false` and only length and characters are diagnosed.
public struct FINESS: HealthIdentifier {
    /// `"FINESS"`.
    public static let identifierName = "FINESS"
    /// The number of characters, key included.
    public static let length = 9
    /// The FHIR `Identifier.system` of a FINESS number.
    public static let fhirSystem = "https://finess.esante.gouv.fr"

    /// The value as read, whitespace removed (a Corsican `2a`/`2b` is upper-cased).
    public let rawValue: String

    /// Reads a FINESS number, keeping it even when malformed.
    ///
    /// - Parameter string: Such as `"010780195"` or `"01 078 019 5"`.
    public init(_ string: String) {
        rawValue = IdentifierText.upperCasingCorsica(IdentifierText.withoutWhitespace(string), at: 0)
    }

    /// Builds a FINESS number from its first 8 digits, appending the Luhn key.
    ///
    /// - Parameter payload: 8 digits (a Corsican payload has no known key rule and returns `nil`).
    /// - Returns: The complete number, or `nil` when the payload is not 8 digits.
    public static func withComputedKey(payload: String) -> FINESS? {
        LuhnDigits.withComputedKey(payload, length: length).map(FINESS.init)
    }

    /// Whether the département is Corsican, `2A` or `2B`.
    public var isCorsican: Bool { IdentifierText.startsWithCorsica(rawValue) }

    /// Whether ``diagnostics`` checks the key: `false` for Corsican numbers (see the type's documentation).
    public var isKeyChecked: Bool { !isCorsican }

    /// Length, character and (except in Corsica) Luhn-key problems.
    public var diagnostics: [IdentifierDiagnostic] {
        var diagnostics: [IdentifierDiagnostic] = []
        if rawValue.count != Self.length {
            diagnostics.append(.invalidLength(expected: Self.length, found: rawValue.count))
        }
        diagnostics += IdentifierText.departementThenDigitsDiagnostics(rawValue)
        if diagnostics.isEmpty, isKeyChecked, let mismatch = LuhnDigits.keyMismatch(rawValue) {
            diagnostics.append(mismatch)
        }
        return diagnostics
    }
}
