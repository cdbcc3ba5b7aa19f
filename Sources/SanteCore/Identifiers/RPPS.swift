/// An RPPS number (répertoire partagé des professionnels de santé): 11 digits, the last one a Luhn key.
///
/// Its FHIR identifier system is ``fhirSystem`` (`https://rpps.esante.gouv.fr`). Inside the
/// national professional identifier it is prefixed with `8` (see ``NationalProfessionalIdentifier``).
public struct RPPS: HealthIdentifier {
    /// `"RPPS"`.
    public static let identifierName = "RPPS"
    /// The number of digits, key included.
    public static let length = 11
    /// The FHIR `Identifier.system` of a bare RPPS number.
    public static let fhirSystem = "https://rpps.esante.gouv.fr"

    /// The value as read, whitespace removed.
    public let rawValue: String

    /// Reads an RPPS number, keeping it even when malformed.
    ///
    /// - Parameter string: Such as `"10003618186"`; spaces are removed.
    public init(_ string: String) {
        rawValue = IdentifierText.withoutWhitespace(string)
    }

    /// Builds an RPPS number from its first 10 digits, appending the Luhn key.
    ///
    /// - Parameter payload: 10 digits.
    /// - Returns: The complete number, or `nil` when the payload is not 10 digits.
    public static func withComputedKey(payload: String) -> RPPS? {
        LuhnDigits.withComputedKey(payload, length: length).map(RPPS.init)
    }

    /// Length, character and Luhn-key problems.
    public var diagnostics: [IdentifierDiagnostic] {
        LuhnDigits.diagnostics(rawValue, length: Self.length)
    }

    /// The national professional identifier for this RPPS number, `8` followed by the number.
    public var nationalIdentifier: NationalProfessionalIdentifier { .rpps(self) }
}
