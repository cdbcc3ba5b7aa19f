import Foundation
import SanteCore
import Testing

@Suite("FHIR OperationOutcome")
struct FHIROperationOutcomeTests {
    private let json = Data(
        #"""
        {
          "resourceType": "OperationOutcome",
          "id": "oo-1",
          "issue": [
            {"severity": "error", "code": "required", "diagnostics": "missing", "expression": ["DocumentReference.custodian"]},
            {"severity": "warning", "code": "business-rule", "details": {"text": "date older than two years"},
             "location": ["/f:DocumentReference/f:date"]},
            {"severity": "information", "code": "informational",
             "details": {"coding": [{"system": "https://example.org/codes", "code": "MSG_OK", "display": "Processed"}]}},
            {"severity": "error", "code": "processing"}
          ]
        }
        """#.utf8
    )

    @Test("the summary has one readable line per issue")
    func summary() throws {
        let outcome = try FHIRJSON.decode(FHIROperationOutcome.self, from: json)
        #expect(
            outcome.summary == """
                error [required] DocumentReference.custodian: missing
                warning [business-rule] /f:DocumentReference/f:date: date older than two years
                information [informational] Processed
                error [processing]
                """
        )
        #expect(outcome.issue.first?.summary == "error [required] DocumentReference.custodian: missing")
    }

    @Test("issues are typed and errors are detected")
    func typedIssues() throws {
        let outcome = try FHIRJSON.decode(FHIROperationOutcome.self, from: json)
        #expect(outcome.id == "oo-1")
        #expect(outcome.issue.count == 4)
        #expect(outcome.issue[0].severity == .error)
        #expect(outcome.issue[0].code == .required)
        #expect(outcome.issue[1].code == .businessRule)
        #expect(outcome.issue[1].message == "date older than two years")
        #expect(outcome.hasErrors)
        #expect(!FHIROperationOutcome(issue: [.init(severity: .warning, code: .informational)]).hasErrors)
        #expect(try FHIRTestJSON.parse(try FHIRJSON.encode(outcome)) == FHIRTestJSON.parse(json))
    }

    @Test("an unknown severity or issue code is kept")
    func unknownCodes() throws {
        let outcome = try FHIRJSON.decode(
            FHIROperationOutcome.self,
            from: Data(
                #"{"resourceType":"OperationOutcome","issue":[{"severity":"catastrophic","code":"x-new"}]}"#.utf8)
        )
        #expect(outcome.issue.first?.severity.rawValue == "catastrophic")
        #expect(outcome.summary == "catastrophic [x-new]")
    }

    @Test("an OperationOutcome is not mistaken for a Bundle")
    func notABundle() {
        #expect {
            try FHIRJSON.decode(FHIRBundle.self, from: json)
        } throws: { error in
            guard let error = error as? FHIRDecodingError else { return false }
            return error.codingPath == "resourceType" && error.message.contains("OperationOutcome")
        }
    }
}
