import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct DMPPublishTests {
    @Test(.timeLimit(.minutes(3)))
    func transactionStoresEverythingWithServerIDsAndRewrittenReferences() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let document = DMPFixtures.Document()
            let result = try await client.publish(DMPFixtures.transaction([document]))
            #expect(result.status == 200, "\(result.text)")
            let response = try result.json()
            #expect(response["type"]?.stringValue == "transaction-response")
            let entries = try #require(response["entry"]?.arrayValue)
            #expect(entries.count == 3)
            #expect(
                entries.map { $0.at("response", "status")?.stringValue } == [
                    "201 Created", "201 Created", "201 Created",
                ])
            #expect(entries.allSatisfy { $0.at("response", "etag")?.stringValue == #"W/"1""# })
            #expect(entries.allSatisfy { $0.at("response", "lastModified")?.stringValue != nil })

            let list = try #require(entries[0]["resource"])
            let stored = try #require(entries[1]["resource"])
            let binaryID = try #require(entries[2].at("resource", "id")?.stringValue)
            let documentID = try #require(stored["id"]?.stringValue)
            #expect(entries[1].at("response", "location")?.stringValue == "DocumentReference/\(documentID)/_history/1")
            #expect(entries[2].at("response", "location")?.stringValue == "Binary/\(binaryID)/_history/1")
            #expect(list.at("entry", "0", "item", "reference")?.stringValue == "DocumentReference/\(documentID)")
            #expect(stored.at("meta", "versionId")?.stringValue == "1")
            #expect(stored.at("meta", "lastUpdated")?.stringValue != nil)
            let expectedURL = platform.baseURL(for: .dmp).absoluteString + "/Binary/\(binaryID)"
            #expect(stored.at("content", "0", "attachment", "url")?.stringValue == expectedURL)

            // Read it back; the Binary has the bytes.
            let read = try await client.get("/DocumentReference/\(documentID)")
            #expect(read.status == 200)
            #expect(read.header("ETag") == #"W/"1""#)
            #expect(try read.json()["masterIdentifier"]?["value"]?.stringValue == document.masterIdentifier)
            let bytes = try await client.get("/Binary/\(binaryID)", accept: "text/plain")
            #expect(bytes.status == 200)
            #expect(bytes.body == document.content)
            #expect(bytes.header("Content-Type") == "text/plain")
            #expect(await platform.storedDMPDocuments().count == 1)

            // The List can be read as well.
            let listID = try #require(list["id"]?.stringValue)
            #expect(try await client.get("/List/\(listID)").status == 200)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func withoutPreferRepresentationEntriesCarryNoResource() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let result = try await client.send("POST", "", json: DMPFixtures.transaction([DMPFixtures.Document()]))
            #expect(result.status == 200)
            let entries = try #require(try result.json()["entry"]?.arrayValue)
            #expect(entries.count == 3)
            #expect(entries.allSatisfy { $0["resource"] == nil && $0.at("response", "location") != nil }, "\(entries)")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func missingPDSmFieldsAreEachNamed() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            var document = DMPFixtures.Document()
            document.omit = [
                "custodian", "author", "date", "context.period", "content.0.attachment.hash",
                "content.0.attachment.size", "content.0.attachment.title", "type", "category", "masterIdentifier",
            ]
            let result = try await client.publish(DMPFixtures.transaction([document]))
            #expect(result.status == 422)
            let expressions = Set(try result.expressions())
            for field in [
                "custodian", "author", "date", "context.period.start", "content[0].attachment.hash",
                "content[0].attachment.size", "content[0].attachment.title", "type", "category", "masterIdentifier",
            ] {
                #expect(expressions.contains("DocumentReference.\(field)"), "\(field) not named: \(expressions)")
            }
            #expect(try result.issues().allSatisfy { $0["severity"]?.stringValue == "error" })
            #expect(await platform.storedDMPDocuments().isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func oneInvalidDocumentStoresNothing() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let good = DMPFixtures.Document()
            var badHash = DMPFixtures.Document()
            badHash.hashOverride = "AAAAAAAAAAAAAAAAAAAAAAAAAAA="
            var badSize = DMPFixtures.Document()
            badSize.sizeOverride = 3
            let result = try await client.publish(DMPFixtures.transaction([good, badHash, badSize]))
            #expect(result.status == 422)
            let expressions = try result.expressions()
            #expect(expressions.contains("DocumentReference.content[0].attachment.hash"))
            #expect(expressions.contains("DocumentReference.content[0].attachment.size"))
            #expect(try result.diagnostics().contains("SHA-1"))
            #expect(await platform.storedDMPDocuments().isEmpty)
            let search = try await client.search("\(DMPFixtures.patientQuery())&status=current")
            #expect(try search.json()["total"]?.integerValue == 0)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func invalidINSKeyIsRefused() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            var document = DMPFixtures.Document()
            document.ins = "279035121518900"
            let result = try await client.publish(DMPFixtures.transaction([document]))
            #expect(result.status == 422)
            #expect(try result.expressions() == ["DocumentReference.subject.identifier.value"])
            #expect(try result.issues().first?["code"]?.stringValue == "invalid")
            #expect(try result.diagnostics().contains("INS key"))
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func malformedRequestsAreRefused() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let notJSON = try await client.send("POST", "", body: Data("{not json".utf8))
            #expect(notJSON.status == 400)
            #expect(try notJSON.issues().first?["code"]?.stringValue == "structure")

            let batch: JSONValue = ["resourceType": "Bundle", "type": "batch", "entry": []]
            let wrongType = try await client.send("POST", "", json: batch)
            #expect(wrongType.status == 422)
            #expect(try wrongType.expressions() == ["Bundle.type"])

            // No SubmissionSet.
            var bundle = DMPFixtures.transaction([DMPFixtures.Document()])
            if case .object(var object) = bundle, var entries = object["entry"]?.arrayValue {
                entries.removeFirst()
                object["entry"] = .array(entries)
                bundle = .object(object)
            }
            let noSubmissionSet = try await client.publish(bundle)
            #expect(noSubmissionSet.status == 422)
            #expect(try noSubmissionSet.diagnostics().contains("SubmissionSet"))
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func duplicateMasterIdentifierIsAConflictNamingTheStoredDocument() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let document = DMPFixtures.Document()
            let stored = try await client.publishDocument(document)
            let id = try #require(stored["id"]?.stringValue)

            let again = try await client.publish(DMPFixtures.transaction([document]))
            #expect(again.status == 409)
            let issue = try #require(try again.issues().first)
            #expect(issue["code"]?.stringValue == "duplicate")
            #expect(try again.expressions() == ["DocumentReference.masterIdentifier"])
            #expect(issue["diagnostics"]?.stringValue?.contains("DocumentReference/\(id)") == true)

            // Twice in one request, too; nothing stored.
            let fresh = DMPFixtures.Document()
            let twice = try await client.publish(DMPFixtures.transaction([fresh, fresh]))
            #expect(twice.status == 409)
            #expect(await platform.storedDMPDocuments().count == 1)

            // The client's idempotency lookup finds it.
            let query =
                "\(DMPFixtures.patientQuery())&identifier=\(DMPFixtures.encode("urn:ietf:rfc:3986|\(document.masterIdentifier)"))&status=current,superseded"
            let lookup = try await client.search(query)
            #expect(try lookup.matches().compactMap { $0["id"]?.stringValue } == [id])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func simplifiedPublishStoresTheInlineContent() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            var document = DMPFixtures.Document()
            document.content = Data("%PDF-1.4 fake".utf8)
            document.contentType = "application/pdf"
            let result = try await client.send(
                "POST", "/DocumentReference", json: document.resource(attachmentURL: nil))
            #expect(result.status == 201, "\(result.text)")
            let stored = try result.json()
            let id = try #require(stored["id"]?.stringValue)
            #expect(
                result.header("Location") == platform.baseURL(for: .dmp).absoluteString
                    + "/DocumentReference/\(id)/_history/1")
            #expect(stored.at("content", "0", "attachment", "data") == nil)
            let url = try #require(stored.at("content", "0", "attachment", "url")?.stringValue)
            let binaryPath = String(url.dropFirst(platform.baseURL(for: .dmp).absoluteString.count))
            #expect(binaryPath.hasPrefix("/Binary/"))
            let bytes = try await client.get(binaryPath, accept: "application/pdf")
            #expect(bytes.body == document.content)
            #expect(bytes.header("Content-Type") == "application/pdf")

            let again = try await client.send("POST", "/DocumentReference", json: document.resource(attachmentURL: nil))
            #expect(again.status == 409)
            #expect(try again.issues().first?["code"]?.stringValue == "duplicate")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func simplifiedPublishComputesAMissingSizeAndHashButChecksGivenOnes() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            var document = DMPFixtures.Document()
            document.omit = ["content.0.attachment.size", "content.0.attachment.hash"]
            let result = try await client.send(
                "POST", "/DocumentReference", json: document.resource(attachmentURL: nil))
            #expect(result.status == 201)
            let stored = try result.json()
            #expect(stored.at("content", "0", "attachment", "size")?.integerValue == Int64(document.content.count))
            #expect(stored.at("content", "0", "attachment", "hash")?.stringValue == document.hash)

            var wrong = DMPFixtures.Document()
            wrong.hashOverride = "2jmj7l5rSw0yVb/vlWAYkK/YBwk="
            let refused = try await client.send("POST", "/DocumentReference", json: wrong.resource(attachmentURL: nil))
            #expect(refused.status == 422)
            #expect(try refused.expressions() == ["DocumentReference.content[0].attachment.hash"])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func replacementSupersedesTheOldDocumentInTheSameCommit() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let old = try await client.publishDocument(DMPFixtures.Document())
            let oldID = try #require(old["id"]?.stringValue)

            var replacement = DMPFixtures.Document()
            replacement.replaces = oldID
            let result = try await client.publish(DMPFixtures.transaction([replacement], patches: [oldID]))
            #expect(result.status == 200, "\(result.text)")
            let entries = try #require(try result.json()["entry"]?.arrayValue)
            #expect(
                entries.map { $0.at("response", "status")?.stringValue } == [
                    "201 Created", "201 Created", "201 Created", "200 OK",
                ])
            #expect(entries[3].at("response", "location")?.stringValue == "DocumentReference/\(oldID)/_history/2")

            let reread = try await client.get("/DocumentReference/\(oldID)")
            #expect(try reread.json()["status"]?.stringValue == "superseded")
            #expect(reread.header("ETag") == #"W/"2""#)

            // The target is no longer current: 409; an unknown target: 404; nothing stored either time.
            var second = DMPFixtures.Document()
            second.replaces = oldID
            let conflict = try await client.publish(DMPFixtures.transaction([second], patches: [oldID]))
            #expect(conflict.status == 409)
            var third = DMPFixtures.Document()
            third.replaces = "no-such-document"
            let missing = try await client.publish(DMPFixtures.transaction([third], patches: ["no-such-document"]))
            #expect(missing.status == 404)
            #expect(await platform.storedDMPDocuments().count == 2)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func onlyProfessionalsReplaceAndPatientsPublishOnlyForThemselves() async throws {
        try await withPlatform { platform in
            let professional = try await DMPTestClient.professional(platform)
            let old = try await professional.publishDocument(DMPFixtures.Document())
            let oldID = try #require(old["id"]?.stringValue)

            let patient = try await DMPTestClient.patient(platform)
            var replacement = DMPFixtures.Document()
            replacement.replaces = oldID
            let refused = try await patient.publish(DMPFixtures.transaction([replacement], patches: [oldID]))
            #expect(refused.status == 403)
            #expect(try refused.issues().first?["code"]?.stringValue == "forbidden")

            var forOther = DMPFixtures.Document()
            forOther.ins = DMPTestClient.otherPatient
            #expect(try await patient.publish(DMPFixtures.transaction([forOther])).status == 403)

            // Their own document is accepted.
            #expect(try await patient.publish(DMPFixtures.transaction([DMPFixtures.Document()])).status == 200)
            #expect(await platform.storedDMPDocuments().count == 2)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func requestsWithoutAValidTokenGet401() async throws {
        try await withPlatform { platform in
            let anonymous = DMPTestClient(platform: platform, token: nil)
            for result in [
                try await anonymous.search("\(DMPFixtures.patientQuery())&status=current"),
                try await anonymous.publish(DMPFixtures.transaction([DMPFixtures.Document()])),
                try await DMPTestClient(platform: platform, token: "not.a.jwt").get("/Binary/x"),
            ] {
                #expect(result.status == 401)
                #expect(result.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
                #expect(try result.issues().first?["code"]?.stringValue == "login")
            }
            #expect(await platform.storedDMPDocuments().isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func simplifiedPublishWithReplacesSupersedesTheTarget() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let oldID = try #require(try await client.publishDocument(DMPFixtures.Document())["id"]?.stringValue)
            var replacement = DMPFixtures.Document()
            replacement.replaces = oldID
            let result = try await client.send(
                "POST", "/DocumentReference", json: replacement.resource(attachmentURL: nil))
            #expect(result.status == 201, "\(result.text)")
            let old = try await client.get("/DocumentReference/\(oldID)")
            #expect(try old.json()["status"]?.stringValue == "superseded")
            #expect(try old.json().at("meta", "versionId")?.stringValue == "2")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func theSubjectINSMayComeFromAContainedPatientOrAPatientEntry() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let patient: JSONValue = [
                "resourceType": "Patient", "id": "p",
                "identifier": [
                    ["system": .string(DMPTestClient.insSystem), "value": .string(DMPTestClient.otherPatient)]
                ],
            ]
            // A contained Patient.
            var contained = DMPFixtures.Document().resource(attachmentURL: nil)
            if case .object(var object) = contained {
                object["subject"] = ["reference": "#p"]
                object["contained"] = .array((object["contained"]?.arrayValue ?? []) + [patient])
                contained = .object(object)
            }
            let first = try await client.send("POST", "/DocumentReference", json: contained)
            #expect(first.status == 201, "\(first.text)")

            // A Patient entry of the Bundle.
            var bundle = DMPFixtures.transaction([DMPFixtures.Document()])
            if case .object(var object) = bundle, var entries = object["entry"]?.arrayValue,
                case .object(var entry) = entries[1], case .object(var resource) = entry["resource"] ?? .null
            {
                resource["subject"] = ["reference": "urn:uuid:patient-entry"]
                entry["resource"] = .object(resource)
                entries[1] = .object(entry)
                entries.append([
                    "fullUrl": "urn:uuid:patient-entry", "resource": patient,
                    "request": ["method": "POST", "url": "Patient"],
                ])
                object["entry"] = .array(entries)
                bundle = .object(object)
            }
            let second = try await client.publish(bundle)
            #expect(second.status == 200, "\(second.text)")
            let search = try await client.search(
                "\(DMPFixtures.patientQuery(DMPTestClient.otherPatient))&status=current")
            #expect(try search.matches().count == 2)
        }
    }
}
