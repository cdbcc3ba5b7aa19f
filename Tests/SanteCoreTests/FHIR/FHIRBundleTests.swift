import Foundation
import SanteCore
import Testing

@Suite("FHIR Bundle and AnyFHIRResource")
struct FHIRBundleTests {
    private let searchset = Data(
        #"""
        {
          "resourceType": "Bundle",
          "type": "searchset",
          "total": 41,
          "link": [
            {"relation": "self", "url": "https://example.org/fhir/DocumentReference?status=current"},
            {"relation": "next", "url": "https://example.org/fhir/DocumentReference?status=current&_page=2"}
          ],
          "entry": [
            {"fullUrl": "https://example.org/fhir/DocumentReference/d1",
             "resource": {"resourceType": "DocumentReference", "id": "d1", "status": "current",
                          "meta": {"versionId": "3", "lastUpdated": "2024-03-15T10:30:00+01:00"}},
             "search": {"mode": "match", "score": 1}},
            {"resource": {"resourceType": "OperationOutcome",
                          "issue": [{"severity": "warning", "code": "incomplete", "diagnostics": "truncated"}]},
             "search": {"mode": "outcome"}}
          ]
        }
        """#.utf8
    )

    @Test("nextURL follows the next link, and is nil on the last page")
    func nextURL() throws {
        let bundle = try FHIRJSON.decode(FHIRBundle.self, from: searchset)
        #expect(bundle.type == .searchset)
        #expect(bundle.total == 41)
        #expect(bundle.nextURL == URL(string: "https://example.org/fhir/DocumentReference?status=current&_page=2"))
        #expect(bundle.link(relation: "self")?.url == "https://example.org/fhir/DocumentReference?status=current")
        #expect(FHIRBundle(type: .searchset, link: [.init(relation: "self", url: "https://x.example")]).nextURL == nil)
    }

    @Test("entries hold any resource, with type, id and meta readable")
    func entriesHoldAnyResource() throws {
        let bundle = try FHIRJSON.decode(FHIRBundle.self, from: searchset)
        let document = try #require(bundle.entry.first?.resource)
        #expect(document.resourceType == "DocumentReference")
        #expect(document.id == "d1")
        #expect(document.description == "DocumentReference/d1")
        #expect(try document.meta?.versionId == "3")
        #expect(try document.meta?.lastUpdated?.date == Date(timeIntervalSince1970: 1_710_495_000))
        #expect(document[member: "status"] == "current")
        #expect(bundle.entry.first?.search?.mode == .match)
        #expect(bundle.entry.first?.search?.score == 1)
        #expect(try FHIRTestJSON.parse(try FHIRJSON.encode(bundle)) == FHIRTestJSON.parse(searchset))
    }

    @Test("resources(of:) decodes the entries of one type and skips the others")
    func resourcesOfType() throws {
        let bundle = try FHIRJSON.decode(FHIRBundle.self, from: searchset)
        let outcomes = try bundle.resources(of: FHIROperationOutcome.self)
        #expect(outcomes.count == 1)
        #expect(outcomes.first?.summary == "warning [incomplete] truncated")
        #expect(try bundle.resources(of: FHIRBundle.self).isEmpty)
    }

    @Test("a typed resource is wrapped and decoded back unchanged")
    func wrapAndUnwrap() throws {
        var outcome = FHIROperationOutcome(
            issue: [.init(severity: .error, code: .notFound, diagnostics: "no such document", expression: ["id"])],
            id: "o1"
        )
        outcome.meta = FHIRMeta(versionId: "1")
        let wrapped = try AnyFHIRResource(outcome)
        #expect(wrapped.resourceType == "OperationOutcome")
        #expect(wrapped.id == "o1")
        #expect(try wrapped.meta?.versionId == "1")
        #expect(wrapped.isResource(FHIROperationOutcome.self))
        #expect(try wrapped.decode(as: FHIROperationOutcome.self) == outcome)

        let bundle = FHIRBundle(
            type: .transactionResponse,
            entry: [.init(response: .init(status: "404 Not Found", outcome: wrapped))]
        )
        let decoded = try FHIRJSON.decode(FHIRBundle.self, from: try FHIRJSON.encode(bundle))
        #expect(decoded == bundle)
        #expect(decoded.entry.first?.response?.statusCode == 404)
        #expect(
            try decoded.entry.first?.response?.outcome?.decode(as: FHIROperationOutcome.self).issue.first?.code
                == .notFound)
    }

    @Test("decoding a resource as the wrong type names both types")
    func wrongType() throws {
        let bundle = try FHIRJSON.decode(FHIRBundle.self, from: searchset)
        let document = try #require(bundle.entry.first?.resource)
        #expect {
            try document.decode(as: FHIROperationOutcome.self)
        } throws: { error in
            guard let error = error as? FHIRDecodingError else { return false }
            return error.codingPath == "resourceType"
                && error.message == "expected OperationOutcome, found DocumentReference"
        }
    }

    @Test("a transaction Bundle builds with requests and writes slashes unescaped")
    func transactionRequests() throws {
        let list = try AnyFHIRResource(members: ["resourceType": "List", "status": "current", "mode": "working"])
        let bundle = FHIRBundle(
            type: .transaction,
            entry: [
                .init(
                    fullUrl: "urn:uuid:1e3c3a4e-0000-4000-8000-000000000001",
                    resource: list,
                    request: .init(method: .post, url: "List")
                ),
                .init(
                    request: .init(method: .patch, url: "DocumentReference?identifier=urn:ietf:rfc:3986|urn:oid:1.2.3")),
            ]
        )
        let text = try #require(String(data: try FHIRJSON.encode(bundle), encoding: .utf8))
        #expect(text.contains(#""url":"DocumentReference?identifier=urn:ietf:rfc:3986|urn:oid:1.2.3""#))
        #expect(text.contains(#""method":"PATCH""#))
        #expect(!text.contains("\\/"))
        #expect(FHIRBundle.Entry.Response(status: "201 Created").statusCode == 201)
        #expect(FHIRBundle.Entry.Response(status: "Created").statusCode == nil)
    }

    @Test("a resource without resourceType is refused")
    func missingResourceType() {
        #expect(throws: FHIRDecodingError.self) { try AnyFHIRResource(members: ["id": "1"]) }
        #expect(throws: FHIRDecodingError.self) { try AnyFHIRResource(json: ["resourceType", "List"]) }
    }
}
