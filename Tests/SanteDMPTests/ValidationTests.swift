import Foundation
import SanteCore
import SanteDMP
import SanteHTTP
import Testing

@Suite("Validation before anything is sent")
struct ValidationTests {
    @Test("An empty DocumentReference names every PDSm-required field")
    func emptyEntry() {
        let issues = DMPDocumentEntry(resource: PDSmDocumentReference()).validationIssues()
        let fields = Set(issues.map(\.field))
        for field in [
            "DocumentReference.masterIdentifier", "DocumentReference.status", "DocumentReference.type",
            "DocumentReference.category", "DocumentReference.subject", "DocumentReference.date",
            "DocumentReference.author", "DocumentReference.custodian", "DocumentReference.content[0].attachment",
            "DocumentReference.context.period.start",
        ] {
            #expect(fields.contains(field), "missing \(field)")
        }
    }

    @Test("Attachment fields are checked one by one, the hash as a SHA-1")
    func attachmentFields() throws {
        var entry = DMPDocumentEntry(resource: PDSmDocumentReference())
        entry.contentType = "text/plain"
        entry.hash = Data([1, 2, 3]).base64EncodedString()
        let fields = Set(entry.validationIssues().map(\.field))
        #expect(fields.contains("DocumentReference.content[0].attachment.size"))
        #expect(fields.contains("DocumentReference.content[0].attachment.hash"))
        #expect(fields.contains("DocumentReference.content[0].attachment.title"))
        #expect(fields.contains("DocumentReference.content[0].attachment.url"))
        #expect(!fields.contains("DocumentReference.content[0].attachment.contentType"))
    }

    @Test("An invalid INS key and a superseded status are named")
    func invalidValues() throws {
        var entry = DMPDocumentEntry(resource: PDSmDocumentReference())
        entry.patient = INS("255081416802500", system: .nir)
        entry.status = .superseded
        let issues = entry.validationIssues()
        #expect(issues.contains { $0.field == "DocumentReference.subject.identifier.value" })
        #expect(issues.contains { $0.field == "DocumentReference.status" && $0.reason.contains("superseded") })
    }

    @Test("A publication without a service start, custodian or title is refused with every issue, before sending")
    func publicationIssuesCollected() async throws {
        let stub = StubTransport()
        let client = DMPTestSupport.client(stub)
        var publication = try DMPTestSupport.publication()
        publication.servicePeriod = nil
        publication.title = ""
        publication.author = DMPAuthor(professional: .rpps(RPPS("99990000012")))
        let error = await DMPTestSupport.dmpError { _ = try await client.publish(publication) }
        #expect(error?.reason == .validationFailed)
        #expect(error?.code == .validation)
        let fields = Set(error?.validationIssues.map(\.field) ?? [])
        #expect(fields.contains("DocumentReference.context.period.start"))
        #expect(fields.contains("DocumentReference.custodian"))
        #expect(fields.contains("DocumentReference.content[0].attachment.title"))
        #expect(stub.recordedRequests.isEmpty)
    }

    @Test(
        "A non-qualified identity is refused with a typed error before any request",
        arguments: [INS.QualificationStatus.provisional, .validated, .recovered])
    func unqualifiedIdentity(status: INS.QualificationStatus) async throws {
        let stub = StubTransport()
        let client = DMPTestSupport.client(stub)
        let ins = INS("279035121518989", system: .test, status: status)
        let publishError = await DMPTestSupport.dmpError {
            _ = try await client.publish(try DMPTestSupport.publication(patient: ins))
        }
        #expect(publishError?.reason == .unqualifiedIdentity)
        #expect(publishError?.validationIssues.first?.field == "patient.status")
        let searchError = await DMPTestSupport.dmpError { _ = try client.findDocuments(DMPDocumentQuery(patient: ins)) }
        #expect(searchError?.reason == .unqualifiedIdentity)
        #expect(stub.recordedRequests.isEmpty)
    }

    @Test("An INS without a status is refused too")
    func missingStatus() async {
        let client = DMPTestSupport.client(StubTransport())
        let error = await DMPTestSupport.dmpError {
            _ = try client.findDocuments(DMPDocumentQuery(patient: INS("279035121518989", system: .test)))
        }
        #expect(error?.reason == .unqualifiedIdentity)
    }
}
