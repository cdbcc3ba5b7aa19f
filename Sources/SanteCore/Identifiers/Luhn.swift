/// The Luhn (mod 10) check digit, used by RPPS, FINESS, SIREN and SIRET.
public enum Luhn {
    /// Whether a digit string, check digit included, passes the Luhn test.
    ///
    /// - Parameter digits: ASCII digits only; anything else (or an empty string) is not valid.
    /// - Returns: `true` when the weighted digit sum is a multiple of 10.
    public static func isValid(_ digits: some StringProtocol) -> Bool {
        guard let sum = weightedSum(digits, checkDigitIncluded: true) else { return false }
        return sum % 10 == 0
    }

    /// The check digit to append to a payload so that the whole passes the Luhn test.
    ///
    /// - Parameter payload: ASCII digits only, without the check digit.
    /// - Returns: The digit `0`–`9`, or `nil` when the payload is empty or not all digits.
    public static func checkDigit(for payload: some StringProtocol) -> Int? {
        guard let sum = weightedSum(payload, checkDigitIncluded: false) else { return nil }
        return (10 - sum % 10) % 10
    }

    /// The Luhn sum, doubling every second digit from the right (from the rightmost digit when the
    /// check digit is not yet included).
    private static func weightedSum(_ digits: some StringProtocol, checkDigitIncluded: Bool) -> Int? {
        guard !digits.isEmpty else { return nil }
        var sum = 0
        var doubles = !checkDigitIncluded
        for character in digits.reversed() {
            guard let value = IdentifierText.digitValue(character) else { return nil }
            if doubles {
                let doubled = value * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += value
            }
            doubles.toggle()
        }
        return sum
    }
}
