import Foundation

/// Validates recipients the way the mock Notify service accepts them, and maps the documented test
/// recipients to their simulated outcome.
enum NotifyRecipients {
    /// A phone number normalised to E.164 (`+33600000002`), or `nil` when it is not a valid number.
    ///
    /// Accepted: French mobiles (`06…`, `07…`, `+33 6…`, `0033 7…`) and international numbers (`+<country>…`
    /// or `00<country>…`, 8 to 15 digits). Spaces, dots, dashes and parentheses are ignored.
    static func normalisedPhoneNumber(_ text: String) -> String? {
        let ignored: Set<Character> = [" ", ".", "-", "(", ")", "\u{00A0}"]
        var compact = String(text.filter { !ignored.contains($0) })
        if compact.hasPrefix("00") {
            compact = "+" + compact.dropFirst(2)
        }
        if compact.hasPrefix("+") {
            let digits = compact.dropFirst()
            guard digits.allSatisfy(\.isASCIIDigit), (8...15).contains(digits.count) else { return nil }
            if digits.hasPrefix("33") {
                var national = digits.dropFirst(2)
                if national.hasPrefix("0") {
                    national = national.dropFirst()
                }
                return isFrenchMobile(national) ? "+33" + national : nil
            }
            return digits.first == "0" ? nil : "+" + digits
        }
        guard compact.allSatisfy(\.isASCIIDigit), compact.count == 10, compact.hasPrefix("0") else { return nil }
        let national = compact.dropFirst()
        return isFrenchMobile(national) ? "+33" + national : nil
    }

    /// Whether `email` looks like an e-mail address: one `@`, a non-empty local part without spaces, and a
    /// domain of at least two dot-separated labels of letters, digits and hyphens.
    static func isValidEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let local = parts[0]
        guard !local.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" }), !local.hasPrefix("."),
            !local.hasSuffix("."), !local.contains("..")
        else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                label.allSatisfy({ $0.isLetter || $0.isASCIIDigit || $0 == "-" })
            else { return false }
        }
        return labels.last.map { $0.count >= 2 && $0.allSatisfy(\.isLetter) } ?? false
    }

    /// The final status of an SMS to `e164`: the documented test numbers fail, every other is `delivered`.
    ///
    /// `+33600000002` → `permanent-failure`, `+33600000003` → `temporary-failure`,
    /// `+33600000004` → `technical-failure`.
    static func finalStatus(phoneNumber e164: String) -> String {
        switch e164 {
        case "+33600000002": "permanent-failure"
        case "+33600000003": "temporary-failure"
        case "+33600000004": "technical-failure"
        default: "delivered"
        }
    }

    /// The final status of an e-mail: `perm-fail@simulator.notify` → `permanent-failure`,
    /// `temp-fail@simulator.notify` → `temporary-failure`, `tech-fail@simulator.notify` → `technical-failure`.
    static func finalStatus(email: String) -> String {
        switch email.lowercased() {
        case "perm-fail@simulator.notify": "permanent-failure"
        case "temp-fail@simulator.notify": "temporary-failure"
        case "tech-fail@simulator.notify": "technical-failure"
        default: "delivered"
        }
    }

    private static func isFrenchMobile(_ national: Substring) -> Bool {
        national.count == 9 && national.allSatisfy(\.isASCIIDigit) && (national.first == "6" || national.first == "7")
    }
}

extension Character {
    /// Whether the character is one of `0`…`9`.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
