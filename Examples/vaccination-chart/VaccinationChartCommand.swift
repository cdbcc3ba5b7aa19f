import ArgumentParser
import Foundation
import Logging
import SanteKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `vaccination-chart`: a CovidTracker-style chart of COVID-19 vaccinations over time, as an SVG a browser shows.
///
/// It streams a VACSI file (Santé publique France) row by row, sums the doses per day (memory grows with the
/// days, not the rows), and writes an SVG line chart: axes, labels and one polyline per series (first doses,
/// completed vaccinations, boosters…), daily with a rolling mean or cumulative.
@main
struct VaccinationChartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vaccination-chart",
        abstract: "Draw COVID-19 vaccinations over time (a VACSI file) as an SVG chart.",
        discussion: """
            Examples:
              vaccination-chart --output doses.svg
              vaccination-chart --input vacsi-dep.csv --area 69 --cumulative --output rhone.svg
              vaccination-chart --base-url https://www.data.gouv.fr --output france.svg

            --input takes a local VACSI CSV file, an http(s) URL, or a catalogue resource id (default: the \
            national file vacsi-fra, efe23314-67c4-45d3-89a2-3faef82fae90) read from the catalogue at --base-url, \
            or from a mock platform (--mock-url, SANTE_MOCK_URL, else one started in this process). The file is \
            streamed; the chart is written as it is drawn.
            """,
        version: SanteKitVersion.current
    )

    @Option(name: .shortAndLong, help: "A VACSI CSV file, an http(s) URL, or a catalogue resource id.")
    var input: String?

    @Option(
        name: .shortAndLong, help: "The SVG file to write ('-' for standard output). Default: vaccination-chart.svg.")
    var output: String = "vaccination-chart.svg"

    @Option(name: .long, help: "Only the rows of this area code (a département such as 69, a region such as 84).")
    var area: String?

    @Flag(name: .long, help: "Draw cumulative counts instead of doses per day.")
    var cumulative = false

    @Option(name: .long, help: "The rolling mean of the daily counts, in days (1 for none; default 7).")
    var smoothing: Int = 7

    @Option(name: .long, help: "The chart's title.")
    var title: String?

    @Option(name: .long, help: "The chart's width in pixels (default 960).")
    var width: Int = 960

    @Option(name: .long, help: "The chart's height in pixels (default 540).")
    var height: Int = 540

    @Option(name: .customLong("base-url"), help: "A udata catalogue's root (such as https://www.data.gouv.fr).")
    var baseURL: String?

    @Option(
        name: .customLong("mock-url"),
        help: "Base URL of a running sante-mock (default: $SANTE_MOCK_URL, else an in-process mock).")
    var mockURL: String?

    @Flag(name: .long, help: "Print a summary of the chart as JSON on standard output.")
    var json = false

    @Flag(name: .long, help: "Log every request to standard error.")
    var verbose = false

    func validate() throws {
        _ = try ChartInput.kind(input)
        guard (1...90).contains(smoothing) else {
            throw ArgumentParser.ValidationError("--smoothing must be 1 to 90, got \(smoothing)")
        }
        guard (320...8000).contains(width), (200...8000).contains(height) else {
            throw ArgumentParser.ValidationError("--width must be 320 to 8000 and --height 200 to 8000")
        }
        if json, output == "-" {
            throw ArgumentParser.ValidationError("--json and --output - both write to standard output")
        }
        if baseURL != nil, mockURL != nil {
            throw ArgumentParser.ValidationError("--base-url and --mock-url cannot be used together")
        }
        _ = try url(baseURL, option: "--base-url")
        _ = try url(mockURL, option: "--mock-url")
    }

    func run() async throws {
        let series = cumulative ? DoseSeries.cumulative : DoseSeries.daily
        let environmentMock = ProcessInfo.processInfo.environment["SANTE_MOCK_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let (doses, source): (DailyDoses, String)
        do {
            (doses, source) = try await ChartInput.withBytes(
                try ChartInput.kind(input), baseURL: try url(baseURL, option: "--base-url"),
                mockURL: try url(mockURL ?? (baseURL == nil ? environmentMock : nil), option: "--mock-url"),
                logger: makeLogger()
            ) { bytes in
                var doses = DailyDoses(series: series, area: area)
                let counter = RowCounter()
                switch bytes {
                case .file(let chunks):
                    for try await record in HealthDatasets.vacsi(csv: chunks) {
                        doses.add(record)
                        counter.tick(doses.rowCount)
                    }
                case .http(let body):
                    for try await record in HealthDatasets.vacsi(csv: body) {
                        doses.add(record)
                        counter.tick(doses.rowCount)
                    }
                }
                counter.finish(doses.rowCount)
                return doses
            }
        } catch let error as ChartFailure {
            throw error
        } catch let error as ArgumentParser.ValidationError {
            throw error
        } catch {
            throw ChartFailure(reason: "could not read the VACSI rows: \(Self.oneLine(error))")
        }
        let table = doses.table(smoothing: cumulative ? 1 : smoothing)
        guard let firstDay = table.days.first, let lastDay = table.days.last, !table.lines.isEmpty else {
            throw ChartFailure(
                reason: "no VACSI rows with a day and dose counts in \(source)"
                    + (area.map { " for area \($0)" } ?? "") + " (\(doses.rowCount) rows read)")
        }
        let chart = SVGChart(
            table: table, title: title ?? defaultTitle, valueLabel: valueLabel, source: source, width: width,
            height: height)
        let bytes = try write(chart)
        let summary = ChartSummary(
            output: output == "-" ? nil : URL(fileURLWithPath: output).path, bytes: bytes, source: source,
            rows: doses.rowCount, keptRows: doses.keptRowCount, days: table.days.count, firstDay: firstDay,
            lastDay: lastDay, cumulative: cumulative, smoothingDays: cumulative ? 1 : smoothing, area: area,
            series: table.lines.map { line in
                ChartSummary.Series(
                    key: line.series.key, label: line.series.label, points: line.values.count,
                    maximum: (line.values.max() ?? 0).rounded(), last: line.total)
            })
        if json {
            try ChartOutput.json(summary)
        } else if output != "-" {
            ChartOutput.result(
                "Wrote \(summary.output ?? output): \(table.lines.count) series over \(table.days.count) days "
                    + "(\(firstDay) to \(lastDay)) from \(doses.rowCount) rows")
            for line in summary.series {
                ChartOutput.result("  \(line.label): peak \(ChartScales.compact(line.maximum))")
            }
        }
    }

    private var defaultTitle: String {
        let place = area.map { "area \($0)" } ?? "France"
        return cumulative ? "COVID-19 vaccination in \(place): people vaccinated" : "COVID-19 vaccination in \(place)"
    }

    private var valueLabel: String {
        cumulative
            ? "People (cumulative)" : smoothing > 1 ? "Doses per day (\(smoothing)-day average)" : "Doses per day"
    }

    /// Writes the SVG to `--output` (through a temporary file moved into place) or to standard output.
    private func write(_ chart: SVGChart) throws -> Int {
        if output == "-" {
            let writer = SVGWriter(handle: FileHandle.standardOutput)
            try chart.write(to: writer)
            return writer.byteCount
        }
        let destination = URL(fileURLWithPath: output)
        let temporary = destination.deletingLastPathComponent()
            .appending(path: ".\(destination.lastPathComponent).\(UUID().uuidString).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw ChartFailure(reason: "cannot write \(destination.path)")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            let writer = SVGWriter(handle: handle)
            try chart.write(to: writer)
            try handle.close()
            if FileManager.default.fileExists(atPath: destination.path) {
                _ = try FileManager.default.replaceItemAt(destination, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: destination)
            }
            return writer.byteCount
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ChartFailure(reason: "cannot write \(destination.path): \(Self.oneLine(error))")
        }
    }

    private func url(_ text: String?, option: String) throws -> URL? {
        guard let text else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme),
            url.host() != nil
        else { throw ArgumentParser.ValidationError("\(option) must be an http(s) URL, got '\(text)'") }
        return url
    }

    private func makeLogger() -> Logger {
        guard verbose else { return Logger(label: "vaccination-chart", factory: { _ in SwiftLogNoOpLogHandler() }) }
        var logger = Logger(label: "vaccination-chart", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .debug
        return logger
    }

    private static func oneLine(_ error: any Error) -> String {
        "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// A count of rows read, shown in place on standard error when it is a terminal.
struct RowCounter {
    /// Whether standard error is a terminal.
    let isTerminal = isatty(STDERR_FILENO) == 1

    /// Shows the count every 50,000 rows.
    func tick(_ rows: Int) {
        guard isTerminal, rows % 50_000 == 0 else { return }
        FileHandle.standardError.write(Data("\rRows read: \(rows)\u{1B}[K".utf8))
    }

    /// Ends the count.
    func finish(_ rows: Int) {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        ChartOutput.info("Read \(rows) rows.")
    }
}

/// What `vaccination-chart --json` prints.
struct ChartSummary: Encodable {
    /// One series of the chart.
    struct Series: Encodable {
        let key: String
        let label: String
        let points: Int
        let maximum: Double
        let last: Double?
    }

    let output: String?
    let bytes: Int
    let source: String
    let rows: Int
    let keptRows: Int
    let days: Int
    let firstDay: String
    let lastDay: String
    let cumulative: Bool
    let smoothingDays: Int
    let area: String?
    let series: [Series]
}
