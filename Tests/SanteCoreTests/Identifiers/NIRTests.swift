import SanteCore
import Testing

@Suite("NIR")
struct NIRTests {
    @Test("the INSEE example 1 84 12 76 451 089 has key 46")
    func inseeExample() throws {
        #expect(NIR.controlKey(for: "1841276451089") == 46)
        let nir = NIR("1 84 12 76 451 089 46")
        #expect(nir.rawValue == "184127645108946")
        #expect(nir.isValid)
        #expect(nir.diagnostics.isEmpty)
        #expect(nir.body == "1841276451089")
        #expect(nir.key == "46")
        #expect(nir.formatted == "1 84 12 76 451 089 46")
        #expect(try nir.validated() == nir)
    }

    @Test(
        "reference vectors with valid keys",
        arguments: [
            "284058832102532", "255081416802538", "284052A32102552", "284052B32102579", "279035121518989",
            "206127511100564", "884058832102523",
        ]
    )
    func validVectors(_ value: String) {
        #expect(NIR(value).isValid, "\(NIR(value).diagnostics)")
    }

    @Test(
        "reference vectors with wrong keys keep the value and report the expected key",
        arguments: [
            ("255081416802500", "38", "00"), ("123456789012345", "11", "45"), ("123456789012244", "12", "44"),
            ("194052203228988", "80", "88"), ("170017510112313", "88", "13"),
        ]
    )
    func wrongKeys(_ value: String, _ expected: String, _ found: String) {
        let nir = NIR(value)
        #expect(nir.rawValue == value)
        #expect(!nir.isValid)
        #expect(nir.diagnostics == [.invalidKey(expected: expected, found: found)])
        #expect(nir.diagnostics.allSatisfy { $0.isKeyMismatch })
        #expect(nir.expectedKey == expected)
    }

    @Test("Corsica: 2A counts as 19 and 2B as 18")
    func corsica() {
        #expect(NIR.controlKey(for: "284052A321025") == 52)
        #expect(NIR.controlKey(for: "284052B321025") == 79)
        #expect(NIR.controlKey(for: "2840519321025") == 52)
        #expect(NIR.controlKey(for: "2840518321025") == 79)
        let lowerCase = NIR("2 84 05 2a 321 025 52")
        #expect(lowerCase.rawValue == "284052A32102552")
        #expect(lowerCase.isCorsican)
        #expect(lowerCase.isValid)
        #expect(!NIR("284058832102532").isCorsican)
    }

    @Test("letters outside positions 6-7 are invalid characters")
    func misplacedLetters() {
        #expect(NIR("2840A2832102532").diagnostics == [.invalidCharacter("A", position: 5)])
        #expect(NIR("284052C32102552").diagnostics == [.invalidCharacter("C", position: 7)])
        #expect(NIR.controlKey(for: "284052C321025") == nil)
        #expect(NIR("1841276451089X6").diagnostics == [.invalidCharacter("X", position: 14)])
    }

    @Test("wrong length is reported and the value kept")
    func wrongLength() {
        let short = NIR("1841276451089")
        #expect(short.rawValue == "1841276451089")
        #expect(short.diagnostics == [.invalidLength(expected: 15, found: 13)])
        #expect(short.key == nil)
        #expect(short.expectedKey == "46")
        #expect(NIR("").diagnostics == [.invalidLength(expected: 15, found: 0)])
    }

    @Test("generated NIR has a valid, zero-padded key")
    func generated() throws {
        let smallKey = try #require(NIR.withComputedKey(body: "1850675123152"))
        #expect(smallKey.rawValue == "185067512315205")
        #expect(smallKey.isValid)
        let largestKey = try #require(NIR.withComputedKey(body: "1 85 06 75 123 060"))
        #expect(largestKey.key == "97")
        #expect(largestKey.isValid)
        #expect(NIR.withComputedKey(body: "18506751230") == nil)
        #expect(NIR.formattedKey(5) == "05")
    }

    @Test("strict validation names the field and the keys")
    func strictValidation() {
        // A body whose key is 34, carrying 12.
        #expect(NIR.controlKey(for: "1850675123026") == 34)
        let expected = ValidationError(issues: [
            ValidationIssue(field: "nir", reason: "NIR control key is 12, expected 34")
        ])
        #expect(throws: expected) {
            try NIR("185067512302612").validate()
        }
        do {
            try NIR("255081416802500").validate(field: "patient.ins")
            Issue.record("expected a validation error")
        } catch {
            #expect(error.code == .validation)
            #expect(
                error.issues == [ValidationIssue(field: "patient.ins", reason: "NIR control key is 00, expected 38")])
            #expect(error.description == "invalid input: patient.ins: NIR control key is 00, expected 38")
        }
    }

    @Test("the strict CNAM structure rule is reported separately")
    func structure() throws {
        let nia = NIR("884058832102523")
        #expect(nia.isValid)
        #expect(nia.structureDiagnostics == [.unexpectedComponent(name: "sex digit", value: "8", expected: "1 or 2")])
        #expect(NIR("184127645108946").structureDiagnostics.isEmpty)
        let month = try #require(NIR.withComputedKey(body: "1843076451089"))
        #expect(month.isValid)
        #expect(
            month.structureDiagnostics == [.unexpectedComponent(name: "birth month", value: "30", expected: "01 to 12")]
        )
    }
}
