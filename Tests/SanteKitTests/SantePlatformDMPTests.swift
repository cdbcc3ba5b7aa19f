import Foundation
import SanteKit
import SanteMockPlatform
import Testing

@Suite("SantePlatform's DMP client against the mock platform", .timeLimit(.minutes(3)))
struct SantePlatformDMPTests {
    @Test("A DMP client from the platform publishes and finds a document, counted in the platform's accounting")
    func publishAndFind() async throws {
        let mock = try await MockPlatform.start()
        do {
            let platform = SantePlatform(environment: .localMock(baseURL: mock.baseURL), timeout: .seconds(30))
            let dmp = try platform.dmp(
                tokenProvider: ClosureTokenProvider {
                    try await mock.mintProfessionalToken(subjectNameID: "899990000012")
                },
                sourceID: "urn:oid:1.2.250.1.999.1"
            ) { $0.pageSize = 5 }
            #expect(dmp.configuration.pageSize == 5)
            #expect(dmp.configuration.baseURL == mock.baseURL(for: .dmp))

            let patient = INS("279035121518989", system: .test, status: .qualified)
            var publication = DMPPublication(
                patient: patient, content: .data(Data("Compte rendu".utf8)), contentType: "text/plain",
                title: "CR de consultation", type: .consultationReport, format: .text,
                author: DMPAuthor(
                    professional: .rpps(RPPS("99990000012"), familyName: "LEFEBVRE", givenNames: ["CAMILLE"]),
                    organization: .siret(SIRET("99999001300016"), name: "CABINET DU DR LEFEBVRE")),
                servicePeriod: FHIRPeriod(start: try FHIRDateTime("2026-06-12T10:00:00+02:00")))
            publication.facilityType = .privatePractice
            publication.practiceSetting = .healthEstablishment
            let outcome = try await dmp.publish(publication)
            #expect(outcome.isCreated)

            var found: [DMPDocumentEntry] = []
            for try await entry in try dmp.findDocuments(DMPDocumentQuery(patient: patient)) {
                found.append(entry)
            }
            #expect(found.map(\.uniqueId) == [publication.uniqueId])
            #expect(platform.accounting.snapshot().total.requests == 2)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }
}
