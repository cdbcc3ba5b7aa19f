import Foundation
import HTTPTypes
import SanteCore
import SanteDMP
import SanteHTTP
import Testing

@Suite("Publishing on the stub transport")
struct PublishStubTests {
    static let content = Data("Compte rendu de consultation".utf8)

    /// A transaction-response echoing the stored DocumentReference.
    static func transactionResponse(document: String) -> String {
        #"{"resourceType":"Bundle","type":"transaction-response","entry":[{"response":{"status":"201 Created","location":"List/l1/_history/1"}},{"resource":\#(document),"response":{"status":"201 Created","location":"DocumentReference/doc-1/_history/1","etag":"W/\"1\""}},{"response":{"status":"201 Created","location":"Binary/bin-1/_history/1"}}]}"#
    }

    @Test("One transaction Bundle: submission set, DocumentReference, Binary, with Prefer and FHIR media types")
    func transactionShape() async throws {
        let stub = StubTransport()
        let publication = try DMPTestSupport.publication(Self.content)
        let uniqueValue = try #require(publication.uniqueId.value)
        stub.expect(
            .post, "/fhir",
            headerFields: [
                .contentType: "application/fhir+json", .accept: "application/fhir+json",
                HTTPField.Name("Prefer")!: "return=representation", .authorization: "Bearer test-token",
            ],
            respond: .json(
                Self.transactionResponse(document: DMPTestSupport.storedDocument(masterIdentifier: uniqueValue))))
        let outcome = try await DMPTestSupport.client(stub).publish(publication)
        #expect(outcome.isCreated)
        #expect(outcome.document.id == "doc-1")
        try stub.verifyAllExpectationsConsumed()

        let bundle = try DMPTestSupport.json(try #require(stub.recordedRequests.first?.body))
        #expect(bundle["resourceType"] == "Bundle")
        #expect(bundle["type"] == "transaction")
        let entries = try #require(bundle["entry"]?.arrayValue)
        #expect(entries.count == 3)
        #expect(entries.map { $0["request"]?["url"]?.stringValue } == ["List", "DocumentReference", "Binary"])
        #expect(entries.allSatisfy { $0["request"]?["method"] == "POST" })
        let list = try #require(entries[0]["resource"])
        let document = try #require(entries[1]["resource"])
        let binary = try #require(entries[2]["resource"])
        // Cross references by urn:uuid.
        #expect(list["entry"]?[0]?["item"]?["reference"] == entries[1]["fullUrl"])
        #expect(document["content"]?[0]?["attachment"]?["url"] == entries[2]["fullUrl"])
        #expect(entries.allSatisfy { $0["fullUrl"]?.stringValue?.hasPrefix("urn:uuid:") == true })
        // The list is a submission set with its required members.
        #expect(list["code"]?["coding"]?[0]?["code"] == "submissionset")
        #expect(list["subject"]?["identifier"]?["value"] == "279035121518989")
        let listExtensions = list["extension"]?.arrayValue?.compactMap { $0["url"]?.stringValue } ?? []
        #expect(listExtensions.contains(PDSmURLs.designationTypeExtension))
        #expect(listExtensions.contains(PDSmURLs.sourceIdExtension))
        // The DocumentReference carries every PDSm-required field.
        #expect(document["masterIdentifier"]?["value"]?.stringValue == uniqueValue)
        #expect(document["status"] == "current")
        #expect(document["type"]?["coding"]?[0]?["code"] == "11488-4")
        #expect(document["category"]?[0]?["coding"]?[0]?["code"] == "10")
        #expect(document["subject"]?["identifier"]?["system"] == "urn:oid:1.2.250.1.213.1.4.10")
        #expect(document["date"] == "2026-06-12T11:00:00+02:00")
        #expect(document["author"]?[0]?["reference"] == "#author-1")
        #expect(document["custodian"]?["identifier"]?["value"] == "399999001300016")
        #expect(document["content"]?[0]?["attachment"]?["size"] == .integer(Int64(Self.content.count)))
        #expect(document["content"]?[0]?["attachment"]?["hash"]?.stringValue == SHA1Base64.of(Self.content))
        #expect(document["content"]?[0]?["attachment"]?["title"] == "CR de consultation")
        #expect(document["context"]?["period"]?["start"] == "2026-06-12T10:00:00+02:00")
        #expect(binary["data"]?.stringValue == Self.content.base64EncodedString())
        #expect(binary["contentType"] == "text/plain")
    }

    @Test("A file is hashed in chunks and streamed into the same Bundle as in-memory bytes")
    func fileContentStreams() async throws {
        let bytes = Data((0..<200_001).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let file = FileManager.default.temporaryDirectory.appending(path: "santedmp-\(UUID().uuidString).bin")
        try bytes.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var publication = try DMPTestSupport.publication(bytes)
        publication.content = .file(file)
        let stub = StubTransport()
        stub.expect(
            .post, "/fhir",
            where: { recorded in
                recorded.request.headerFields[.contentLength] == nil
                    || Int(recorded.request.headerFields[.contentLength] ?? "") == recorded.body?.count
            },
            respond: .json(Self.transactionResponse(document: DMPTestSupport.storedDocument(content: bytes))))
        _ = try await DMPTestSupport.client(stub).publish(publication)
        let bundle = try DMPTestSupport.json(try #require(stub.recordedRequests.first?.body))
        let binary = try #require(bundle["entry"]?[2]?["resource"])
        #expect(binary["data"]?.stringValue == bytes.base64EncodedString())
        let attachment = try #require(bundle["entry"]?[1]?["resource"]?["content"]?[0]?["attachment"])
        #expect(attachment["size"] == .integer(Int64(bytes.count)))
        #expect(attachment["hash"]?.stringValue == SHA1Base64.of(bytes))
    }

    @Test("A 409 duplicate with the same content is alreadyStored")
    func duplicateSameContent() async throws {
        let stub = StubTransport()
        let publication = try DMPTestSupport.publication(Self.content)
        let unique = try #require(publication.uniqueId.value)
        stub.expect(
            .post, "/fhir",
            respond: .json(
                DMPTestSupport.outcome(
                    "duplicate", diagnostics: "already stored as DocumentReference/doc-9",
                    expression: "DocumentReference.masterIdentifier"), status: 409))
        stub.expect(
            .get, "/fhir/DocumentReference",
            query: [
                "patient.identifier": "urn:oid:1.2.250.1.213.1.4.10|279035121518989",
                "identifier": "urn:ietf:rfc:3986|\(unique)", "status": "current,superseded", "_count": "20",
            ],
            respond: .json(
                SearchStubTests.searchset([DMPTestSupport.storedDocument(id: "doc-9", masterIdentifier: unique)])))
        let outcome = try await DMPTestSupport.client(stub).publish(publication)
        #expect(outcome == .alreadyStored(outcome.document))
        #expect(outcome.document.id == "doc-9")
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("A 409 duplicate with different content is a publish conflict")
    func duplicateDifferentContent() async throws {
        let stub = StubTransport()
        let publication = try DMPTestSupport.publication(Self.content)
        let unique = try #require(publication.uniqueId.value)
        stub.expect(
            .post, "/fhir",
            respond: .json(
                DMPTestSupport.outcome("duplicate", diagnostics: "DocumentReference/doc-9"), status: 409))
        stub.expect(
            .get, "/fhir/DocumentReference",
            respond: .json(
                SearchStubTests.searchset([
                    DMPTestSupport.storedDocument(id: "doc-9", content: Data("other".utf8), masterIdentifier: unique)
                ])))
        let error = await DMPTestSupport.dmpError { _ = try await DMPTestSupport.client(stub).publish(publication) }
        #expect(error?.reason == .publishConflict)
        #expect(error?.existingDocumentID == "doc-9")
        #expect(error?.httpStatus == 409)
    }

    @Test("A lost answer is resolved by a lookup: found -> alreadyStored")
    func lostAnswerFound() async throws {
        let stub = StubTransport()
        let publication = try DMPTestSupport.publication(Self.content)
        let unique = try #require(publication.uniqueId.value)
        stub.expect(
            .post, "/fhir",
            respond: .error(SanteHTTPError(code: .transport, message: "connection reset", requestWasSent: nil)))
        stub.expect(
            .get, "/fhir/DocumentReference",
            respond: .json(SearchStubTests.searchset([DMPTestSupport.storedDocument(masterIdentifier: unique)])))
        let outcome = try await DMPTestSupport.client(stub).publish(publication)
        #expect(!outcome.isCreated)
        #expect(outcome.document.uniqueId?.value == unique)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("A lost answer with nothing stored is sent again, once")
    func lostAnswerNotFound() async throws {
        let stub = StubTransport()
        let publication = try DMPTestSupport.publication(Self.content)
        let unique = try #require(publication.uniqueId.value)
        stub.expect(.post, "/fhir", respond: .error(SanteHTTPError(code: .timeout, message: "timed out")))
        stub.expect(.get, "/fhir/DocumentReference", respond: .json(SearchStubTests.searchset([])))
        stub.expect(
            .post, "/fhir",
            respond: .json(Self.transactionResponse(document: DMPTestSupport.storedDocument(masterIdentifier: unique))))
        let outcome = try await DMPTestSupport.client(stub).publish(publication)
        #expect(outcome.isCreated)
        try stub.verifyAllExpectationsConsumed()
        #expect(stub.recordedRequests[0].body == stub.recordedRequests[2].body)
    }

    @Test("A 422 carries the server's OperationOutcome and is not retried")
    func unprocessable() async throws {
        let stub = StubTransport()
        stub.expect(
            .post, "/fhir",
            respond: .json(
                DMPTestSupport.outcome(
                    "invalid", diagnostics: "invalid INS key",
                    expression: "DocumentReference.subject.identifier.value"), status: 422))
        let error = await DMPTestSupport.dmpError {
            _ = try await DMPTestSupport.client(stub).publish(try DMPTestSupport.publication())
        }
        #expect(error?.reason == .unprocessable)
        #expect(error?.operationOutcome?.issue.first?.expression == ["DocumentReference.subject.identifier.value"])
        #expect(stub.recordedRequests.count == 1)
    }

    @Test("Replace sends relatesTo and a FHIRPath Patch of the old entry in the same transaction")
    func replaceTransaction() async throws {
        let stub = StubTransport()
        let publication = try DMPTestSupport.publication(Self.content)
        let unique = try #require(publication.uniqueId.value)
        stub.expect(
            .post, "/fhir",
            respond: .json(
                Self.transactionResponse(document: DMPTestSupport.storedDocument(id: "doc-2", masterIdentifier: unique))
            ))
        let old = try DMPDocumentEntry(json: Data(DMPTestSupport.storedDocument(id: "doc-1").utf8))
        let outcome = try await DMPTestSupport.client(stub).replace(old, with: publication)
        #expect(outcome.document.id == "doc-2")
        let bundle = try DMPTestSupport.json(try #require(stub.recordedRequests.first?.body))
        let entries = try #require(bundle["entry"]?.arrayValue)
        #expect(entries.count == 4)
        let document = try #require(entries[1]["resource"])
        #expect(document["relatesTo"]?[0]?["code"] == "replaces")
        #expect(document["relatesTo"]?[0]?["target"]?["reference"] == "DocumentReference/doc-1")
        #expect(entries[3]["request"]?["method"] == "PATCH")
        #expect(entries[3]["request"]?["url"] == "DocumentReference/doc-1")
        let patch = try #require(entries[3]["resource"])
        #expect(patch["resourceType"] == "Parameters")
        let parts = try #require(patch["parameter"]?[0]?["part"]?.arrayValue)
        #expect(parts.map { $0["name"] } == ["type", "path", "value"])
        #expect(parts[1]["valueString"] == "DocumentReference.status")
        #expect(parts[2]["valueCode"] == "superseded")
    }

    @Test("Simplified publish posts one DocumentReference with the content inline")
    func simplifiedPublish() async throws {
        let stub = StubTransport()
        let publication = try DMPTestSupport.publication(Self.content)
        let unique = try #require(publication.uniqueId.value)
        stub.expect(
            .post, "/fhir/DocumentReference",
            respond: .json(
                DMPTestSupport.storedDocument(id: "doc-5", masterIdentifier: unique), status: 201,
                headerFields: [.location: "https://dmp.test/fhir/DocumentReference/doc-5/_history/1"]))
        let outcome = try await DMPTestSupport.client(stub).publishSimplified(publication)
        #expect(outcome.document.id == "doc-5")
        let body = try DMPTestSupport.json(try #require(stub.recordedRequests.first?.body))
        #expect(body["resourceType"] == "DocumentReference")
        #expect(body["content"]?[0]?["attachment"]?["data"]?.stringValue == Self.content.base64EncodedString())
        #expect(body["content"]?[0]?["attachment"]?["url"] == nil)
        #expect(body["meta"]?["profile"]?[0]?.stringValue == PDSmURLs.simplifiedPublishProfile)
    }
}
