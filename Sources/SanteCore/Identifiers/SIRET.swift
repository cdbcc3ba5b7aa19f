/// A SIRET number, the INSEE identifier of an establishment: the 9-digit SIREN of its legal unit
/// followed by a 5-digit NIC, the last digit a key.
///
/// The key is a Luhn key over the 14 digits, with one documented exception: **La Poste**
/// (SIREN `356000000`) has more establishments than the NIC can number with a Luhn key, so its
/// SIRET numbers are valid when the sum of their 14 digits is a multiple of 5. A La Poste SIRET is
/// accepted when it passes either rule (its head office, `35600000000048`, passes the Luhn rule).
public struct SIRET: HealthIdentifier {
    /// `"SIRET"`.
    public static let identifierName = "SIRET"
    /// The number of digits, key included.
    public static let length = 14
    /// The SIREN of La Poste, whose SIRET numbers follow the digit-sum rule.
    public static let laPosteSIREN = "356000000"

    /// The value as read, whitespace removed.
    public let rawValue: String

    /// Reads a SIRET number, keeping it even when malformed.
    ///
    /// - Parameter string: Such as `"732 829 320 00074"`.
    public init(_ string: String) {
        rawValue = IdentifierText.withoutWhitespace(string)
    }

    /// Builds a SIRET number from its first 13 digits, appending the Luhn key.
    ///
    /// - Parameter payload: 13 digits.
    /// - Returns: The complete number, or `nil` when the payload is not 13 digits.
    public static func withComputedKey(payload: String) -> SIRET? {
        LuhnDigits.withComputedKey(payload, length: length).map(SIRET.init)
    }

    /// The SIREN of the legal unit (the first 9 characters), when the value has at least 9.
    public var siren: SIREN? {
        rawValue.count >= SIREN.length ? SIREN(String(rawValue.prefix(SIREN.length))) : nil
    }

    /// The NIC, the establishment's 5 characters after the SIREN, when the value has exactly 14.
    public var nic: String? {
        rawValue.count == Self.length ? String(rawValue.suffix(5)) : nil
    }

    /// Whether this is a La Poste establishment (SIREN `356000000`).
    public var isLaPoste: Bool { rawValue.hasPrefix(Self.laPosteSIREN) }

    /// Length, character and key problems (Luhn, or La Poste's digit-sum rule).
    public var diagnostics: [IdentifierDiagnostic] {
        var diagnostics: [IdentifierDiagnostic] = []
        if rawValue.count != Self.length {
            diagnostics.append(.invalidLength(expected: Self.length, found: rawValue.count))
        }
        diagnostics += IdentifierText.nonDigitDiagnostics(rawValue)
        guard diagnostics.isEmpty, let luhnMismatch = LuhnDigits.keyMismatch(rawValue) else { return diagnostics }
        guard isLaPoste else { return [luhnMismatch] }
        let sum = rawValue.compactMap(IdentifierText.digitValue).reduce(0, +)
        if sum % 5 == 0 { return [] }
        guard let last = rawValue.last.flatMap(IdentifierText.digitValue) else { return [luhnMismatch] }
        let low = ((last - sum) % 5 + 5) % 5
        return [.invalidKey(expected: "\(low) or \(low + 5)", found: String(last))]
    }
}
