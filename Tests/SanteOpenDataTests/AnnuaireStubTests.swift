import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteOpenData
import Testing

@Suite("AnnuaireSanteClient on the stub transport")
struct AnnuaireStubTests {
    private static let practitionerJSON = #"""
        {"resourceType": "Practitioner", "id": "003-1", "identifier": [
          {"system": "https://rpps.esante.gouv.fr", "value": "10003618186"},
          {"system": "urn:oid:1.2.250.1.71.4.2.1", "value": "810003618186"}],
         "name": [{"family": "DUPONT", "given": ["Marie"]}], "active": true, "futureMember": {"x": 1}}
        """#

    private static func bundle(_ resources: [String], next: String?) -> String {
        let entries = resources.map { #"{"fullUrl": "x", "resource": \#($0), "search": {"mode": "match"}}"# }
        let link = next.map { #", {"relation": "next", "url": "\#($0)"}"# } ?? ""
        return
            #"{"resourceType": "Bundle", "type": "searchset", "total": 3, "link": [{"relation": "self", "url": "s"}\#(link)], "entry": [\#(entries.joined(separator: ","))]}"#
    }

    private static func client(_ stub: StubTransport, middlewares: [any HTTPMiddleware] = []) -> AnnuaireSanteClient {
        AnnuaireSanteClient(
            http: TestSupport.http(
                stub, baseURL: "https://gateway.api.esante.gouv.fr/fhir/v2", middlewares: middlewares),
            apiKeyProvider: OpenDataStaticAPIKey("esante-key"))
    }

    @Test("finds a practitioner by RPPS with the API key, keeping unknown members")
    func byRPPS() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/fhir/v2/Practitioner",
            query: ["identifier": "https://rpps.esante.gouv.fr|10003618186", "_count": "1"],
            headerFields: [TestSupport.field("ESANTE-API-KEY"): "esante-key", .accept: "application/fhir+json"],
            respond: .json(Self.bundle([Self.practitionerJSON], next: nil)))
        let practitioner = try #require(try await Self.client(stub).practitioner(rpps: RPPS("10003618186")))
        #expect(practitioner.rpps == RPPS("10003618186"))
        #expect(practitioner.nationalIdentifier == .rpps(RPPS("10003618186")))
        #expect(practitioner.name.first?.displayName == "Marie DUPONT")
        #expect(practitioner.additionalMembers["futureMember"]?["x"]?.integerValue == 1)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("follows next links (_page) page after page, skipping included resources")
    func paging() async throws {
        let role =
            #"{"resourceType": "PractitionerRole", "id": "r1", "practitioner": {"reference": "Practitioner/p1"}}"#
        let organization = #"{"resourceType": "Organization", "id": "o1", "name": "CH"}"#
        let stub = StubTransport()
        stub.expect(
            .get, "/fhir/v2/PractitionerRole",
            query: ["practitioner": "p1", "_count": "2", "_include": "PractitionerRole:organization"],
            respond: .json(
                Self.bundle([role, organization], next: "https://gateway.api.esante.gouv.fr/fhir/v2/_page?id=abc")))
        stub.expect(
            .get, "/fhir/v2/_page", query: ["id": "abc"],
            headerFields: [TestSupport.field("ESANTE-API-KEY"): "esante-key"],
            respond: .json(Self.bundle([role.replacingOccurrences(of: "r1", with: "r2")], next: nil)))
        let query = AnnuairePractitionerRoleQuery(
            practitioner: "p1", options: AnnuaireSearchOptions(count: 2, includes: ["PractitionerRole:organization"]))
        let roles = try await TestSupport.collect(Self.client(stub).practitionerRoles(query))
        #expect(roles.map(\.id) == ["r1", "r2"])
        #expect(roles.first?.practitioner?.reference == "Practitioner/p1")
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("finds structures by FINESS and SIRET, clamps _count, adds _lastUpdated")
    func organizations() async throws {
        let organization =
            #"{"resourceType": "Organization", "id": "o1", "name": "PHARMACIE", "identifier": [{"system": "https://finess.esante.gouv.fr", "value": "010780195"}, {"system": "urn:oid:1.2.250.1.71.4.2.2", "value": "373282932000074"}]}"#
        let stub = StubTransport()
        stub.expect(
            .get, "/fhir/v2/Organization",
            query: ["identifier": "https://finess.esante.gouv.fr|010780195", "_count": "1"],
            respond: .json(Self.bundle([organization], next: nil)))
        stub.expect(
            .get, "/fhir/v2/Organization",
            query: [
                "identifier": "urn:oid:1.2.250.1.71.4.2.2|373282932000074,https://sirene.fr|73282932000074",
                "_count": "1",
            ],
            respond: .json(Self.bundle([], next: nil)))
        stub.expect(
            .get, "/fhir/v2/Organization",
            query: ["address-city": "PARIS", "_count": "200", "_lastUpdated": "ge2024-01-01T00:00:00.000+00:00"],
            respond: .json(Self.bundle([organization], next: nil)))
        stub.expect(
            .get, "/fhir/v2/HealthcareService", query: ["organization": "o1", "_count": "100"],
            respond: .json(
                Self.bundle(
                    [
                        #"{"resourceType": "HealthcareService", "id": "h1", "providedBy": {"reference": "Organization/o1"}}"#
                    ], next: nil)))
        let client = Self.client(stub)
        let found = try #require(try await client.organization(finess: FINESS("010780195")))
        #expect(found.finess == FINESS("010780195"))
        #expect(found.siret == SIRET("73282932000074"))
        #expect(try await client.organization(siret: SIRET("73282932000074")) == nil)
        let since = Date(timeIntervalSince1970: 1_704_067_200)
        let query = AnnuaireOrganizationQuery(
            city: "PARIS", options: AnnuaireSearchOptions(count: 20_000, lastUpdatedSince: since))
        #expect(try await TestSupport.collect(client.organizations(query)).count == 1)
        let services = try await TestSupport.collect(
            client.healthcareServices(AnnuaireHealthcareServiceQuery(organization: "o1")))
        #expect(services.first?.providedBy?.reference == "Organization/o1")
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("types errors with their OperationOutcome")
    func operationOutcome() async throws {
        let outcome =
            #"{"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "not-found", "diagnostics": "Resource Practitioner/x is not known"}]}"#
        let stub = StubTransport()
        stub.expect(
            .get, "/fhir/v2/Practitioner/x",
            respond: .status(404, headerFields: [.contentType: "application/fhir+json"], body: Data(outcome.utf8)))
        stub.expect(.get, "/fhir/v2/Practitioner", respond: .json(#"{"message": "Invalid API key"}"#, status: 401))
        let client = Self.client(stub)
        let missing = await TestSupport.openDataError { _ = try await client.practitioner(id: "x") }
        #expect(missing?.reason == .notFound)
        #expect(missing?.operationOutcome?.issue.first?.diagnostics == "Resource Practitioner/x is not known")
        #expect(missing?.serverMessage?.contains("not known") == true)
        let unauthorized = await TestSupport.openDataError {
            _ = try await client.practitioner(rpps: RPPS("10003618186"))
        }
        #expect(unauthorized?.reason == .unauthorized)
        #expect(unauthorized?.description.contains("esante-key") == false)
    }

    @Test("a 429 is retried by the retry policy, honouring Retry-After", .timeLimit(.minutes(3)))
    func rateLimited() async throws {
        let clock = TestClock(mode: .automatic)
        let stub = StubTransport()
        stub.expect(.get, "/fhir/v2/Practitioner/p1", respond: .status(429, headerFields: [.retryAfter: "2"]))
        stub.expect(
            .get, "/fhir/v2/Practitioner/p1",
            respond: .json(Self.practitionerJSON.replacingOccurrences(of: "003-1", with: "p1")))
        let retry = RetryMiddleware(policy: RetryPolicy(maximumAttempts: 3), clock: clock, random: { 1 })
        let practitioner = try await Self.client(stub, middlewares: [retry]).practitioner(id: "p1")
        #expect(practitioner.id == "p1")
        #expect(clock.recordedSleeps == [.seconds(2)])
        #expect(
            stub.recordedRequests.allSatisfy {
                $0.request.headerFields[TestSupport.field("ESANTE-API-KEY")] == "esante-key"
            })
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("gives raw search Bundles for includes and totals")
    func rawBundles() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/fhir/v2/Device", query: ["organization": "o1", "_count": "100"],
            respond: .json(
                #"{"resourceType": "Bundle", "type": "searchset", "total": 0, "entry": []}"#))
        let bundles = try await TestSupport.collect(
            Self.client(stub).searchBundles("Device", parameters: [URLQueryItem(name: "organization", value: "o1")]))
        #expect(bundles.count == 1)
        #expect(bundles.first?.total == 0)
    }
}
