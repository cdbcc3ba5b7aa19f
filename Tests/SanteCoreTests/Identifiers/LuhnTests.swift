import SanteCore
import Testing

@Suite("Luhn")
struct LuhnTests {
    @Test(
        "known valid numbers pass",
        arguments: ["99700218896", "010780195", "732829320", "73282932000074", "79927398713"])
    func validNumbers(_ digits: String) {
        #expect(Luhn.isValid(digits))
    }

    @Test("a changed digit fails", arguments: ["99700218897", "010780196", "732829321", "79927398710"])
    func invalidNumbers(_ digits: String) {
        #expect(!Luhn.isValid(digits))
    }

    @Test("check digit completes a payload")
    func checkDigit() {
        #expect(Luhn.checkDigit(for: "7992739871") == 3)
        #expect(Luhn.checkDigit(for: "9970021889") == 6)
        #expect(Luhn.checkDigit(for: "01078019") == 5)
        #expect(Luhn.checkDigit(for: "7328293200007") == 4)
    }

    @Test("non-digit or empty input is refused")
    func nonDigits() {
        #expect(!Luhn.isValid(""))
        #expect(!Luhn.isValid("12a4"))
        #expect(Luhn.checkDigit(for: "") == nil)
        #expect(Luhn.checkDigit(for: "2A000001") == nil)
    }
}
