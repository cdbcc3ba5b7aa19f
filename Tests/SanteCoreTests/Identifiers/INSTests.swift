import SanteCore
import Testing

@Suite("INS")
struct INSTests {
    @Test("systems have the ANS OIDs and urn:oid forms")
    func systems() {
        #expect(INS.System.nir.rawValue == "1.2.250.1.213.1.4.8")
        #expect(INS.System.nia.urn == "urn:oid:1.2.250.1.213.1.4.9")
        #expect(INS.System.test.urn == "urn:oid:1.2.250.1.213.1.4.10")
        #expect(INS.System.demo.urn == "urn:oid:1.2.250.1.213.1.4.11")
        #expect(INS.System("urn:oid:1.2.250.1.213.1.4.10") == .test)
        #expect(INS.System("1.2.250.1.213.1.4.11") == .demo)
        #expect(INS.System.nir.fhirUse == "official")
        #expect(INS.System.nia.fhirUse == "temp")
        #expect(INS.System.known.allSatisfy { $0.isKnown })
    }

    @Test("unknown systems are kept, not known")
    func unknownSystem() {
        let obsolete = INS.System("urn:oid:1.2.250.1.213.1.4.2")
        #expect(obsolete.rawValue == "1.2.250.1.213.1.4.2")
        #expect(!obsolete.isKnown)
        #expect(obsolete.description == "urn:oid:1.2.250.1.213.1.4.2")
        #expect(INS.System.nir.description == "INS-NIR")
    }

    @Test(
        "status codes map both ways and unknown codes are kept",
        arguments: [
            ("PROV", INS.QualificationStatus.provisional), ("VALI", .validated), ("RECUP", .recovered),
            ("QUAL", .qualified), ("qual", .qualified), ("VIDE", .other("VIDE")),
        ]
    )
    func statuses(_ code: String, _ status: INS.QualificationStatus) {
        #expect(INS.QualificationStatus(code: code) == status)
        #expect(status.code == (code == "qual" ? "QUAL" : code))
    }

    @Test("FHIR identifier helpers")
    func fhirHelpers() {
        let ins = INS("2 79 03 51 215 189 89", system: .test, status: .qualified)
        #expect(ins.fhirSystem == "urn:oid:1.2.250.1.213.1.4.10")
        #expect(ins.fhirValue == "279035121518989")
        #expect(ins.fhirIdentifier.system == "urn:oid:1.2.250.1.213.1.4.10")
        #expect(ins.fhirIdentifier.value == "279035121518989")
        #expect(ins.fhirSearchToken == "urn:oid:1.2.250.1.213.1.4.10|279035121518989")
        #expect(ins.xdsCX == "279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH")
        #expect(ins.description == "INS(*************89, INS-NIR-TEST, QUAL)")

        let read = INS(fhirSystem: "urn:oid:1.2.250.1.213.1.4.8", value: "123456789012345")
        #expect(read.system == .nir)
        #expect(read.status == nil)
        #expect(read.rawValue == "123456789012345")
    }

    @Test("a qualified INS with a valid key may be sent")
    func sendable() throws {
        let ins = INS("279035121518989", system: .test, status: .qualified)
        #expect(ins.isValid)
        #expect(ins.sendingIssues().isEmpty)
        try ins.validateForSending()
    }

    @Test("the key is checked for test and demo systems too")
    func testSystemKey() {
        let ins = INS("123456789012345", system: .test, status: .qualified)
        #expect(ins.diagnostics == [.invalidKey(expected: "11", found: "45")])
        #expect(throws: ValidationError.self) { try ins.validateForSending() }
    }

    @Test("sending requires QUAL and reports every problem")
    func sendingIssues() {
        let ins = INS("123456789012345", system: INS.System("1.2.250.1.213.1.4.5"), status: .validated)
        #expect(ins.rawValue == "123456789012345")
        #expect(
            ins.sendingIssues(field: "patient.ins") == [
                ValidationIssue(field: "patient.ins", reason: "INS control key is 45, expected 11"),
                ValidationIssue(
                    field: "patient.ins.system",
                    reason: "INS system urn:oid:1.2.250.1.213.1.4.5 is not an INS authority"),
                ValidationIssue(field: "patient.ins.status", reason: "identity status is VALI, expected QUAL"),
            ]
        )
        do {
            try INS("184127645108946").validateForSending()
            Issue.record("an INS without status must not be sendable")
        } catch {
            #expect(
                error.issues == [
                    ValidationIssue(field: "ins.status", reason: "identity status is unknown, expected QUAL")
                ])
        }
        // Plain validation only looks at the matricule.
        #expect((try? INS("184127645108946", status: .provisional).validate()) != nil)
    }
}
