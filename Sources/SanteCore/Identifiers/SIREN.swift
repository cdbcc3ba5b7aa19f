/// A SIREN number, the INSEE identifier of a legal unit: 9 digits, the last one a Luhn key.
///
/// Its FHIR identifier system is ``fhirSystem``.
public struct SIREN: HealthIdentifier {
    /// `"SIREN"`.
    public static let identifierName = "SIREN"
    /// The number of digits, key included.
    public static let length = 9
    /// The FHIR `Identifier.system` of a SIREN number.
    public static let fhirSystem = "https://sirene.fr"

    /// The value as read, whitespace removed.
    public let rawValue: String

    /// Reads a SIREN number, keeping it even when malformed.
    ///
    /// - Parameter string: Such as `"732 829 320"`.
    public init(_ string: String) {
        rawValue = IdentifierText.withoutWhitespace(string)
    }

    /// Builds a SIREN number from its first 8 digits, appending the Luhn key.
    ///
    /// - Parameter payload: 8 digits.
    /// - Returns: The complete number, or `nil` when the payload is not 8 digits.
    public static func withComputedKey(payload: String) -> SIREN? {
        LuhnDigits.withComputedKey(payload, length: length).map(SIREN.init)
    }

    /// Length, character and Luhn-key problems.
    public var diagnostics: [IdentifierDiagnostic] {
        LuhnDigits.diagnostics(rawValue, length: Self.length)
    }
}
