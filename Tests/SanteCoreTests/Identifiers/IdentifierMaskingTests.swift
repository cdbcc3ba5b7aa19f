import Foundation
import SanteCore
import Testing

@Suite("NIR and INS never print the identity")
struct IdentifierMaskingTests {
    let matricule = "184127645108946"

    func dumped(_ value: some Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }

    @Test("A NIR is masked in descriptions, interpolation and dumps, and whole on the wire")
    func nirIsMasked() throws {
        let nir = NIR("1 84 12 76 451 089 46")
        for text in ["\(nir)", String(describing: nir), String(reflecting: nir), dumped(nir)] {
            #expect(!text.contains(matricule), "\(text)")
            #expect(!text.contains("1841276451089"), "\(text)")
        }
        #expect("\(nir)" == "NIR(*************46)")
        #expect(nir.masked == "*************46")
        #expect(nir.rawValue == matricule)
        #expect(String(decoding: try JSONEncoder().encode(nir), as: UTF8.self) == "\"\(matricule)\"")
    }

    @Test("An INS is masked in descriptions, interpolation and dumps, and whole on the wire")
    func insIsMasked() {
        let ins = INS(matricule, system: .nir, status: .qualified)
        for text in ["\(ins)", String(describing: ins), String(reflecting: ins), dumped(ins), "\([ins])"] {
            #expect(!text.contains(matricule), "\(text)")
        }
        #expect("\(ins)" == "INS(*************46, INS-NIR, QUAL)")
        #expect(ins.fhirValue == matricule)
        #expect(ins.rawValue == matricule)
    }

    @Test("Short values are hidden entirely")
    func shortValues() {
        #expect(NIR("1234").description == "NIR(****)")
        #expect(NIR("").description == "NIR()")
    }

    @Test("FHIR date parse errors do not quote the value", arguments: ["1984-02-30", "1984-13", "1984-02-03T10:00"])
    func dateErrorsOmitTheValue(text: String) {
        #expect(throws: ValidationError.self) { try FHIRDate(text) }
        do {
            _ = try FHIRDate(text)
        } catch {
            #expect(!error.description.contains("1984"), "\(error.description)")
        }
        do {
            _ = try FHIRDateTime(text + "x")
        } catch {
            #expect(!error.description.contains("1984"), "\(error.description)")
        }
        do {
            _ = try FHIRInstant(text)
        } catch {
            #expect(!error.description.contains("1984"), "\(error.description)")
        }
    }
}
