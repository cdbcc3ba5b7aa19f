import SanteCore
import Testing

@Suite("RPPS, ADELI and the national professional identifier")
struct ProfessionalIdentifierTests {
    @Test("RPPS keys are Luhn keys")
    func rpps() throws {
        #expect(RPPS("99700218896").isValid)
        #expect(RPPS("997 002 188 96").rawValue == "99700218896")
        let generated = try #require(RPPS.withComputedKey(payload: "1000361818"))
        #expect(generated.rawValue == "10003618187")
        #expect(generated.isValid)
        #expect(RPPS.withComputedKey(payload: "123") == nil)
    }

    @Test("an RPPS number with a wrong key is kept with a diagnostic")
    func rppsWrongKey() {
        // The fictitious Pro Santé Connect example 899990000017 carries RPPS 99990000017.
        let rpps = RPPS("99990000017")
        #expect(rpps.rawValue == "99990000017")
        #expect(rpps.diagnostics == [.invalidKey(expected: "2", found: "7")])
        #expect(
            rpps.validationIssues() == [ValidationIssue(field: "rpps", reason: "RPPS control key is 7, expected 2")])
        #expect(RPPS("1234").diagnostics == [.invalidLength(expected: 11, found: 4)])
        #expect(RPPS("9970021889X").diagnostics == [.invalidCharacter("X", position: 11)])
    }

    @Test("ADELI numbers are checked on format only")
    func adeli() {
        let adeli = ADELI("75 123 456 7")
        #expect(adeli.rawValue == "751234567")
        #expect(adeli.isValid)
        #expect(!adeli.isKeyChecked)
        #expect(ADELI("751234568").isValid)
        #expect(ADELI("2a1234567").rawValue == "2A1234567")
        #expect(ADELI("2A1234567").isValid)
        #expect(ADELI("7512345").diagnostics == [.invalidLength(expected: 9, found: 7)])
        #expect(ADELI("75123456Z").diagnostics == [.invalidCharacter("Z", position: 9)])
    }

    @Test("8 + RPPS")
    func nationalRPPS() throws {
        let identifier = NationalProfessionalIdentifier("899700218896")
        #expect(identifier == .rpps(RPPS("99700218896")))
        #expect(identifier.rawValue == "899700218896")
        #expect(identifier.isValid)
        #expect(identifier.rppsNumber == RPPS("99700218896"))
        #expect(RPPS("99700218896").nationalIdentifier.rawValue == "899700218896")
        #expect(NationalProfessionalIdentifier.fhirSystem == "urn:oid:1.2.250.1.71.4.2.1")
    }

    @Test("the fictitious PSC SubjectNameID parses as RPPS with a wrong key")
    func pscExample() {
        let identifier = NationalProfessionalIdentifier("899990000017")
        #expect(identifier.rppsNumber?.rawValue == "99990000017")
        #expect(identifier.diagnostics == [.invalidKey(expected: "2", found: "7")])
        #expect(
            identifier.validationIssues() == [
                ValidationIssue(field: "idnps", reason: "IDNPS control key is 7, expected 2")
            ])
    }

    @Test("0 + ADELI")
    func nationalADELI() {
        let identifier = NationalProfessionalIdentifier("0751234567")
        #expect(identifier == .adeli(ADELI("751234567")))
        #expect(identifier.rawValue == "0751234567")
        #expect(identifier.isValid)
        #expect(ADELI("751234567").nationalIdentifier == identifier)
    }

    @Test("structure staff forms: prefix + structure + / + local identifier")
    func staffForms() {
        let siretStaff = NationalProfessionalIdentifier("500000001815646/CPAT00045")
        #expect(siretStaff == .siretStaff(SIRET("00000001815646"), localIdentifier: "CPAT00045"))
        #expect(siretStaff.isValid)
        #expect(siretStaff.rawValue == "500000001815646/CPAT00045")

        #expect(
            NationalProfessionalIdentifier("3010780195/12345")
                == .finessStaff(FINESS("010780195"), localIdentifier: "12345")
        )
        #expect(
            NationalProfessionalIdentifier("4732829320/abc") == .sirenStaff(SIREN("732829320"), localIdentifier: "abc")
        )
        #expect(
            NationalProfessionalIdentifier("1R10001/42") == .cabinetStaff(cabinet: "R10001", localIdentifier: "42")
        )
        #expect(
            NationalProfessionalIdentifier("6R10001/42") == .rppsCabinetStaff(cabinet: "R10001", localIdentifier: "42")
        )
        let missingLocal = NationalProfessionalIdentifier("3010780195/")
        #expect(missingLocal.diagnostics == [.unrecognizedFormat("missing local identifier after '/'")])
        let badStructureKey = NationalProfessionalIdentifier("3010780196/1")
        #expect(badStructureKey.diagnostics == [.invalidKey(expected: "5", found: "6")])
    }

    @Test("EDIT test identities and unknown forms are kept")
    func otherForms() {
        let test = NationalProfessionalIdentifier("ANS20240001")
        #expect(test == .editTestIdentity("ANS20240001"))
        #expect(test.isValid)
        let unknown = NationalProfessionalIdentifier("9123")
        #expect(unknown == .unrecognized("9123"))
        #expect(unknown.rawValue == "9123")
        #expect(!unknown.isValid)
        #expect(NationalProfessionalIdentifier("3010780195") == .unrecognized("3010780195"))
        #expect(NationalProfessionalIdentifier("").diagnostics == [.unrecognizedFormat("empty value")])
    }
}
