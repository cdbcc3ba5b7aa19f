import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteMockPlatform
import SanteOpenData
import Testing

@Suite("End to end: Vite Ma Dose, the slot finder and the Annuaire Santé against the mock platform")
struct EndToEndServicesTests {
    @Test("finds slots around Paris and reports a failing département", .timeLimit(.minutes(3)))
    func slotFinder() async throws {
        try await withMockPlatform { platform in
            await platform.faults.inject(
                MockFault(.status(500)), on: MockRoute(method: .get, path: "/data/vitemadose/92.json"))
            let client = ViteMaDoseClient(http: platform.openDataHTTP("data/vitemadose"))
            let paris = try Coordinates(latitude: 48.8566, longitude: 2.3522)
            let result = try await SlotFinder(client: client, maximumConcurrency: 4)
                .find(.near(paris, radiusKilometers: 30))
            #expect(result.failures.map(\.department) == ["92"])
            #expect(result.failures.first?.error.reason == .serverError)
            #expect(result.departments.contains("75") && result.departments.contains("92"))
            #expect(!result.places.isEmpty)
            let distances = result.places.compactMap(\.distanceKilometers)
            #expect(distances.count == result.places.count)
            #expect(distances == distances.sorted())
            #expect(distances.allSatisfy { $0 <= 30 })
            #expect(result.places.allSatisfy { $0.nextAppointment?.date != nil && $0.bookingURL != nil })
            let requested = Set(
                await platform.requestLog.entries.map(\.path).filter { $0.hasPrefix("/data/vitemadose/") })
            #expect(requested == Set(result.departments.map { "/data/vitemadose/\($0).json" }))
        }
    }

    @Test("reads Vite Ma Dose statistics and départements, and streams centres", .timeLimit(.minutes(3)))
    func viteMaDoseFiles() async throws {
        try await withMockPlatform { platform in
            let client = ViteMaDoseClient(http: platform.openDataHTTP("data/vitemadose"))
            let departments = try await client.departments()
            #expect(departments.count == 101)
            #expect(Set(departments.map(\.code)) == Set(FrenchDepartment.all.map(\.code)))
            #expect(try await client.stats().national != nil)
            let file = try await client.departmentFile("2A")
            let streamed = try await TestSupport.collect(client.availableCentres(in: "2A"))
            #expect(streamed == file.availableCentres)
            let missing = await TestSupport.openDataError { _ = try await client.departmentFile("99") }
            #expect(missing?.reason == .notFound)
        }
    }

    @Test("searches the Annuaire page after page with the API key, and types a bad key", .timeLimit(.minutes(3)))
    func annuaire() async throws {
        try await withMockPlatform { platform in
            let http = SanteHTTPClient(baseURL: platform.baseURL(for: .annuaire), transport: URLSessionTransport())
            let annuaire = AnnuaireSanteClient(
                http: http, apiKeyProvider: OpenDataStaticAPIKey(MockAnnuaireSanteAPI.apiKey))
            let doctor = try #require(try await annuaire.practitioner(rpps: RPPS("99990000012")))
            #expect(doctor.rpps == RPPS("99990000012"))
            #expect(doctor.name.first?.family == "LEFEBVRE")

            let all = try await TestSupport.collect(
                annuaire.practitioners(AnnuairePractitionerQuery(options: AnnuaireSearchOptions(count: 2))))
            #expect(all.count > 2)
            #expect(Set(all.compactMap(\.id)).count == all.count)
            let pages = await platform.requestLog.entries.filter { $0.path.hasSuffix("/_page") }
            #expect(pages.count == (all.count + 1) / 2 - 1)
            #expect(pages.allSatisfy { $0.headers[TestSupport.field("ESANTE-API-KEY")] == MockAnnuaireSanteAPI.apiKey })

            let roles = try await TestSupport.collect(
                annuaire.practitionerRoles(AnnuairePractitionerRoleQuery(practitioner: doctor.id)))
            let role = try #require(roles.first)
            let organizationID = try #require(role.organization?.reference?.split(separator: "/").last.map(String.init))
            let organization = try await annuaire.organization(id: organizationID)
            #expect(organization.siret == SIRET("99999001300016"))
            #expect(try await annuaire.organization(siret: SIRET("99999001300016"))?.id == organization.id)

            let wrong = AnnuaireSanteClient(http: http, apiKeyProvider: OpenDataStaticAPIKey("wrong"))
            let error = await TestSupport.openDataError { _ = try await wrong.practitioner(id: doctor.id ?? "") }
            #expect(error?.reason == .unauthorized)
            #expect(error?.operationOutcome != nil)
        }
    }
}
