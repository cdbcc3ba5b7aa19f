import Foundation
import SanteCore
import SanteDMP
import SanteHTTP
import SanteMockPlatform
import Testing

@Suite("End to end: other flows", .timeLimit(.minutes(3)))
struct EndToEndMoreTests {
    @Test("A large file is hashed and streamed; the stored hash and the retrieved bytes match")
    func largeFile() async throws {
        try await withMockDMP { platform in
            let client = try platform.dmpClient()
            let bytes = Data((0..<3_000_001).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) })
            let file = FileManager.default.temporaryDirectory.appending(path: "santedmp-large-\(UUID().uuidString)")
            try bytes.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            var publication = try DMPTestSupport.publication(bytes)
            publication.content = .file(file)
            publication.contentType = "application/octet-stream"
            let stored = try await client.publish(publication).document
            #expect(stored.size == bytes.count)
            #expect(stored.hash == SHA1Base64.of(bytes))
            #expect(try await client.retrieve(stored).collect() == bytes)
        }
    }

    @Test("Simplified publish (ITI-105) stores the document and its content")
    func simplifiedPublish() async throws {
        try await withMockDMP { platform in
            let client = try platform.dmpClient()
            let content = Data("publication simplifiée".utf8)
            let publication = try DMPTestSupport.publication(content)
            let outcome = try await client.publishSimplified(publication)
            #expect(outcome.isCreated)
            #expect(outcome.document.attachment?.data == nil)
            #expect(try await client.retrieve(outcome.document).collect() == content)
            let again = try await client.publishSimplified(publication)
            #expect(!again.isCreated)
            #expect(again.document.id == outcome.document.id)
        }
    }

    @Test("The submission set of a publication is found with ITI-66 and lists the document")
    func submissionSets() async throws {
        try await withMockDMP { platform in
            let client = try platform.dmpClient()
            let stored = try await client.publish(try DMPTestSupport.publication()).document
            let sets = try await DMPTestSupport.collect(
                try client.findSubmissionSets(DMPListQuery(patient: DMPTestSupport.patient, kind: .submissionSet)))
            #expect(sets.count == 1)
            let set = try #require(sets.first)
            #expect(set.isSubmissionSet)
            #expect(set.memberReferences.contains { $0.hasSuffix("DocumentReference/\(stored.id ?? "-")") })
            #expect(set.sourceId?.value == "urn:oid:1.2.250.1.999.1")
            let folders = try await DMPTestSupport.collect(
                try client.findFolders(DMPListQuery(patient: DMPTestSupport.patient, kind: .folder)))
            #expect(folders.isEmpty)
        }
    }

    @Test("The patient may change the labels of their document, nothing else")
    func patientRights() async throws {
        try await withMockDMP { platform in
            let author = try platform.dmpClient()
            let patient = try platform.dmpClient(patient: DMPTestSupport.patient.fhirValue)
            _ = try await author.publish(try DMPTestSupport.publication())
            let seen = try #require(try await patient.documents().first)
            let hidden = try await patient.hide(seen, from: .legalRepresentatives)
            #expect(hidden.isHidden(from: .legalRepresentatives))
            let archive = await DMPTestSupport.dmpError { _ = try await patient.archive(hidden) }
            #expect(archive?.reason == .forbidden)
            let delete = await DMPTestSupport.dmpError { try await patient.delete(hidden) }
            #expect(delete?.reason == .forbidden)
        }
    }

    @Test("A POST _search finds the same documents, without the INS in the URL")
    func postSearch() async throws {
        try await withMockDMP { platform in
            let author = try platform.dmpClient()
            let stored = try await author.publish(try DMPTestSupport.publication()).document
            let platformRef = platform
            let client = try platform.dmpClient(
                tokens: ClosureTokenProvider {
                    try await platformRef.mintProfessionalToken(subjectNameID: MockPlatform.generalPractitioner)
                }, searchesWithPost: true)
            #expect(try await client.documents().map(\.id) == [stored.id])
        }
    }
}
