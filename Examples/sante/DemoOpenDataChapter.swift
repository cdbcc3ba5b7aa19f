import Foundation
import SanteKit
import SanteMockPlatform

/// The open-data chapter of `sante demo`: the catalogue searched, a file downloaded and verified, VACSI rows
/// streamed, the slot finder run near a point, and a professional looked up in the Annuaire Santé. Every step
/// makes real requests to the mock platform, through the demo's pipeline (its accounting counts them).
struct DemoOpenDataChapter {
    /// The mock platform.
    let session: MockPlatformSession
    /// The demo's platform.
    let platform: SantePlatform
    /// The seeded professionals.
    let identities: DemoIdentities

    /// Where the slot finder searches: Lyon, within 20 km.
    static let searchPoint = (latitude: 45.76, longitude: 4.84, radiusKilometers: 20.0)
    /// The national VACSI file's resource id.
    static let vacsiResource = "efe23314-67c4-45d3-89a2-3faef82fae90"

    /// Runs the chapter.
    /// - Returns: What the report shows.
    /// - Throws: ``OperationFailed`` when something does not happen as the demo shows it, or the clients' errors.
    func run() async throws -> DemoReport.OpenData {
        let catalogue = DataGouvClient(http: try platform.httpClient(baseURL: session.baseURL.appending(path: "data")))
        let downloader = ResourceDownloader(http: try platform.httpClient(baseURL: session.baseURL))
        let directory = FileManager.default.temporaryDirectory.appending(path: "sante-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        Terminal.info("Chapter 6a: the vaccination-places dataset is found in the catalogue")
        let (search, places) = try await findPlacesDataset(catalogue)

        Terminal.info("Chapter 6b: one of its files is downloaded, its checksum verified as it streams")
        let download = try await downloadPlaces(places, downloader: downloader, directory: directory)

        Terminal.info("Chapter 6c: VACSI rows are streamed from the national vaccination file")
        let vacsi = try await readVacsi(catalogue, downloader: downloader, directory: directory)

        Terminal.info("Chapter 6d: the slot finder reads the Vite Ma Dose files near Lyon")
        let slots = try await findSlots()

        Terminal.info("Chapter 6e: a professional is looked up in the Annuaire Santé by RPPS")
        let professional = try await lookUpProfessional()
        return DemoReport.OpenData(
            search: search, download: download, vacsi: vacsi, slots: slots, professional: professional)
    }

    private func findPlacesDataset(_ catalogue: DataGouvClient) async throws -> (
        DemoReport.OpenData.Search, DataGouvDataset
    ) {
        let query = DataGouvQuery(text: "lieux de vaccination", pageSize: 5)
        let page = try await catalogue.datasetsPage(query)
        guard
            let dataset = page.data.first(where: {
                $0.slug == "lieux-de-vaccination-contre-la-covid-19"
                    || ($0.title ?? "").localizedCaseInsensitiveContains("lieux de vaccination")
            })
        else {
            throw OperationFailed(reason: "the catalogue has no vaccination-places dataset")
        }
        return (
            DemoReport.OpenData.Search(
                query: query.text ?? "", matches: page.total ?? page.data.count, datasetID: dataset.id,
                title: dataset.title ?? dataset.id, organization: dataset.organization?.name,
                resources: dataset.resources.map { "\($0.title ?? $0.id) (\($0.format ?? "?"))" }),
            dataset
        )
    }

    private func downloadPlaces(
        _ dataset: DataGouvDataset, downloader: ResourceDownloader, directory: URL
    ) async throws -> DemoReport.OpenData.Download {
        guard let resource = dataset.resources.first(where: { $0.format == "csv" }) ?? dataset.resources.first else {
            throw OperationFailed(reason: "the vaccination-places dataset has no file")
        }
        let file = directory.appending(path: "centres-vaccination.csv")
        let result = try await downloader.download(resource, to: file)
        guard result.checksumVerified else {
            throw OperationFailed(reason: "the download of \(resource.title ?? resource.id) was not verified")
        }
        var count = 0
        var first: VaccinationPlace?
        for try await place in HealthDatasets.vaccinationPlaces(csv: FileByteChunks(url: file)) {
            count += 1
            if first == nil { first = place }
        }
        return DemoReport.OpenData.Download(
            resource: resource.id, title: resource.title ?? resource.id, bytes: result.byteCount,
            checksumType: result.checksum?.type ?? "?", checksum: result.checksum?.value ?? "",
            verified: result.checksumVerified, places: count,
            firstPlace: first.map { "\($0.name ?? "?"), \($0.postalCode ?? "") \($0.city ?? "")" })
    }

    private func readVacsi(
        _ catalogue: DataGouvClient, downloader: ResourceDownloader, directory: URL
    ) async throws -> DemoReport.OpenData.Vacsi {
        let resource = try await catalogue.resource(Self.vacsiResource)
        let file = directory.appending(path: "vacsi-fra.csv")
        let result = try await downloader.download(resource, to: file)
        var rows = 0
        var first: VacsiRecord?
        var last: VacsiRecord?
        for try await record in HealthDatasets.vacsi(csv: FileByteChunks(url: file)) {
            rows += 1
            if first == nil { first = record }
            last = record
        }
        guard let first, let last else { throw OperationFailed(reason: "the VACSI file has no rows") }
        return DemoReport.OpenData.Vacsi(
            resource: resource.title ?? resource.id, verified: result.checksumVerified, rows: rows,
            firstDay: first.day?.rawValue ?? "?", firstDayFirstDoses: first.firstDoses ?? 0,
            lastDay: last.day?.rawValue ?? "?", cumulativeFirstDoses: last.cumulativeFirstDoses ?? 0,
            firstDoseCoverage: last.firstDoseCoverage.map { "\($0)" })
    }

    private func findSlots() async throws -> DemoReport.OpenData.Slots {
        let viteMaDose = ViteMaDoseClient(
            http: try platform.httpClient(baseURL: session.baseURL.appending(path: "data/vitemadose")))
        let point = Self.searchPoint
        let origin = try Coordinates(latitude: point.latitude, longitude: point.longitude)
        let result = try await SlotFinder(client: viteMaDose).find(
            .near(origin, radiusKilometers: point.radiusKilometers))
        guard result.isComplete else {
            throw OperationFailed(reason: "the slot finder could not read \(result.failures.map(\.department))")
        }
        return DemoReport.OpenData.Slots(
            near: "\(point.latitude),\(point.longitude)", radiusKilometers: point.radiusKilometers,
            departments: result.departments, places: result.places.count,
            nearest: result.places.prefix(3).map { place in
                let distance = place.distanceKilometers.map { String(format: "%.1f km", $0) } ?? "?"
                return "\(distance)  \(place.nextAppointment?.rawValue ?? "?")  \(place.name ?? "?")"
            })
    }

    private func lookUpProfessional() async throws -> DemoReport.OpenData.Professional {
        guard let subjectNameID = identities.professionals.first?.subjectNameID, subjectNameID.hasPrefix("8") else {
            throw OperationFailed(reason: "the mock lists no professional with an RPPS number")
        }
        let rpps = RPPS(String(subjectNameID.dropFirst()))
        let annuaire = AnnuaireSanteClient(
            http: try platform.httpClient(baseURL: session.baseURL.appending(path: "annuaire/fhir/v2")),
            apiKeyProvider: OpenDataStaticAPIKey(MockAnnuaireSanteAPI.apiKey))
        let professional = try await DataDirectory.lookUp(rpps, in: annuaire, activityLimit: 3)
        return DemoReport.OpenData.Professional(rpps: rpps.rawValue, lines: professional.lines)
    }

    /// Prints the chapter's part of the readable report.
    static func print(_ report: DemoReport.OpenData) {
        Terminal.result("Open data")
        let search = report.search
        Terminal.result(
            "  catalogue search \"\(search.query)\": \(search.matches) dataset\(search.matches == 1 ? "" : "s"); "
                + "\(search.title) (\(search.datasetID)), \(search.organization ?? "?")")
        Terminal.result("    files: " + search.resources.joined(separator: ", "))
        let download = report.download
        Terminal.result(
            "  downloaded \(download.title): \(download.bytes) bytes, \(download.checksumType) "
                + (download.verified ? "verified" : "NOT verified") + ", \(download.places) places read")
        if let place = download.firstPlace { Terminal.result("    first place: \(place)") }
        let vacsi = report.vacsi
        Terminal.result(
            "  VACSI \(vacsi.resource): \(vacsi.rows) rows streamed, "
                + (vacsi.verified ? "checksum verified" : "checksum not verified"))
        Terminal.result("    \(vacsi.firstDay): \(vacsi.firstDayFirstDoses) first doses")
        Terminal.result(
            "    \(vacsi.lastDay): \(vacsi.cumulativeFirstDoses) people with at least one dose"
                + (vacsi.firstDoseCoverage.map { " (\($0) %)" } ?? ""))
        let slots = report.slots
        Terminal.result(
            "  slot finder near \(slots.near) within \(Int(slots.radiusKilometers)) km: \(slots.places) places with "
                + "slots in \(slots.departments.joined(separator: ", "))")
        for line in slots.nearest { Terminal.result("    \(line)") }
        Terminal.result("  Annuaire Santé, RPPS \(report.professional.rpps):")
        for line in report.professional.lines { Terminal.result("    \(line)") }
    }
}

extension DemoReport {
    /// The open-data chapter.
    struct OpenData: Codable {
        /// The catalogue search.
        struct Search: Codable {
            let query: String
            let matches: Int
            let datasetID: String
            let title: String
            let organization: String?
            let resources: [String]
        }

        /// The verified download.
        struct Download: Codable {
            let resource: String
            let title: String
            let bytes: Int64
            let checksumType: String
            let checksum: String
            let verified: Bool
            let places: Int
            let firstPlace: String?
        }

        /// The VACSI rows.
        struct Vacsi: Codable {
            let resource: String
            let verified: Bool
            let rows: Int
            let firstDay: String
            let firstDayFirstDoses: Int
            let lastDay: String
            let cumulativeFirstDoses: Int
            let firstDoseCoverage: String?
        }

        /// The slot search.
        struct Slots: Codable {
            let near: String
            let radiusKilometers: Double
            let departments: [String]
            let places: Int
            let nearest: [String]
        }

        /// The professional found.
        struct Professional: Codable {
            let rpps: String
            let lines: [String]
        }

        let search: Search
        let download: Download
        let vacsi: Vacsi
        let slots: Slots
        let professional: Professional
    }
}
