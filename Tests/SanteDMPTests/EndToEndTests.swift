import Foundation
import HTTPTypes
import SanteCore
import SanteDMP
import SanteHTTP
import SanteMockPlatform
import Testing

@Suite("End to end against the mock DMP", .timeLimit(.minutes(3)))
struct EndToEndTests {
    static let content = Data("Compte rendu de consultation du 12 juin 2026".utf8)

    @Test("Publish, search, read, retrieve and download")
    func publishAndRead() async throws {
        try await withMockDMP { platform in
            let client = try platform.dmpClient()
            let publication = try DMPTestSupport.publication(Self.content)
            let outcome = try await client.publish(publication)
            #expect(outcome.isCreated)
            let stored = outcome.document
            let id = try #require(stored.id)
            #expect(stored.versionId == "1")
            #expect(stored.uniqueId == publication.uniqueId)
            #expect(stored.contentURL?.hasPrefix(platform.baseURL(for: .dmp).absoluteString + "/Binary/") == true)

            let found = try await client.documents()
            #expect(found.map(\.id) == [id])
            #expect(found.first?.type == .consultationReport)
            #expect(found.first?.authors.first?.professional?.identifier?.value == "899990000012")

            var query = DMPDocumentQuery(patient: DMPTestSupport.patient)
            query.types = [.imagingReport]
            #expect(try await DMPTestSupport.collect(try client.findDocuments(query)).isEmpty)

            let read = try await client.document(id: id)
            #expect(read.hash == SHA1Base64.of(Self.content))
            #expect(try await client.retrieve(read).collect() == Self.content)

            let file = FileManager.default.temporaryDirectory.appending(path: "santedmp-e2e-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: file) }
            let saved = try await client.download(read, to: file)
            #expect(saved.size == Self.content.count)
            #expect(try Data(contentsOf: file) == Self.content)

            let lookedUp = try await client.document(uniqueId: publication.uniqueId, patient: DMPTestSupport.patient)
            #expect(lookedUp?.id == id)
        }
    }

    @Test("Searches follow next links page after page")
    func paging() async throws {
        try await withMockDMP { platform in
            let client = try platform.dmpClient()
            for index in 0..<3 {
                _ = try await client.publish(try DMPTestSupport.publication(Data("document \(index)".utf8)))
            }
            var query = DMPDocumentQuery(patient: DMPTestSupport.patient)
            query.count = 2
            let pages = try await DMPTestSupport.collect(try client.findDocumentPages(query))
            #expect(pages.map(\.items.count) == [2, 1])
            #expect(pages.first?.total == 3)
            #expect(Set(pages.flatMap(\.items).compactMap(\.id)).count == 3)
        }
    }

    @Test("Publishing again is idempotent; the same unique id with other content is a conflict")
    func idempotentRepublish() async throws {
        try await withMockDMP { platform in
            let client = try platform.dmpClient()
            let publication = try DMPTestSupport.publication(Self.content)
            let first = try await client.publish(publication)
            let second = try await client.publish(publication)
            #expect(first.isCreated)
            #expect(!second.isCreated)
            #expect(second.document.id == first.document.id)

            var changed = publication
            changed.content = .data(Data("another content".utf8))
            let error = await DMPTestSupport.dmpError { _ = try await client.publish(changed) }
            #expect(error?.reason == .publishConflict)
            #expect(error?.existingDocumentID == first.document.id)
            #expect(try await client.documents().count == 1)
        }
    }

    @Test("A connection reset after the server committed gives alreadyStored, and one document")
    func resetAfterCommit() async throws {
        try await withMockDMP { platform in
            let client = try platform.dmpClient()
            await platform.faults.inject(
                MockFault(.connectionReset, phase: .afterHandler), on: MockRoute(method: .post, path: "/dmp/fhir"),
                count: 1)
            let outcome = try await client.publish(try DMPTestSupport.publication(Self.content))
            #expect(!outcome.isCreated)
            #expect(outcome.document.hash == SHA1Base64.of(Self.content))
            #expect(try await client.documents().count == 1)
        }
    }

    @Test("Replace supersedes the old version in the same transaction")
    func replace() async throws {
        try await withMockDMP { platform in
            let client = try platform.dmpClient()
            let old = try await client.publish(try DMPTestSupport.publication(Self.content)).document
            let new = try await client.replace(old, with: try DMPTestSupport.publication(Data("version 2".utf8)))
            #expect(new.isCreated)
            #expect(new.document.relationships.first?.kind == .replaces)
            #expect(new.document.relationships.first?.targetDocumentID == old.id)
            #expect(try await client.documents().map(\.id) == [new.document.id])
            let superseded = try await client.documents([.superseded])
            #expect(superseded.map(\.id) == [old.id])
            #expect(superseded.first?.status == .superseded)
        }
    }

    @Test("A failed replace stores nothing (all-or-nothing)")
    func allOrNothing() async throws {
        try await withMockDMP { platform in
            let client = try platform.dmpClient()
            let old = try await client.publish(try DMPTestSupport.publication(Self.content)).document
            var missing = old
            missing.id = "does-not-exist"
            let publication = try DMPTestSupport.publication(Data("orphan".utf8))
            let error = await DMPTestSupport.dmpError { _ = try await client.replace(missing, with: publication) }
            #expect(error?.reason == .notFound || error?.reason == .conflict)
            #expect(error?.operationOutcome != nil)
            let stored = try await client.document(uniqueId: publication.uniqueId, patient: DMPTestSupport.patient)
            #expect(stored == nil)
            #expect(try await client.documents().map(\.id) == [old.id])
        }
    }

    @Test("Hiding from professionals hides from others but not from the author or the patient")
    func hideFromProfessionals() async throws {
        try await withMockDMP { platform in
            let author = try platform.dmpClient()
            let other = try platform.dmpClient(professional: MockPlatform.cardiologist)
            let patient = try platform.dmpClient(patient: DMPTestSupport.patient.fhirValue)
            let stored = try await author.publish(try DMPTestSupport.publication(Self.content)).document
            #expect(try await other.documents().count == 1)

            let hidden = try await author.hide(stored, from: .professionals)
            #expect(hidden.isHidden(from: .professionals))
            #expect(hidden.versionId == "2")
            #expect(hidden.securityLabels == [.normal, .hiddenFromProfessionals])
            #expect(try await other.documents().isEmpty)
            let readError = await DMPTestSupport.dmpError { _ = try await other.document(id: stored.id ?? "") }
            #expect(readError?.reason == .notFound)
            #expect(try await author.documents().count == 1)
            #expect(try await patient.documents().count == 1)

            let visible = try await author.unhide(hidden, from: .professionals)
            #expect(!visible.isHidden(from: .professionals))
            #expect(try await other.documents().count == 1)
        }
    }

    @Test("The patient may hide a document from themself's view only through labels; invisible documents vanish")
    func invisibleToPatient() async throws {
        try await withMockDMP { platform in
            let author = try platform.dmpClient()
            let patient = try platform.dmpClient(patient: DMPTestSupport.patient.fhirValue)
            var publication = try DMPTestSupport.publication(Self.content)
            publication.securityLabels = [.normal, .invisibleToPatient]
            _ = try await author.publish(publication)
            #expect(try await patient.documents().isEmpty)
            #expect(try await author.documents().count == 1)
        }
    }

    @Test("A stale version is refused with 412; archive and unarchive")
    func archiveAndPrecondition() async throws {
        try await withMockDMP { platform in
            let client = try platform.dmpClient()
            let stored = try await client.publish(try DMPTestSupport.publication(Self.content)).document
            let archived = try await client.archive(stored)
            #expect(archived.isArchived)
            var query = DMPDocumentQuery(patient: DMPTestSupport.patient)
            query.isArchived = true
            #expect(try await DMPTestSupport.collect(try client.findDocuments(query)).map(\.id) == [stored.id])

            let stale = await DMPTestSupport.dmpError { _ = try await client.hide(stored, from: .patient) }
            #expect(stale?.reason == .preconditionFailed)
            #expect(stale?.httpStatus == 412)

            let unarchived = try await client.unarchive(archived)
            #expect(!unarchived.isArchived)
        }
    }

    @Test("Only the author deletes; the default encoding supersedes")
    func deleteAsAuthor() async throws {
        try await withMockDMP { platform in
            let author = try platform.dmpClient()
            let other = try platform.dmpClient(professional: MockPlatform.cardiologist)
            let stored = try await author.publish(try DMPTestSupport.publication(Self.content)).document
            let forbidden = await DMPTestSupport.dmpError { try await other.delete(stored) }
            #expect(forbidden?.reason == .forbidden)
            #expect(forbidden?.operationOutcome?.hasErrors == true)
            try await author.delete(stored)
            #expect(try await author.documents().isEmpty)
            #expect(try await author.documents([.superseded]).map(\.id) == [stored.id])
        }
    }

    @Test(
        "The entered-in-error and HTTP DELETE encodings remove the document from every read",
        arguments: [DMPDeleteEncoding.enteredInError, .httpDelete])
    func deleteEncodings(encoding: DMPDeleteEncoding) async throws {
        try await withMockDMP { platform in
            let client = try platform.dmpClient(deleteEncoding: encoding)
            let stored = try await client.publish(try DMPTestSupport.publication(Self.content)).document
            try await client.delete(stored)
            #expect(try await client.documents([.current, .superseded]).isEmpty)
            let error = await DMPTestSupport.dmpError { _ = try await client.document(id: stored.id ?? "") }
            #expect(error?.reason == .notFound || error?.reason == .gone)
            let content = await DMPTestSupport.dmpError { _ = try await client.retrieve(stored).collect() }
            #expect(content?.httpStatus == 404 || content?.httpStatus == 410)
        }
    }

    @Test("A truncated content is refused (the retry policy's two attempts are both cut short)")
    func truncatedContent() async throws {
        try await withMockDMP { platform in
            let client = try platform.dmpClient()
            let stored = try await client.publish(try DMPTestSupport.publication(Data(repeating: 65, count: 100_000)))
                .document
            await platform.faults.inject(
                MockFault(.truncatedBody, phase: .afterHandler),
                on: MockRoute(method: .get, path: "/dmp/fhir/Binary/*"),
                count: 2)
            let error = await DMPTestSupport.dmpError { _ = try await client.retrieve(stored).collect() }
            #expect(error?.reason == .contentMismatch || error?.reason == .transport)
        }
    }

    @Test("A missing or invalid token is refused with 401 and an OperationOutcome")
    func unauthenticated() async throws {
        try await withMockDMP { platform in
            let client = try platform.dmpClient(tokens: ClosureTokenProvider { "not-a-token" })
            let error = await DMPTestSupport.dmpError { _ = try await client.documents() }
            #expect(error?.reason == .unauthorized)
            #expect(error?.operationOutcome?.issue.first?.code == .login)
        }
    }
}
