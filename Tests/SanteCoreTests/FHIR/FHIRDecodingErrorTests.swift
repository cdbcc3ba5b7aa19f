import Foundation
import SanteCore
import Testing

@Suite("FHIR decoding errors carry the coding path")
struct FHIRDecodingErrorTests {
    private func decodingError<Value: Decodable>(_ type: Value.Type, _ json: String) -> FHIRDecodingError? {
        do {
            _ = try FHIRJSON.decode(type, from: Data(json.utf8), operation: "test.decode")
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "a bad member deep in a Bundle is reported with its path",
        arguments: [
            (
                #"{"resourceType":"Bundle","type":"batch-response","entry":[{"response":{"status":"200"}},{"response":{"status":"201","lastModified":"yesterday"}}]}"#,
                "entry[1].response.lastModified"
            ),
            (#"{"resourceType":"Bundle","entry":[]}"#, "type"),
            (#"{"resourceType":"Bundle","type":"searchset","total":"two"}"#, "total"),
            (
                #"{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"id":"x"}}]}"#,
                "entry[0].resource.resourceType"
            ),
            (#"{"resourceType":"Bundle","type":"searchset","link":[{"relation":"next"}]}"#, "link[0].url"),
            (#"{"resourceType":"Bundle","type":"searchset","meta":{"tag":[{"code":7}]}}"#, "meta.tag[0].code"),
        ])
    func pathOfBadMember(json: String, path: String) throws {
        let error = try #require(decodingError(FHIRBundle.self, json))
        #expect(error.codingPath == path)
        #expect(error.code == .decoding)
        #expect(error.operation == "test.decode")
        #expect(error.underlyingError is DecodingError)
        #expect(error.description.hasPrefix("test.decode: decoding failed at \(path): "))
    }

    @Test("a missing member says so")
    func missingMember() throws {
        let error = try #require(decodingError(FHIRBundle.self, #"{"resourceType":"Bundle"}"#))
        #expect(error.message == "missing required member")
    }

    @Test("a malformed document fails at the root")
    func malformedDocument() throws {
        let error = try #require(decodingError(FHIRBundle.self, #"{"resourceType":"Bundle","#))
        #expect(error.codingPath == "")
        #expect(error.description.contains("(root)"))
    }

    @Test("resources(of:) reports paths from the Bundle root")
    func resourcesOfPath() throws {
        let bundle = try FHIRJSON.decode(
            FHIRBundle.self,
            from: Data(
                #"{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"OperationOutcome","issue":[{"code":"invalid"}]}}]}"#
                    .utf8
            )
        )
        #expect {
            try bundle.resources(of: FHIROperationOutcome.self)
        } throws: { error in
            (error as? FHIRDecodingError)?.codingPath == "entry[0].resource.issue[0].severity"
        }
    }

    @Test("the error is a SanteError with the decoding code")
    func isSanteError() {
        let error: any SanteError = FHIRDecodingError(codingPath: "a.b", message: "bad")
        #expect(error.code == .decoding)
        #expect(!error.isNetworkError)
        #expect(error.description == "decoding failed at a.b: bad")
    }
}
