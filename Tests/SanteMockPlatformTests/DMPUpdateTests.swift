import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct DMPUpdateTests {
    static let archivedURL = "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-ext-is-archived"
    static let visibilitySystem =
        "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument"

    /// `PATCH DocumentReference?identifier=<masterIdentifier>` with a JSON Patch.
    static func patch(
        _ client: DMPTestClient, _ document: DMPFixtures.Document, _ operations: JSONValue, ifMatch: String? = nil
    ) async throws -> HTTPResult {
        let query = DMPFixtures.encode("urn:ietf:rfc:3986|\(document.masterIdentifier)")
        var headers: [String: String] = [:]
        if let ifMatch { headers["If-Match"] = ifMatch }
        return try await client.send(
            "PATCH", "/DocumentReference?identifier=\(query)", body: DMPFixtures.data(operations),
            contentType: "application/json-patch+json", headers: headers)
    }

    static func label(_ code: String) -> JSONValue {
        ["coding": [["system": .string(visibilitySystem), "code": .string(code)]]]
    }

    @Test(.timeLimit(.minutes(3)))
    func theAuthorChangesStatusLabelsAndArchiveFlag() async throws {
        try await withPlatform { platform in
            let author = try await DMPTestClient.professional(platform)
            let document = DMPFixtures.Document()
            let id = try #require(try await author.publishDocument(document)["id"]?.stringValue)
            let operations: JSONValue = [
                ["op": "add", "path": "/securityLabel", "value": [Self.label("MASQUE_PS")]],
                [
                    "op": "add", "path": "/extension",
                    "value": [["url": .string(Self.archivedURL), "valueBoolean": true]],
                ],
            ]
            let result = try await Self.patch(author, document, operations, ifMatch: #"W/"1""#)
            #expect(result.status == 200, "\(result.text)")
            #expect(result.header("ETag") == #"W/"2""#)
            let updated = try result.json()
            #expect(updated["id"]?.stringValue == id)
            #expect(updated.at("meta", "versionId")?.stringValue == "2")
            #expect(updated.at("securityLabel", "0", "coding", "0", "code")?.stringValue == "MASQUE_PS")
            let archived = try await author.search("\(DMPFixtures.patientQuery())&status=current&isArchived=true")
            #expect(try archived.matches().compactMap { $0["id"]?.stringValue } == [id])

            // Now masked: another professional no longer sees it.
            let other = try await DMPTestClient.professional(platform, DMPTestClient.cardiologist)
            #expect(try await other.get("/DocumentReference/\(id)").status == 404)

            // FHIRPath Patch Parameters are accepted too.
            let parameters: JSONValue = [
                "resourceType": "Parameters",
                "parameter": [
                    [
                        "name": "operation",
                        "part": [
                            ["name": "type", "valueCode": "replace"],
                            ["name": "path", "valueString": "DocumentReference.status"],
                            ["name": "value", "valueCode": "superseded"],
                        ],
                    ]
                ],
            ]
            let query = DMPFixtures.encode("urn:ietf:rfc:3986|\(document.masterIdentifier)")
            let fhirPath = try await author.send("PATCH", "/DocumentReference?identifier=\(query)", json: parameters)
            #expect(fhirPath.status == 200, "\(fhirPath.text)")
            #expect(try fhirPath.json()["status"]?.stringValue == "superseded")
            #expect(fhirPath.header("ETag") == #"W/"3""#)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func conditionalPatchErrors() async throws {
        try await withPlatform { platform in
            let author = try await DMPTestClient.professional(platform)
            var document = DMPFixtures.Document()
            document.identifier = "urn:oid:1.2.3.shared"
            _ = try await author.publishDocument(document)
            let status: JSONValue = [["op": "replace", "path": "/status", "value": "superseded"]]

            // Stale If-Match: 412, nothing changed.
            let stale = try await Self.patch(author, document, status, ifMatch: #"W/"7""#)
            #expect(stale.status == 412)
            // Another element: 405 not-supported naming it.
            let title: JSONValue = [["op": "replace", "path": "/description", "value": "x"]]
            let description = try await Self.patch(
                author, document, [["op": "add", "path": "/description", "value": "x"]])
            #expect(description.status == 405)
            #expect(try description.issues().first?["code"]?.stringValue == "not-supported")
            #expect(try description.expressions() == ["DocumentReference.description"])
            #expect(try await Self.patch(author, document, title).status == 422)
            // No match: 404.
            var unknown = DMPFixtures.Document()
            unknown.masterIdentifier = "urn:oid:9.9.9"
            #expect(try await Self.patch(author, unknown, status).status == 404)
            // Not the author: 403.
            let other = try await DMPTestClient.professional(platform, DMPTestClient.nurse)
            let forbidden = try await Self.patch(other, document, status)
            #expect(forbidden.status == 403)
            #expect(try forbidden.issues().first?["code"]?.stringValue == "forbidden")
            // A filter path that is not an RFC 6901 pointer: 422.
            let filter: JSONValue = [["op": "replace", "path": "/extension[url:'x']/valueBoolean", "value": true]]
            #expect(try await Self.patch(author, document, filter).status == 422)

            let read = try await author.search("\(DMPFixtures.patientQuery())&status=current")
            #expect(try read.matches().first?.at("meta", "versionId")?.stringValue == "1")

            // Two documents share the identifier: 412.
            var twin = DMPFixtures.Document()
            twin.identifier = "urn:oid:1.2.3.shared"
            _ = try await author.publishDocument(twin)
            let shared = DMPFixtures.encode("urn:ietf:rfc:3986|urn:oid:1.2.3.shared")
            let ambiguous = try await author.send(
                "PATCH", "/DocumentReference?identifier=\(shared)", body: DMPFixtures.data(status),
                contentType: "application/json-patch+json")
            #expect(ambiguous.status == 412)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func thePatientMayChangeOnlyTheSecurityLabel() async throws {
        try await withPlatform { platform in
            let author = try await DMPTestClient.professional(platform)
            let document = DMPFixtures.Document()
            _ = try await author.publishDocument(document)
            let patient = try await DMPTestClient.patient(platform)
            let labels: JSONValue = [["op": "add", "path": "/securityLabel", "value": [Self.label("MASQUE_PS")]]]
            let masked = try await Self.patch(patient, document, labels)
            #expect(masked.status == 200, "\(masked.text)")
            let status: JSONValue = [["op": "replace", "path": "/status", "value": "superseded"]]
            #expect(try await Self.patch(patient, document, status).status == 403)
            let otherPatient = try await DMPTestClient.patient(platform, DMPTestClient.otherPatient)
            #expect(try await Self.patch(otherPatient, document, labels).status == 404)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func theThreeDeleteEncodings() async throws {
        try await withPlatform { platform in
            let author = try await DMPTestClient.professional(platform)
            let base = "\(DMPFixtures.patientQuery())&status=current,superseded"

            // Supersede: still there, superseded.
            let superseded = DMPFixtures.Document()
            let supersededID = try #require(try await author.publishDocument(superseded)["id"]?.stringValue)
            let supersede = try await Self.patch(
                author, superseded, [["op": "replace", "path": "/status", "value": "superseded"]])
            #expect(supersede.status == 200)
            #expect(
                try await author.get("/DocumentReference/\(supersededID)").json()["status"]?.stringValue == "superseded"
            )

            // Entered in error: gone from read (404), search and Binary.
            let erroneous = DMPFixtures.Document()
            let stored = try await author.publishDocument(erroneous)
            let erroneousID = try #require(stored["id"]?.stringValue)
            let binaryURL = try #require(stored.at("content", "0", "attachment", "url")?.stringValue)
            let binaryPath = String(binaryURL.dropFirst(platform.baseURL(for: .dmp).absoluteString.count))
            let error = try await Self.patch(
                author, erroneous, [["op": "replace", "path": "/status", "value": "entered-in-error"]])
            #expect(error.status == 200)
            #expect(try await author.get("/DocumentReference/\(erroneousID)").status == 404)
            #expect(try await author.get(binaryPath).status == 404)

            // HTTP DELETE: author only; then 410.
            let deleted = try #require(try await author.publishDocument(DMPFixtures.Document())["id"]?.stringValue)
            let other = try await DMPTestClient.professional(platform, DMPTestClient.cardiologist)
            #expect(try await other.send("DELETE", "/DocumentReference/\(deleted)").status == 403)
            let patient = try await DMPTestClient.patient(platform)
            #expect(try await patient.send("DELETE", "/DocumentReference/\(deleted)").status == 403)
            #expect(try await author.send("DELETE", "/DocumentReference/\(deleted)").status == 204)
            #expect(try await author.get("/DocumentReference/\(deleted)").status == 410)
            #expect(try await author.send("DELETE", "/DocumentReference/\(deleted)").status == 410)

            let remaining = try await author.search(base)
            #expect(try remaining.matches().compactMap { $0["id"]?.stringValue } == [supersededID])
            #expect(await platform.storedDMPDocuments().count == 1)
        }
    }
}
