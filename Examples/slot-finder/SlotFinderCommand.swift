import ArgumentParser
import Foundation
import Logging
import SanteKit

/// `slot-finder`: vaccination places with free slots near a point or in départements, Vite Ma Dose style.
///
/// It reads the Vite Ma Dose département files (`{code}.json`) concurrently, a bounded number at a time, draws a
/// progress line across départements on standard error, and prints the places with slots as a table sorted by
/// distance (next slot, vaccines, booking URL). A département that cannot be read is reported, not fatal.
/// Without `--base-url` it runs against a mock platform started in-process (or `--mock-url`).
@main
struct SlotFinderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slot-finder",
        abstract: "Find COVID-19 vaccination slots near a point or in départements (Vite Ma Dose files).",
        discussion: """
            Examples:
              slot-finder --near 45.76,4.84 --radius 20km
              slot-finder --department 69 --department 01
              slot-finder --near 48.85,2.35 --base-url https://vitemadose.gitlab.io/vitemadose

            Without --base-url (or --mock-url, SANTE_MOCK_URL), the files come from a mock platform started in \
            this process. Results go to standard output (JSON with --json); progress and warnings to standard \
            error. Exit 0 when at least one département was read, 1 when none could be, 64 on a usage error.
            """,
        version: SanteKitVersion.current
    )

    @Option(name: .long, help: "Search around this point: LATITUDE,LONGITUDE (such as 45.76,4.84).")
    var near: String?

    @Option(name: .long, help: "The search radius around --near: 20km, 1500m or 20 (km). Default 20km.")
    var radius: String = "20km"

    @Option(name: .long, help: "Search this département (01, 2A, 69, 971…); repeatable.")
    var department: [String] = []

    @Option(name: .long, help: "The most places shown (default 20; 0 for all).")
    var limit: Int = 20

    @Option(name: .long, help: "The most département files read at the same time (default 8).")
    var concurrency: Int = 8

    @Option(
        name: .customLong("base-url"),
        help: "The directory of the Vite Ma Dose files (such as https://vitemadose.gitlab.io/vitemadose).")
    var baseURL: String?

    @Option(
        name: .customLong("mock-url"),
        help: "Base URL of a running sante-mock (default: $SANTE_MOCK_URL, else an in-process mock).")
    var mockURL: String?

    @Flag(name: .long, help: "Print the result as JSON on standard output.")
    var json = false

    @Flag(name: .long, help: "Log every request to standard error.")
    var verbose = false

    func validate() throws {
        _ = try search()
        guard limit >= 0 else { throw ArgumentParser.ValidationError("--limit must be 0 or more, got \(limit)") }
        guard (1...64).contains(concurrency) else {
            throw ArgumentParser.ValidationError("--concurrency must be between 1 and 64, got \(concurrency)")
        }
        if baseURL != nil, mockURL != nil {
            throw ArgumentParser.ValidationError("--base-url and --mock-url cannot be used together")
        }
        if let baseURL { _ = try SlotFinderArguments.httpURL(baseURL, option: "--base-url") }
        if let mockURL { _ = try SlotFinderArguments.httpURL(mockURL, option: "--mock-url") }
    }

    func run() async throws {
        let search = try search()
        let report = try await FilesSource.with(baseURL: baseURL, mockURL: mockURL) { filesURL, description in
            Output.info(description)
            let platform = SantePlatform(
                environment: SanteEnvironment(name: "vite-ma-dose"), logger: makeLogger(),
                appProduct: "slot-finder/\(SanteKitVersion.current)")
            let client = ViteMaDoseClient(http: try platform.httpClient(baseURL: filesURL))
            return try await DepartmentScan(client: client, maximumConcurrency: concurrency).run(search)
        }
        if json {
            try Output.json(SlotFinderReport(report, limit: limit))
        } else {
            SlotTable(report: report, limit: limit).print()
        }
        for failure in report.failures {
            Output.info("Warning: \(failure.label) could not be read: \(failure.reason)")
        }
        if !report.departments.isEmpty, report.failures.count == report.departments.count {
            throw OperationFailed(reason: "no département could be read (\(report.failures.count) failed)")
        }
    }

    /// The search the options describe.
    func search() throws -> SlotSearchRequest {
        let origin = try near.map { try SlotFinderArguments.coordinates($0) }
        let kilometers = try SlotFinderArguments.kilometers(radius)
        switch (origin, department.isEmpty) {
        case (nil, true):
            throw ArgumentParser.ValidationError("give --near LATITUDE,LONGITUDE or --department CODE")
        case (let origin?, true):
            return SlotSearchRequest(search: .near(origin, radiusKilometers: kilometers), radiusKilometers: kilometers)
        case (let origin, false):
            let codes = try department.map { code in
                guard let known = FrenchDepartment.named(code) else {
                    throw ArgumentParser.ValidationError(
                        "--department '\(code)' is not a département code (01–95, 2A, 2B, 971–976)")
                }
                return known.code
            }
            let search: SlotSearch = origin.map { .departmentsFrom(codes, origin: $0) } ?? .departments(codes)
            return SlotSearchRequest(search: search, radiusKilometers: nil)
        }
    }

    private func makeLogger() -> Logger {
        guard verbose else { return Logger(label: "slot-finder", factory: { _ in SwiftLogNoOpLogHandler() }) }
        var logger = Logger(label: "slot-finder", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .debug
        return logger
    }
}

/// A failure of the search: printed on one line, exit 1.
struct OperationFailed: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
