import SanteCore
import Testing

@Suite("FINESS, SIREN, SIRET and the national structure identifier")
struct StructureIdentifierTests {
    @Test(
        "FINESS numbers from the official FINESS sample are valid",
        arguments: ["010000016", "010000156", "010780195", "580008803"])
    func finessValid(_ value: String) {
        #expect(FINESS(value).isValid)
    }

    @Test("a FINESS with a wrong key is kept with a diagnostic")
    func finessWrongKey() throws {
        // From the PDSm examples.
        let finess = FINESS("754567860")
        #expect(finess.rawValue == "754567860")
        #expect(finess.diagnostics == [.invalidKey(expected: "5", found: "0")])
        #expect(try #require(FINESS.withComputedKey(payload: "75456786")).rawValue == "754567865")
        #expect(FINESS("01 078 019 5").rawValue == "010780195")
    }

    @Test("Corsican FINESS numbers are checked on format only")
    func finessCorsica() {
        let corsican = FINESS("2a0000014")
        #expect(corsican.rawValue == "2A0000014")
        #expect(corsican.isCorsican)
        #expect(!corsican.isKeyChecked)
        #expect(corsican.isValid)
        #expect(FINESS("2B0000019").isValid)
        #expect(FINESS("2C0000014").diagnostics == [.invalidCharacter("C", position: 2)])
        #expect(FINESS("2A00000").diagnostics == [.invalidLength(expected: 9, found: 7)])
        #expect(FINESS("010780195").isKeyChecked)
    }

    @Test("SIREN")
    func siren() throws {
        #expect(SIREN("732 829 320").isValid)
        #expect(SIREN("732829321").diagnostics == [.invalidKey(expected: "0", found: "1")])
        #expect(try #require(SIREN.withComputedKey(payload: "73282932")).rawValue == "732829320")
        #expect(SIREN.fhirSystem == "https://sirene.fr")
    }

    @Test("SIRET")
    func siret() throws {
        let siret = SIRET("732 829 320 00074")
        #expect(siret.isValid)
        #expect(siret.siren == SIREN("732829320"))
        #expect(siret.nic == "00074")
        #expect(SIRET("73282932000079").diagnostics == [.invalidKey(expected: "4", found: "9")])
        #expect(try #require(SIRET.withComputedKey(payload: "7328293200007")).rawValue == "73282932000074")
        #expect(SIRET("7328293200007").diagnostics == [.invalidLength(expected: 14, found: 13)])
    }

    @Test("La Poste SIRET numbers follow the digit-sum rule")
    func laPoste() {
        #expect(SIRET("35600000000048").isValid)  // head office, Luhn
        let branch = SIRET("35600000012346")  // digit sum 30, Luhn would want 0
        #expect(!Luhn.isValid(branch.rawValue))
        #expect(branch.isLaPoste)
        #expect(branch.isValid)
        #expect(SIRET("35600000012345").diagnostics == [.invalidKey(expected: "1 or 6", found: "5")])
        // The rule applies to La Poste only.
        #expect(!SIRET("73282932000075").isValid)
    }

    @Test("national structure identifier")
    func nationalStructure() {
        #expect(NationalStructureIdentifier("1580008803") == .finess(FINESS("580008803")))
        #expect(NationalStructureIdentifier("1580008803").isValid)
        #expect(NationalStructureIdentifier("2264403106") == .siren(SIREN("264403106")))
        #expect(NationalStructureIdentifier("2264403106").isValid)
        #expect(NationalStructureIdentifier("373282932000074") == .siret(SIRET("73282932000074")))
        #expect(NationalStructureIdentifier("4R10001") == .rppsRang("R10001"))
        #expect(NationalStructureIdentifier("1754567860").diagnostics == [.invalidKey(expected: "5", found: "0")])
        let unknown = NationalStructureIdentifier("R99001")
        #expect(unknown == .unrecognized("R99001"))
        #expect(unknown.rawValue == "R99001")
        #expect(!unknown.isValid)
        #expect(NationalStructureIdentifier.fhirSystem == "urn:oid:1.2.250.1.71.4.2.2")
    }
}
