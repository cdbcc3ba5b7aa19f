import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteOpenData
import Synchronization
import Testing

@Suite("ViteMaDoseClient and SlotFinder on the stub transport")
struct ViteMaDoseStubTests {
    /// A department file with centres at the given positions (nil: no location), all with slots.
    static func file(
        _ department: String, centres: [(name: String, latitude: Double?, longitude: Double?, next: String?)]
    )
        -> String
    {
        let items = centres.map { centre -> String in
            let location =
                centre.latitude.map { #"{"latitude": \#($0), "longitude": \#(centre.longitude ?? 0), "city": "X"}"# }
                ?? "null"
            let next = centre.next.map { "\"\($0)\"" } ?? "null"
            return #"""
                {"departement": "\#(department)", "nom": "\#(centre.name)", "url": "https://book/\#(centre.name)",
                 "location": \#(location), "metadata": {"address": "a", "business_hours": null},
                 "prochain_rdv": \#(next), "plateforme": "Doctolib", "type": "vaccination-center",
                 "appointment_count": 3, "internal_id": "id-\#(centre.name)", "vaccine_type": ["Pfizer-BioNTech"]}
                """#
        }
        return
            #"{"version": 1, "last_updated": "2021-05-01T10:00:00+02:00", "centres_disponibles": [\#(items.joined(separator: ","))], "centres_indisponibles": []}"#
    }

    /// A transport that serves department files from a dictionary and records the concurrency it sees.
    final class DepartmentServer: HTTPTransport {
        let files: [String: String]
        let failing: Set<String>
        let state = Mutex((inFlight: 0, maximum: 0, requested: [String]()))

        init(files: [String: String], failing: Set<String> = []) {
            self.files = files
            self.failing = failing
        }

        func send(_ request: HTTPRequest, body: HTTPBody?, context: RequestContext) async throws -> (
            HTTPResponse, HTTPBody?
        ) {
            let name = String((request.path ?? "").split(separator: "/").last ?? "")
            let code = String(name.dropLast(".json".count))
            state.withLock { state in
                state.inFlight += 1
                state.maximum = max(state.maximum, state.inFlight)
                state.requested.append(code)
            }
            await Task.yield()
            try await Task.sleep(for: .milliseconds(5))
            state.withLock { $0.inFlight -= 1 }
            if failing.contains(code) {
                return (HTTPResponse(status: .internalServerError), HTTPBody(#"{"message": "boom"}"#))
            }
            guard let text = files[code] else { return (HTTPResponse(status: .notFound), HTTPBody("{}")) }
            return (HTTPResponse(status: .ok, headerFields: [.contentType: "application/json"]), HTTPBody(text))
        }
    }

    private static func client(_ transport: any HTTPTransport) throws -> ViteMaDoseClient {
        ViteMaDoseClient(
            http: SanteHTTPClient(
                baseURL: try #require(URL(string: "https://vitemadose.gitlab.io/vitemadose")), transport: transport))
    }

    @Test("reads a department file, its daily slots, stats and departments at the configured base URL")
    func files() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/vitemadose/2A.json",
            respond: .json(Self.file("2A", centres: [("A", 41.9, 8.7, "2021-05-02T09:00:00")])))
        stub.expect(
            .get, "/vitemadose/2A/creneaux-quotidiens.json",
            respond: .json(
                #"{"departement": "2A", "creneaux_quotidiens": [{"date": "2021-05-02", "total": 3, "creneaux_par_lieu": [{"lieu": "id-A", "creneaux_par_tag": [{"tag": "all", "creneaux": 3}]}]}]}"#
            ))
        stub.expect(
            .get, "/vitemadose/stats.json",
            respond: .json(#"{"tout_departement": {"disponibles": 1, "total": 2, "creneaux": 3}}"#))
        stub.expect(
            .get, "/vitemadose/departements.json",
            respond: .json(
                #"[{"code_departement": "2A", "nom_departement": "Corse-du-Sud", "code_region": 94.0, "nom_region": "Corse"}]"#
            ))
        let client = try Self.client(stub)
        let file = try await client.departmentFile("2a")
        #expect(file.availableCentres.first?.name == "A")
        let naive = try #require(file.availableCentres.first?.nextAppointment)
        #expect(!naive.hasOffset)
        #expect(naive.date == OpenDataTimestamp("2021-05-02T09:00:00+02:00").date, "naive times are Paris times")
        let slots = try await client.dailySlots("2A")
        #expect(slots.days.first?.places.first?.count() == 3)
        #expect(try await client.stats().national?.slots == 3)
        #expect(try await client.departments().first?.regionCode == "94")
        let invalid = await TestSupport.openDataError { _ = try await client.departmentFile("../etc") }
        #expect(invalid?.reason == .invalidInput)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("streams the available centres of a department")
    func streaming() async throws {
        let server = DepartmentServer(files: [
            "75": Self.file("75", centres: [("A", 48.8, 2.3, nil), ("B", nil, nil, nil)])
        ])
        let centres = try await TestSupport.collect(try Self.client(server).availableCentres(in: "75"))
        #expect(centres.map(\.name) == ["A", "B"])
    }

    @Test("chooses the départements around a point from the bundled table")
    func departmentChoice() async throws {
        let finder = SlotFinder(client: try Self.client(StubTransport()))
        let paris = try Coordinates(latitude: 48.8566, longitude: 2.3522)
        let near = try finder.departments(for: .near(paris, radiusKilometers: 5))
        #expect(near.contains("75"))
        #expect(near.contains("92") && near.contains("93") && near.contains("94"))
        #expect(!near.contains("13"))
        let ocean = try Coordinates(latitude: 30, longitude: -40)
        #expect(try finder.departments(for: .near(ocean, radiusKilometers: 1)).count == 1)
        let reunion = try Coordinates(latitude: -21.1, longitude: 55.5)
        #expect(try finder.departments(for: .near(reunion, radiusKilometers: 30)) == ["974"])
        #expect(try finder.departments(for: .departments(["2a", "1", "971"])) == ["01", "2A", "971"])
        let negative = await TestSupport.openDataError {
            _ = try finder.departments(for: .near(paris, radiusKilometers: -1))
        }
        #expect(negative?.reason == .invalidInput)
        let unknown = await TestSupport.openDataError { _ = try finder.departments(for: .departments(["99"])) }
        #expect(unknown?.reason == .invalidInput)
    }

    @Test("fetches with a bounded concurrency, tolerates a failing département and sorts by distance")
    func finder() async throws {
        var files: [String: String] = [:]
        for department in FrenchDepartment.all { files[department.code] = Self.file(department.code, centres: []) }
        files["75"] = Self.file(
            "75",
            centres: [
                ("Far in Paris", 48.89, 2.39, "2021-05-03T10:00:00+02:00"),
                ("Near", 48.857, 2.353, "2021-05-04T10:00:00+02:00"),
                ("No position", nil, nil, "2021-05-02T10:00:00+02:00"),
            ])
        files["92"] = Self.file("92", centres: [("Boulogne", 48.835, 2.24, "2021-05-02T08:00:00+02:00")])
        files["13"] = Self.file("13", centres: [("Marseille", 43.3, 5.4, "2021-05-01T08:00:00+02:00")])
        let server = DepartmentServer(files: files, failing: ["93"])
        let finder = SlotFinder(client: try Self.client(server), maximumConcurrency: 3)
        let paris = try Coordinates(latitude: 48.8566, longitude: 2.3522)
        let result = try await finder.find(.near(paris, radiusKilometers: 12))
        #expect(result.places.map(\.name) == ["Near", "Far in Paris", "Boulogne"])
        #expect(result.places.first?.distanceKilometers.map { $0 < 1 } == true)
        #expect(result.places.first?.bookingURL == "https://book/Near")
        #expect(result.places.first?.vaccineTypes == ["Pfizer-BioNTech"])
        #expect(result.failures.map(\.department) == ["93"])
        #expect(result.failures.first?.error.reason == .serverError)
        #expect(!result.isComplete)
        #expect(result.departments.contains("75"))
        let maximum = server.state.withLock { $0.maximum }
        #expect(maximum <= 3)
        #expect(maximum >= 2, "the files were fetched concurrently")
        #expect(Set(server.state.withLock { $0.requested }) == Set(result.departments))

        let byDepartment = try await finder.find(.departments(["75", "13"]))
        #expect(
            byDepartment.places.map(\.name) == ["Marseille", "No position", "Far in Paris", "Near"],
            "earliest slot first")
        #expect(byDepartment.places.allSatisfy { $0.distanceKilometers == nil })
        let fromPoint = try await finder.find(.departmentsFrom(["75"], origin: paris))
        #expect(fromPoint.places.map(\.name) == ["Near", "Far in Paris", "No position"])
    }

    @Test("a 404 département is reported, not fatal")
    func missingDepartment() async throws {
        let server = DepartmentServer(files: [
            "01": Self.file("01", centres: [("Bourg", 46.2, 5.2, "2021-05-02T08:00:00+02:00")])
        ])
        let result = try await SlotFinder(client: try Self.client(server)).find(.departments(["01", "02"]))
        #expect(result.places.map(\.name) == ["Bourg"])
        #expect(result.failures.first?.department == "02")
        #expect(result.failures.first?.error.reason == .notFound)
    }
}
