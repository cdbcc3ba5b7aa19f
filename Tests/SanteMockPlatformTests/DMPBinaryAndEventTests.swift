import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct DMPBinaryAndEventTests {
    @Test(.timeLimit(.minutes(3)))
    func binaryIsServedRawOrAsAFHIRResource() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            var document = DMPFixtures.Document()
            document.content = Data((0..<2_000).map { UInt8($0 % 251) })
            document.contentType = "application/pdf"
            let stored = try await client.publishDocument(document)
            let url = try #require(stored.at("content", "0", "attachment", "url")?.stringValue)
            let path = String(url.dropFirst(platform.baseURL(for: .dmp).absoluteString.count))

            let raw = try await client.get(path, accept: "application/pdf")
            #expect(raw.status == 200)
            #expect(raw.body == document.content)
            #expect(raw.header("Content-Type") == "application/pdf")
            #expect(raw.header("Content-Length") == "2000")

            let resource = try await client.get(path, accept: "application/fhir+json")
            #expect(resource.status == 200)
            #expect(resource.header("Content-Type")?.hasPrefix("application/fhir+json") == true)
            let json = try resource.json()
            #expect(json["resourceType"]?.stringValue == "Binary")
            #expect(json["contentType"]?.stringValue == "application/pdf")
            #expect(json["data"]?.stringValue.flatMap { Data(base64Encoded: $0) } == document.content)

            #expect(try await client.get("/Binary/unknown", accept: "application/pdf").status == 404)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func everyCommitIsAnnouncedOnTheEventBus() async throws {
        try await withPlatform { platform in
            let events = await platform.events.subscribe()
            var iterator = events.makeAsyncIterator()
            let client = try await DMPTestClient.professional(platform)
            let document = DMPFixtures.Document()
            let stored = try await client.publishDocument(document)
            let id = try #require(stored["id"]?.stringValue)

            let created = try #require(await iterator.next())
            #expect(created.kind == "dmp.document.stored")
            #expect(created.payload["id"]?.stringValue == id)
            #expect(created.payload["versionId"]?.stringValue == "1")
            #expect(created.payload["status"]?.stringValue == "current")
            #expect(created.payload["patient"]?["value"]?.stringValue == DMPTestClient.patient)
            #expect(created.payload["patient"]?["system"]?.stringValue == DMPTestClient.insSystem)
            #expect(created.payload["masterIdentifier"]?["value"]?.stringValue == document.masterIdentifier)
            #expect(created.payload["resource"]?["id"]?.stringValue == id)

            let patch = try await DMPUpdateTests.patch(
                client, document, [["op": "replace", "path": "/status", "value": "superseded"]])
            #expect(patch.status == 200)
            let updated = try #require(await iterator.next())
            #expect(updated.kind == "dmp.document.updated")
            #expect(updated.payload["versionId"]?.stringValue == "2")
            #expect(updated.payload["status"]?.stringValue == "superseded")

            // A replacement announces the new document and the superseded one; a refused request nothing.
            var replacement = DMPFixtures.Document()
            replacement.replaces = id
            #expect(try await client.publish(DMPFixtures.transaction([replacement], patches: [id])).status == 409)
            let fresh = try #require(try await client.publishDocument(DMPFixtures.Document())["id"]?.stringValue)
            let next = try #require(await iterator.next())
            #expect(next.kind == "dmp.document.stored")
            #expect(next.payload["id"]?.stringValue == fresh)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func aHundredMegabyteDocumentIsAccepted() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            var document = DMPFixtures.Document()
            document.content = Data(repeating: 0x41, count: 100 * 1024 * 1024)
            document.contentType = "application/octet-stream"
            let result = try await client.publish(DMPFixtures.transaction([document]))
            #expect(result.status == 200, "\(result.text.prefix(500))")
            let stored = try #require(try result.json().at("entry", "1", "resource"))
            let size = try #require(stored.at("content", "0", "attachment", "size")?.integerValue)
            #expect(Int(size) == document.content.count)
            let url = try #require(stored.at("content", "0", "attachment", "url")?.stringValue)
            let path = String(url.dropFirst(platform.baseURL(for: .dmp).absoluteString.count))
            let raw = try await client.get(path, accept: "application/octet-stream")
            #expect(raw.body.count == document.content.count)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func bodiesBeyondTheConfiguredMaximumGet413() async throws {
        try await withPlatform(MockPlatform.Configuration(maximumRequestBodySize: 10_000)) { platform in
            let client = try await DMPTestClient.professional(platform)
            var document = DMPFixtures.Document()
            document.content = Data(repeating: 0x41, count: 20_000)
            let result = try await client.publish(DMPFixtures.transaction([document]))
            #expect(result.status == 413)
            #expect(await platform.storedDMPDocuments().isEmpty)
        }
    }
}
