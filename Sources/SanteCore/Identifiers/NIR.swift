/// A NIR (numéro d'inscription au répertoire, the French social security number) or a NIA
/// (numéro identifiant d'attente, built the same way): 13 characters and a 2-digit control key.
///
/// Layout: sex (1), birth year (2), birth month (2), département (2: digits, `2A` or `2B`),
/// commune (3), order number (3), key (2). The key is `97 − (N mod 97)`, where `N` is the first
/// 13 characters read as an integer after replacing the Corsican département `2A` by `19` and
/// `2B` by `18` (positions 6–7 only).
///
/// Reading keeps any value. ``diagnostics`` covers length, characters and the key, the rules that
/// hold for NIR and NIA alike. The stricter CNAM rule on the components (sex digit `1`/`2`, month
/// `01`–`12`) is reported separately by ``structureDiagnostics`` because NIA values and incomplete
/// civil records legitimately differ from it.
///
/// ```swift
/// let nir = NIR("1 84 12 76 451 089 46")
/// nir.isValid          // true
/// NIR("184127645108900").diagnostics  // [.invalidKey(expected: "46", found: "00")]
/// ```
public struct NIR: HealthIdentifier, CustomDebugStringConvertible, CustomReflectable {
    /// `"NIR"`.
    public static let identifierName = "NIR"
    /// The number of characters of a complete NIR, key included.
    public static let length = 15
    /// The number of characters before the key.
    public static let bodyLength = 13

    /// The value as read, whitespace removed (a Corsican `2a`/`2b` is upper-cased).
    public let rawValue: String

    /// Reads a NIR or NIA, with or without spaces, keeping it even when malformed.
    ///
    /// - Parameter string: Such as `"1 84 12 76 451 089 46"` or `"184127645108946"`.
    public init(_ string: String) {
        rawValue = IdentifierText.upperCasingCorsica(IdentifierText.withoutWhitespace(string), at: 5)
    }

    /// Builds a NIR from its 13-character body, appending the computed key.
    ///
    /// Useful to generate valid test identities.
    ///
    /// - Parameter body: The first 13 characters (spaces allowed).
    /// - Returns: The complete NIR, or `nil` when the body is not 13 valid characters.
    public static func withComputedKey(body: String) -> NIR? {
        let cleaned = IdentifierText.upperCasingCorsica(IdentifierText.withoutWhitespace(body), at: 5)
        guard let key = controlKey(for: cleaned) else { return nil }
        return NIR(cleaned + formattedKey(key))
    }

    /// Computes the control key of a 13-character NIR body.
    ///
    /// - Parameter body: The first 13 characters, digits except `2A`/`2B` at positions 6–7.
    /// - Returns: The key, from 1 to 97, or `nil` when the body is not 13 valid characters.
    public static func controlKey(for body: String) -> Int? {
        let characters = Array(body)
        guard characters.count == bodyLength, bodyCharacterDiagnostics(characters).isEmpty else { return nil }
        var digits = characters
        switch (characters[5], characters[6]) {
        case ("2", "A"): (digits[5], digits[6]) = ("1", "9")
        case ("2", "B"): (digits[5], digits[6]) = ("1", "8")
        default: break
        }
        guard let number = Int64(String(digits)) else { return nil }
        return Int(97 - number % 97)
    }

    /// The key written with two digits, such as `"05"`.
    ///
    /// - Parameter key: A key from 1 to 97.
    /// - Returns: The key padded to two digits.
    public static func formattedKey(_ key: Int) -> String {
        key < 10 ? "0\(key)" : "\(key)"
    }

    /// The first 13 characters, when the value has at least 13.
    public var body: String? {
        rawValue.count >= Self.bodyLength ? String(rawValue.prefix(Self.bodyLength)) : nil
    }

    /// The 2-character key as written, when the value has exactly 15 characters.
    public var key: String? {
        rawValue.count == Self.length ? String(rawValue.suffix(2)) : nil
    }

    /// The key computed from the body, when the body is well formed.
    public var expectedKey: String? {
        body.flatMap(Self.controlKey(for:)).map(Self.formattedKey)
    }

    /// Whether the département (positions 6–7) is Corsican, `2A` or `2B`.
    public var isCorsican: Bool {
        let characters = Array(rawValue)
        return characters.count >= 7 && characters[5] == "2" && (characters[6] == "A" || characters[6] == "B")
    }

    /// The value grouped as usually printed, `1 84 12 76 451 089 46`, or ``rawValue`` when malformed.
    public var formatted: String {
        let characters = Array(rawValue)
        guard characters.count == Self.length else { return rawValue }
        let groups = [0..<1, 1..<3, 3..<5, 5..<7, 7..<10, 10..<13, 13..<15]
        return groups.map { String(characters[$0]) }.joined(separator: " ")
    }

    /// Length, character and key problems; empty for a well-formed NIR or NIA with the right key.
    public var diagnostics: [IdentifierDiagnostic] {
        let characters = Array(rawValue)
        var diagnostics: [IdentifierDiagnostic] = []
        if characters.count != Self.length {
            diagnostics.append(.invalidLength(expected: Self.length, found: characters.count))
        }
        let bodyCharacters = Array(characters.prefix(Self.bodyLength))
        diagnostics += Self.bodyCharacterDiagnostics(bodyCharacters)
        if characters.count > Self.bodyLength {
            for (offset, character) in characters.enumerated().dropFirst(Self.bodyLength)
            where !IdentifierText.isDigit(character) {
                diagnostics.append(.invalidCharacter(character, position: offset + 1))
            }
        }
        if diagnostics.isEmpty, let expected = expectedKey, let found = key, expected != found {
            diagnostics.append(.invalidKey(expected: expected, found: found))
        }
        return diagnostics
    }

    /// Problems under the strict CNAM NIR rule: sex digit `1` or `2`, birth month `01`–`12`.
    ///
    /// Informative only: a NIA, or a NIR from an incomplete civil record, may legitimately fail
    /// this rule, so it is not part of ``diagnostics`` nor of ``isValid``.
    public var structureDiagnostics: [IdentifierDiagnostic] {
        let characters = Array(rawValue)
        guard characters.count >= 5 else { return [] }
        var diagnostics: [IdentifierDiagnostic] = []
        if characters[0] != "1" && characters[0] != "2" {
            diagnostics.append(
                .unexpectedComponent(name: "sex digit", value: String(characters[0]), expected: "1 or 2"))
        }
        let month = String(characters[3...4])
        let isCalendarMonth = IdentifierText.isAllDigits(month) && (1...12).contains(Int(month) ?? 0)
        if !isCalendarMonth {
            diagnostics.append(.unexpectedComponent(name: "birth month", value: month, expected: "01 to 12"))
        }
        return diagnostics
    }

    /// Character problems in the first 13 characters (digits, with `2A`/`2B` allowed at positions 6–7).
    private static func bodyCharacterDiagnostics(_ characters: [Character]) -> [IdentifierDiagnostic] {
        var diagnostics: [IdentifierDiagnostic] = []
        let corsican = characters.count >= 7 && characters[5] == "2" && (characters[6] == "A" || characters[6] == "B")
        for (offset, character) in characters.enumerated() {
            if offset == 6 && corsican { continue }
            if !IdentifierText.isDigit(character) {
                diagnostics.append(.invalidCharacter(character, position: offset + 1))
            }
        }
        return diagnostics
    }
}

extension NIR {
    /// The value with every character but the last two (the key) hidden, such as `*************46`.
    ///
    /// A NIR identifies a person; this form is safe in logs and still tells values apart.
    /// Values of four characters or fewer are hidden entirely.
    public var masked: String {
        let characters = Array(rawValue)
        let shown = characters.count > 4 ? 2 : 0
        return String(repeating: "*", count: characters.count - shown) + String(characters.suffix(shown))
    }

    /// The masked value, such as `NIR(*************46)`: never the identity. Use ``rawValue`` on the wire.
    public var description: String { "NIR(\(masked))" }

    /// The masked value, like ``description``.
    public var debugDescription: String { description }

    /// A mirror that shows only the masked value, so that `dump` does not print the NIR.
    public var customMirror: Mirror {
        Mirror(self, children: ["masked": masked], displayStyle: .struct)
    }
}
