import Foundation
import HTTPTypes
import SanteCore
import SanteDMP
import SanteHTTP
import Testing

@Suite("Metadata updates and deletion on the stub transport")
struct UpdateStubTests {
    static let unique = "urn:uuid:11111111-2222-3333-4444-555555555555"
    static let conditionalQuery = ["identifier": "urn:ietf:rfc:3986|\(unique)"]

    static func entry(labels: String? = nil) throws -> DMPDocumentEntry {
        if let labels {
            return try DMPDocumentEntry(json: Data(DMPTestSupport.storedDocument(version: "3", labels: labels).utf8))
        }
        return try DMPDocumentEntry(json: Data(DMPTestSupport.storedDocument(version: "3").utf8))
    }

    @Test("Hide sends a conditional JSON Patch of the whole securityLabel array with If-Match")
    func hide() async throws {
        let stub = StubTransport()
        stub.expect(
            .patch, "/fhir/DocumentReference", query: Self.conditionalQuery,
            headerFields: [.contentType: "application/json-patch+json", .ifMatch: "W/\"3\""],
            respond: .json(DMPTestSupport.storedDocument(version: "4")))
        let updated = try await DMPTestSupport.client(stub).hide(try Self.entry(), from: .professionals)
        #expect(updated.versionId == "4")
        let patch = try DMPTestSupport.json(try #require(stub.recordedRequests.first?.body))
        let operations = try #require(patch.arrayValue)
        #expect(operations.count == 1)
        #expect(operations[0]["op"] == "replace")
        #expect(operations[0]["path"] == "/securityLabel")
        let codes = operations[0]["value"]?.arrayValue?.compactMap { $0["coding"]?[0]?["code"]?.stringValue }
        #expect(codes == ["N", "MASQUE_PS"])
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("Unhiding the last label removes the array")
    func unhideRemoves() async throws {
        let stub = StubTransport()
        stub.expect(.patch, "/fhir/DocumentReference", respond: .json(DMPTestSupport.storedDocument(version: "4")))
        let entry = try Self.entry(
            labels:
                #"[{"coding":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument","code":"INVISIBLE_PATIENT"}]}]"#
        )
        _ = try await DMPTestSupport.client(stub).unhide(entry, from: .patient)
        let operations = try DMPTestSupport.json(try #require(stub.recordedRequests.first?.body))
        #expect(operations == [["op": "remove", "path": "/securityLabel"]])
    }

    @Test("Archive adds the is-archived extension as the whole extension array")
    func archive() async throws {
        let stub = StubTransport()
        stub.expect(.patch, "/fhir/DocumentReference", respond: .json(DMPTestSupport.storedDocument(version: "4")))
        _ = try await DMPTestSupport.client(stub).archive(try Self.entry())
        let operations = try DMPTestSupport.json(try #require(stub.recordedRequests.first?.body))
        #expect(
            operations == [
                [
                    "op": "add", "path": "/extension",
                    "value": [["url": .string(PDSmURLs.isArchivedExtension), "valueBoolean": true]],
                ]
            ])
    }

    @Test("Nothing is sent when nothing changes")
    func noChange() async throws {
        let stub = StubTransport()
        let entry = try Self.entry()
        let same = try await DMPTestSupport.client(stub).unarchive(entry)
        #expect(same == entry)
        #expect(stub.recordedRequests.isEmpty)
    }

    @Test("Delete follows the configured encoding", arguments: DMPDeleteEncoding.allCases)
    func delete(encoding: DMPDeleteEncoding) async throws {
        let stub = StubTransport()
        switch encoding {
        case .supersede, .enteredInError:
            stub.expect(
                .patch, "/fhir/DocumentReference", query: Self.conditionalQuery,
                respond: .json(DMPTestSupport.storedDocument(version: "4")))
        case .httpDelete:
            stub.expect(.delete, "/fhir/DocumentReference/doc-1", respond: .status(204))
        }
        try await DMPTestSupport.client(stub, deleteEncoding: encoding).delete(try Self.entry())
        try stub.verifyAllExpectationsConsumed()
        if encoding != .httpDelete {
            let operations = try DMPTestSupport.json(try #require(stub.recordedRequests.first?.body))
            let expected = encoding == .supersede ? "superseded" : "entered-in-error"
            #expect(operations == [["op": "replace", "path": "/status", "value": .string(expected)]])
        }
    }

    @Test("A 412 is preconditionFailed, a 405 notModifiable, a 403 forbidden")
    func statusErrors() async throws {
        for (status, code, reason) in [
            (412, "conflict", DMPError.Reason.preconditionFailed), (405, "not-supported", .notModifiable),
            (403, "forbidden", .forbidden),
        ] {
            let stub = StubTransport()
            stub.expect(
                .patch, "/fhir/DocumentReference",
                respond: .json(DMPTestSupport.outcome(code, diagnostics: "refused"), status: status))
            let error = await DMPTestSupport.dmpError {
                _ = try await DMPTestSupport.client(stub).archive(try Self.entry())
            }
            #expect(error?.reason == reason)
            #expect(error?.httpStatus == status)
            #expect(error?.operationOutcome?.issue.first?.code.rawValue == code)
            #expect(error?.operation == "dmp.archive")
        }
    }

    @Test("An entry without its version cannot be updated")
    func missingVersion() async throws {
        var entry = try Self.entry()
        entry.resource.meta = nil
        let stub = StubTransport()
        let error = await DMPTestSupport.dmpError { _ = try await DMPTestSupport.client(stub).archive(entry) }
        #expect(error?.reason == .validationFailed)
        #expect(error?.validationIssues.map(\.field) == ["DocumentReference.meta.versionId"])
        #expect(stub.recordedRequests.isEmpty)
    }
}
