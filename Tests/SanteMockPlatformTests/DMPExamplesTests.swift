import Foundation
import SanteCore
import SanteMockPlatform
import Testing

/// The official PDSm 3.1.1 and PDSm4DMP examples (`../shared/data/fhir`), posted to the mock as they are and
/// with their two known defects fixed (an INS with an invalid key, no custodian).
enum DMPExampleFiles {
    /// `../shared/data/fhir`, beside the repository.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "shared/data/fhir")

    /// Whether both example folders are present.
    static var present: Bool {
        FileManager.default.fileExists(atPath: folder.appending(path: "ans-pdsm4dmp").path)
            && FileManager.default.fileExists(atPath: folder.appending(path: "ans-pdsm").path)
    }
}

@Suite(.enabled(if: DMPExampleFiles.present, "the official FHIR examples (../shared/data/fhir) are not present"))
struct DMPExamplesTests {

    static let invalidINS = "123456789012345"
    static let custodian =
        #""custodian": {"identifier": {"system": "urn:oid:1.2.250.1.71.4.2.2", "value": "399999001300016"}},"#

    static func text(_ path: String) throws -> String {
        try String(contentsOf: DMPExampleFiles.folder.appending(path: path), encoding: .utf8)
    }

    /// The example with the seeded patient's INS instead of the invalid one, and a custodian in every
    /// DocumentReference (inserted before its `masterIdentifier`).
    static func fixed(_ text: String, ins: String = DMPTestClient.patient) -> String {
        text.replacingOccurrences(of: invalidINS, with: ins)
            .replacingOccurrences(of: #""masterIdentifier""#, with: custodian + #""masterIdentifier""#)
    }

    static func post(_ client: DMPTestClient, _ path: String, _ text: String) async throws -> HTTPResult {
        try await client.send("POST", path, body: Data(text.utf8), headers: ["Prefer": "return=representation"])
    }

    @Test(.timeLimit(.minutes(3)))
    func iti65ExampleIsRefusedForItsINSKeyAndMissingCustodianThenAcceptedOnceFixed() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let example = try Self.text("ans-pdsm4dmp/Bundle-example-td2-iti65-lot-soumission.json")
            let refused = try await Self.post(client, "", example)
            #expect(refused.status == 422)
            let expressions = try refused.expressions()
            #expect(expressions.contains("DocumentReference.subject.identifier.value"))
            #expect(expressions.contains("DocumentReference.custodian"))
            let diagnostics = try refused.diagnostics()
            #expect(diagnostics.contains("the INS has an invalid INS key"))
            #expect(diagnostics.contains("expected 11"))
            #expect(diagnostics.contains("custodian is required"))
            #expect(await platform.storedDMPDocuments().isEmpty)

            let accepted = try await Self.post(client, "", Self.fixed(example))
            #expect(accepted.status == 200, "\(accepted.text)")
            let entries = try #require(try accepted.json()["entry"]?.arrayValue)
            #expect(entries.count == 3)
            let documentID = try #require(entries[1].at("resource", "id")?.stringValue)
            #expect(
                entries[0].at("resource", "entry", "0", "item", "reference")?.stringValue
                    == "DocumentReference/\(documentID)")
            let url = try #require(entries[1].at("resource", "content", "0", "attachment", "url")?.stringValue)
            let path = String(url.dropFirst(platform.baseURL(for: .dmp).absoluteString.count))
            let binary = try await client.get(path, accept: "application/xml")
            #expect(binary.body.count == 80)
            #expect(binary.header("Content-Type") == "application/xml")
            // The INS under OID .8 is found by the search.
            let search = try await client.search(
                "patient.identifier=\(DMPFixtures.encode("urn:oid:1.2.250.1.213.1.4.8|\(DMPTestClient.patient)"))&status=current"
            )
            #expect(try search.matches().compactMap { $0["id"]?.stringValue } == [documentID])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func replacementExampleSupersedesTheStoredDocument() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let example = try Self.text("ans-pdsm4dmp/Bundle-example-td2-1-remplacement.json")
            #expect(try await Self.post(client, "", example).status == 422)

            // Without the target: 404 naming it.
            let missing = try await Self.post(client, "", Self.fixed(example))
            #expect(missing.status == 404)
            #expect(try missing.diagnostics().contains("doc-x-id"))

            // With the target stored, the example goes through as a replacement.
            let original = try await Self.post(
                client, "", Self.fixed(try Self.text("ans-pdsm4dmp/Bundle-example-td2-iti65-lot-soumission.json")))
            let oldID = try #require(try original.json().at("entry", "1", "resource", "id")?.stringValue)
            let replaced = try await Self.post(
                client, "", Self.fixed(example).replacingOccurrences(of: "doc-x-id", with: oldID))
            #expect(replaced.status == 200, "\(replaced.text)")
            let entries = try #require(try replaced.json()["entry"]?.arrayValue)
            #expect(
                entries.map { $0.at("response", "status")?.stringValue } == [
                    "201 Created", "201 Created", "200 OK", "201 Created",
                ])
            #expect(try await client.get("/DocumentReference/\(oldID)").json()["status"]?.stringValue == "superseded")
        }
    }

    /// The ITI-105 example also lacks `category` and `context.period.start`: added before its `masterIdentifier`.
    static func completedSimplified(_ text: String) -> String {
        let additions =
            #""category": [{"coding": [{"system": "https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument", "code": "10"}]}], "context": {"period": {"start": "2026-06-12T10:00:00+02:00"}},"#
        return text.replacingOccurrences(of: #""masterIdentifier""#, with: additions + #""masterIdentifier""#)
    }

    @Test(.timeLimit(.minutes(3)))
    func simplifiedPublishExampleIsRefusedThenAcceptedOnceFixed() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let example = try Self.text("ans-pdsm4dmp/DocumentReference-example-td2-iti105-publication-simplifiee.json")
            let refused = try await Self.post(client, "/DocumentReference", example)
            #expect(refused.status == 422)
            let expressions = try refused.expressions()
            for field in ["subject.identifier.value", "custodian", "category", "context.period.start"] {
                #expect(expressions.contains("DocumentReference.\(field)"), "\(field) not named: \(expressions)")
            }

            let accepted = try await Self.post(
                client, "/DocumentReference", Self.completedSimplified(Self.fixed(example)))
            #expect(accepted.status == 201, "\(accepted.text)")
            let stored = try accepted.json()
            #expect(stored.at("content", "0", "attachment", "size")?.integerValue == 80)
            #expect(stored.at("content", "0", "attachment", "hash")?.stringValue == "A/hMRrv6Y15BjSM8kMLidrz+mHc=")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func frCoreINSWithAnInvalidKeyIsRefused() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let example = try Self.text("ans-pdsm4dmp/DocumentReference-example-td2-iti105-publication-simplifiee.json")
            let text = Self.completedSimplified(Self.fixed(example, ins: "123456789012244"))
            let refused = try await Self.post(client, "/DocumentReference", text)
            #expect(refused.status == 422)
            #expect(try refused.expressions() == ["DocumentReference.subject.identifier.value"])
            #expect(try refused.diagnostics().contains("the INS has an invalid INS key"))
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func pdsmDocumentReferenceExamplesAreRefusedWithTheirReasons() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            // Its subject is a Patient without an INS, its content is not inline.
            let comprehensive = try await Self.post(
                client, "/DocumentReference",
                try Self.text("ans-pdsm/DocumentReference-exemple-pdsm-documentreference.json"))
            #expect(comprehensive.status == 422)
            #expect(try comprehensive.expressions().contains("DocumentReference.subject.identifier"))
            #expect(try comprehensive.expressions().contains("DocumentReference.content[0].attachment.data"))

            // Its declared size and hash are not those of its 11 bytes; no period start; no INS.
            let simplified = try await Self.post(
                client, "/DocumentReference", try Self.text("ans-pdsm/DocumentReference-PDSmSimplifiedExample.json"))
            #expect(simplified.status == 422)
            let expressions = try simplified.expressions()
            #expect(expressions.contains("DocumentReference.content[0].attachment.size"))
            #expect(expressions.contains("DocumentReference.content[0].attachment.hash"))
            #expect(expressions.contains("DocumentReference.context.period.start"))
            #expect(expressions.contains("DocumentReference.subject.identifier"))
            #expect(await platform.storedDMPDocuments().isEmpty)
        }
    }
}
