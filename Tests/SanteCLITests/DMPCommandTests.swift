import Foundation
import HTTPTypes
import SanteCore
import SanteMockPlatform
import Testing

@Suite("sante dmp, run as a user runs it", .timeLimit(.minutes(3)))
struct DMPCommandTests {
    @Test("publish with no --mock-url runs against an in-process mock and prints the stored document")
    func publishInProcess() async throws {
        let home = TemporarySanteHome()
        defer { home.remove() }
        let file = FileManager.default.temporaryDirectory.appending(path: "sante-dmp-\(UUID().uuidString).txt")
        try Data("Compte rendu de consultation : RAS.".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try await CommandRunner.run(
            "sante",
            ["dmp", "publish", file.path, "--ins", DMPTestPlatform.patient, "--type", "11488-4", "--title", "CR"],
            environment: home.environment)
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("Published document "))
        #expect(outcome.standardOutput.contains("type         11488-4 CR de consultation"))
        #expect(outcome.standardOutput.contains("author       899990000012 CAMILLE LEFEBVRE, CABINET DU DR LEFEBVRE"))
        #expect(outcome.standardOutput.contains("content      text/plain, 35 bytes, SHA-1 "))
        #expect(outcome.standardError.contains("Started a mock platform in this process"))
        #expect(!outcome.standardError.contains(DMPTestPlatform.patient), "no health identifier in the logs")
    }

    @Test("publish --json, then search finds it and get reads it back by id and by --unique-id")
    func publishSearchGet() async throws {
        try await withDMPPlatform { dmp in
            let uniqueId = "urn:uuid:" + UUID().uuidString.lowercased()
            let text = "Compte rendu : examen normal.\n"
            let document = try await dmp.publish(
                text, extra: ["--unique-id", uniqueId, "--service-date", "2026-01-15"])
            let id = try #require(document["id"] as? String)
            #expect(document["uniqueId"] as? String == uniqueId)
            #expect(document["typeCode"] as? String == "11488-4")
            #expect(document["classCode"] as? String == "10")
            #expect(document["status"] as? String == "current")
            #expect(document["size"] as? Int == text.utf8.count)
            #expect(document["serviceStart"] as? String == "2026-01-15")
            #expect(document["patient"] as? String == DMPTestPlatform.patient)
            let stored = await dmp.platform.storedDMPDocuments()
            #expect(stored.count == 1)
            #expect(stored.first?["id"]?.stringValue == id)

            let search = try await dmp.sante(["search", "--ins", DMPTestPlatform.patient, "--json"])
            #expect(search.status == 0, "stderr: \(search.standardError)")
            let found = try dmpJSONArray(search.standardOutput)
            #expect(found.map { $0["id"] as? String } == [id])
            let text2 = try await dmp.sante(["search", "--ins", DMPTestPlatform.patient])
            #expect(text2.standardOutput.hasPrefix("\(id)  v1  2026-01-15  11488-4 CR de consultation  [current]"))
            let otherType = try await dmp.sante(
                ["search", "--ins", DMPTestPlatform.patient, "--type", "57833-6", "--json"])
            #expect(try dmpJSONArray(otherType.standardOutput).isEmpty)
            let otherPatient = try await dmp.sante(["search", "--ins", "290116912304559", "--json"])
            #expect(try dmpJSONArray(otherPatient.standardOutput).isEmpty)

            let output = dmp.directory.appending(path: "read-back.txt")
            let got = try await dmp.json(["get", id, "--output", output.path])
            #expect(try String(contentsOf: output, encoding: .utf8) == text)
            #expect(got["savedBytes"] as? Int == text.utf8.count)
            #expect(got["savedSHA1"] as? String == document["hash"] as? String)

            let byUniqueId = try await dmp.sante(
                ["get", "--unique-id", uniqueId, "--ins", DMPTestPlatform.patient, "--output", "-"])
            #expect(byUniqueId.status == 0, "stderr: \(byUniqueId.standardError)")
            #expect(byUniqueId.standardOutput == text, "the content alone on standard output")

            let metadata = try await dmp.sante(["get", id])
            #expect(metadata.standardOutput.hasPrefix("Document \(id)\n"))
            #expect(metadata.standardOutput.contains("unique id    \(uniqueId)"))
        }
    }

    @Test("publish --dry-run prints the transaction Bundle alone on standard output and sends nothing")
    func dryRun() async throws {
        try await withDMPPlatform { dmp in
            let text = "Brouillon de compte rendu."
            let report = try dmp.file("draft.txt", text)
            await dmp.platform.requestLog.clear()
            let outcome = try await dmp.sante(
                [
                    "publish", report.path, "--ins", DMPTestPlatform.patient, "--type", "11488-4", "--title", "Draft",
                    "--dry-run",
                ])
            #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
            let bundle = try jsonObject(outcome.standardOutput)
            #expect(bundle["resourceType"] as? String == "Bundle")
            #expect(bundle["type"] as? String == "transaction")
            let entries = try #require(bundle["entry"] as? [[String: Any]])
            let resources = entries.compactMap { ($0["resource"] as? [String: Any])?["resourceType"] as? String }
            #expect(resources == ["List", "DocumentReference", "Binary"])
            let binary = try #require(entries[2]["resource"] as? [String: Any])
            let base64 = try #require(binary["data"] as? String)
            let data = try #require(Data(base64Encoded: base64))
            #expect(String(decoding: data, as: UTF8.self) == text)
            let document = try #require(entries[1]["resource"] as? [String: Any])
            let subject = try #require((document["subject"] as? [String: Any])?["identifier"] as? [String: Any])
            #expect(subject["value"] as? String == DMPTestPlatform.patient)
            #expect(subject["system"] as? String == "urn:oid:1.2.250.1.213.1.4.10")
            #expect(outcome.standardError.contains("Dry run: nothing was sent"))

            #expect(await dmp.platform.requestLog.entries.isEmpty, "not even a token was minted")
            #expect(await dmp.platform.storedDMPDocuments().isEmpty)
        }
    }

    @Test("replace publishes the new version and supersedes the old one")
    func replace() async throws {
        try await withDMPPlatform { dmp in
            let first = try await dmp.publish("Version 1", title: "CR v1")
            let oldID = try #require(first["id"] as? String)
            let second = try dmp.file("v2.txt", "Version 2, corrigée")
            let replaced = try await dmp.json(["replace", oldID, second.path, "--title", "CR v2"])
            #expect(replaced["outcome"] as? String == "created")
            #expect(replaced["replaced"] as? String == oldID)
            let document = try #require(replaced["document"] as? [String: Any])
            let newID = try #require(document["id"] as? String)
            #expect(newID != oldID)
            #expect(document["replaces"] as? [String] == [oldID])
            #expect(document["title"] as? String == "CR v2")
            #expect(document["typeCode"] as? String == "11488-4", "the type is kept from the old version")
            #expect(document["uniqueId"] as? String != first["uniqueId"] as? String)

            let current = try await dmp.sante(["search", "--ins", DMPTestPlatform.patient, "--json"])
            #expect(try dmpJSONArray(current.standardOutput).map { $0["id"] as? String } == [newID])
            let old = try await dmp.json(["get", oldID])
            #expect((old["document"] as? [String: Any])?["status"] as? String == "superseded")

            let again = try await dmp.sante(["replace", oldID, second.path])
            #expect(again.status == 1, "a superseded document cannot be replaced")
            #expect(errorLines(again.standardError).first?.hasPrefix("Error: replace failed: ") == true)
        }
    }

    @Test("hide and unhide set and clear the TRE_A07 labels; a hidden document is invisible to other professionals")
    func hideUnhide() async throws {
        try await withDMPPlatform { dmp in
            let id = try #require(try await dmp.publish("Résultat sensible")["id"] as? String)
            let hidden = try await dmp.json(["hide", id, "--from", "professionals"])
            #expect(hidden["hiddenFrom"] as? [String] == ["professionals"])
            #expect((hidden["securityLabels"] as? [String])?.contains("MASQUE_PS") == true)
            #expect(hidden["versionId"] as? String == "2")

            let other = ["--professional", DMPTestPlatform.otherProfessional]
            let otherSearch = try await dmp.sante(["search", "--ins", DMPTestPlatform.patient, "--json"] + other)
            #expect(try dmpJSONArray(otherSearch.standardOutput).isEmpty)
            let otherGet = try await dmp.sante(["get", id] + other)
            #expect(otherGet.status == 1)
            #expect(errorLines(otherGet.standardError).first?.contains("not_found (HTTP 404)") == true)
            let authorSearch = try await dmp.sante(["search", "--ins", DMPTestPlatform.patient, "--json"])
            #expect(try dmpJSONArray(authorSearch.standardOutput).count == 1, "its author still sees it")

            let patient = try await dmp.json(["hide", id, "--from", "patient"])
            #expect(Set(patient["hiddenFrom"] as? [String] ?? []) == ["professionals", "patient"])
            let representatives = try await dmp.json(["hide", id, "--from", "legal-representatives"])
            #expect(
                (representatives["securityLabels"] as? [String])?.contains("INVISIBLE_REPRESENTANTS_LEGAUX") == true)

            let visible = try await dmp.json(["unhide", id, "--from", "professionals"])
            #expect(Set(visible["hiddenFrom"] as? [String] ?? []) == ["patient", "legal-representatives"])
            let seen = try await dmp.sante(["search", "--ins", DMPTestPlatform.patient, "--json"] + other)
            #expect(try dmpJSONArray(seen.standardOutput).map { $0["id"] as? String } == [id])

            let stored = await dmp.platform.storedDMPDocuments()
            let codes = stored.first?["securityLabel"]?.arrayValue?.compactMap {
                $0["coding"]?.arrayValue?.first?["code"]?.stringValue
            }
            #expect(Set(codes ?? []) == ["N", "INVISIBLE_PATIENT", "INVISIBLE_REPRESENTANTS_LEGAUX"])
        }
    }

    @Test("archive sets isArchived, search --archived filters on it, --undo clears it")
    func archive() async throws {
        try await withDMPPlatform { dmp in
            let id = try #require(try await dmp.publish("Ancien compte rendu")["id"] as? String)
            let archived = try await dmp.json(["archive", id])
            #expect(archived["isArchived"] as? Bool == true)
            #expect(archived["status"] as? String == "current")
            let onlyArchived = try await dmp.sante([
                "search", "--ins", DMPTestPlatform.patient, "--archived", "true", "--json",
            ])
            #expect(try dmpJSONArray(onlyArchived.standardOutput).map { $0["id"] as? String } == [id])
            let notArchived = try await dmp.sante(
                ["search", "--ins", DMPTestPlatform.patient, "--archived", "false", "--json"])
            #expect(try dmpJSONArray(notArchived.standardOutput).isEmpty)
            let text = try await dmp.sante(["search", "--ins", DMPTestPlatform.patient])
            #expect(text.standardOutput.contains("[current, archived]"))
            let restored = try await dmp.json(["archive", id, "--undo"])
            #expect(restored["isArchived"] as? Bool == false)
        }
    }

    @Test("delete: only the author may; the document then leaves the current ones (supersede) or goes (http-delete)")
    func delete() async throws {
        try await withDMPPlatform { dmp in
            let id = try #require(try await dmp.publish("À supprimer")["id"] as? String)
            let refused = try await dmp.sante(["delete", id, "--professional", DMPTestPlatform.otherProfessional])
            #expect(refused.status == 1)
            #expect(errorLines(refused.standardError).first?.contains("delete failed: forbidden (HTTP 403)") == true)

            let deleted = try await dmp.json(["delete", id])
            #expect(deleted["deleted"] as? String == id)
            #expect(deleted["encoding"] as? String == "supersede")
            let current = try await dmp.sante(["search", "--ins", DMPTestPlatform.patient, "--json"])
            #expect(try dmpJSONArray(current.standardOutput).isEmpty)

            let second = try #require(try await dmp.publish("À effacer")["id"] as? String)
            let erased = try await dmp.sante(["delete", second, "--encoding", "http-delete"])
            #expect(erased.status == 0, "stderr: \(erased.standardError)")
            #expect(erased.standardOutput == "Deleted document \(second) (http-delete)\n")
            let gone = try await dmp.sante(["get", second])
            #expect(gone.status == 1)
            #expect(await dmp.dmpRequests().contains { $0.method == .delete && $0.path.hasSuffix("/\(second)") })
        }
    }

    @Test("Usage errors exit 64 and send nothing; refused operations exit 1 with one readable line")
    func errors() async throws {
        try await withDMPPlatform { dmp in
            let report = try dmp.file("cr.txt", "CR")
            let publish = ["publish", report.path, "--type", "11488-4", "--title", "CR"]
            let badKey = try await dmp.sante(publish + ["--ins", "279035121518988"])
            #expect(badKey.status == 64)
            #expect(badKey.standardError.contains("--ins is not a valid INS"))
            let provisional = try await dmp.sante(publish + ["--ins", DMPTestPlatform.patient, "--ins-status", "PROV"])
            #expect(provisional.status == 64)
            #expect(provisional.standardError.contains("expected QUAL"))
            let noINS = try await dmp.sante(publish)
            #expect(noINS.status == 64)
            let unknownAudience = try await dmp.sante(["hide", "some-id", "--from", "everyone"])
            #expect(unknownAudience.status == 64)
            #expect(unknownAudience.standardError.contains("professionals"))
            let noSelector = try await dmp.sante(["get"])
            #expect(noSelector.status == 64)
            let serverWithoutToken = try await CommandRunner.run(
                "sante",
                [
                    "dmp", "search", "--ins", DMPTestPlatform.patient, "--server",
                    dmp.platform.baseURL(for: .dmp).absoluteString,
                ],
                environment: dmp.home.environment)
            #expect(serverWithoutToken.status == 64)
            #expect(serverWithoutToken.standardError.contains("--server needs an access token"))
            #expect(await dmp.dmpRequests().isEmpty, "no usage error reached the DMP")

            let badToken = try await dmp.sante(["search", "--ins", DMPTestPlatform.patient, "--token", "not-a-jwt"])
            #expect(badToken.status == 1)
            #expect(
                errorLines(badToken.standardError) == [
                    "Error: search failed: unauthorized (HTTP 401): the DMP answered HTTP 401; the DMP said: "
                        + "error [login] A valid bearer token is required: the token does not verify: malformed compact "
                        + "JWS: 1 parts, expected 3"
                ])
            #expect(!badToken.standardError.contains("not-a-jwt"), "the token is never printed")

            let unknown = try await dmp.sante(["get", "no-such-document"])
            #expect(unknown.status == 1)
            #expect(errorLines(unknown.standardError).first?.contains("get failed: not_found (HTTP 404)") == true)

            let uniqueId = "urn:uuid:" + UUID().uuidString.lowercased()
            _ = try await dmp.publish("Premier contenu", extra: ["--unique-id", uniqueId])
            let conflict = try await dmp.sante(
                publish + ["--ins", DMPTestPlatform.patient, "--unique-id", uniqueId])
            #expect(conflict.status == 1)
            #expect(errorLines(conflict.standardError).first?.contains("publish failed: publish_conflict") == true)
        }
    }

    @Test("--server and --token reach any PDSm endpoint; the same unique id and content is 'already stored'")
    func serverAndToken() async throws {
        try await withDMPPlatform { dmp in
            let token = try await dmp.platform.mintProfessionalToken(subjectNameID: DMPTestPlatform.author)
            let server = dmp.platform.baseURL(for: .dmp).absoluteString
            let report = try dmp.file("cr.txt", "Compte rendu")
            let arguments = [
                "dmp", "publish", report.path, "--ins", DMPTestPlatform.patient, "--ins-system", "test", "--type",
                "11488-4", "--title", "CR", "--unique-id", "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e",
                "--server", server, "--token", token, "--json",
            ]
            let first = try await CommandRunner.run("sante", arguments, environment: dmp.home.environment)
            #expect(first.status == 0, "stderr: \(first.standardError)")
            #expect(try jsonObject(first.standardOutput)["outcome"] as? String == "created")
            let second = try await CommandRunner.run("sante", arguments, environment: dmp.home.environment)
            #expect(second.status == 0, "stderr: \(second.standardError)")
            #expect(try jsonObject(second.standardOutput)["outcome"] as? String == "alreadyStored")
            #expect(await dmp.platform.storedDMPDocuments().count == 1)
            #expect(!first.standardError.contains("Started a mock platform"))

            let verbose = try await CommandRunner.run(
                "sante",
                [
                    "dmp", "search", "--ins", DMPTestPlatform.patient, "--ins-system", "test", "--server", server,
                    "--token", token, "--verbose",
                ],
                environment: dmp.home.environment)
            #expect(verbose.status == 0, "stderr: \(verbose.standardError)")
            #expect(verbose.standardError.contains("HTTP request"), "--verbose logs the requests")
            #expect(!verbose.standardError.contains(DMPTestPlatform.patient), "the INS is redacted from the logs")
            #expect(!verbose.standardError.contains(token), "the token is redacted from the logs")
        }
    }

    @Test("With a Pro Santé Connect session, the signed-in professional authenticates and authors (mock or --server)")
    func pscSession() async throws {
        try await withDMPPlatform { dmp in
            let mockURL = dmp.platform.baseURL.absoluteString
            let login = try await CommandRunner.run(
                "sante", ["psc", "login", "--mock-url", mockURL, "--auto-approve", "--login-hint", "899990000020"],
                environment: dmp.home.environment)
            #expect(login.status == 0, "stderr: \(login.standardError)")

            let document = try await dmp.publish("Compte rendu du Pr Marchand")
            #expect(
                document["authors"] as? [String] == [
                    "899990000020 JULIEN MARCHAND, CENTRE HOSPITALIER SANTEKIT (399999002100019)"
                ])
            #expect(document["custodian"] as? String == "CENTRE HOSPITALIER SANTEKIT (399999002100019)")

            let server = try await CommandRunner.run(
                "sante",
                [
                    "dmp", "search", "--ins", DMPTestPlatform.patient, "--ins-system", "test", "--server",
                    dmp.platform.baseURL(for: .dmp).absoluteString, "--json",
                ],
                environment: dmp.home.environment)
            #expect(server.status == 0, "stderr: \(server.standardError)")
            #expect(try dmpJSONArray(server.standardOutput).map { $0["id"] as? String } == [document["id"] as? String])
            let mintRequests = await dmp.platform.requestLog.entries.filter { $0.path == "/_mock/tokens/professional" }
            #expect(mintRequests.isEmpty, "the session's token was used, no test token minted")
        }
    }

    @Test("The DMP chapter of the demo publishes, finds, reads back and replaces a consultation report")
    func demoChapter() async throws {
        let outcome = try await CommandRunner.run("sante", ["dmp", "demo", "--json"])
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let report = try jsonObject(outcome.standardOutput)
        #expect(report["patientINS"] as? String == "279035121518989")
        #expect(report["professional"] as? String == "899990000012")
        let published = try #require(report["published"] as? [String: Any])
        let replacement = try #require(report["replacement"] as? [String: Any])
        #expect(published["versionId"] as? String == "1")
        #expect((report["search"] as? [String: Any])?["foundPublished"] as? Bool == true)
        #expect((report["readBack"] as? [String: Any])?["identical"] as? Bool == true)
        #expect(report["oldStatusAfterReplacement"] as? String == "superseded")
        #expect(report["currentDocumentIDs"] as? [String] == [try #require(replacement["id"] as? String)])
        #expect(outcome.standardError.contains("Chapter 7d: the professional replaces it"))
    }
}
