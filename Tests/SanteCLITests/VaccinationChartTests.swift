import Foundation
import SanteMockPlatform
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("vaccination-chart, run as a user runs it", .timeLimit(.minutes(3)))
struct VaccinationChartTests {
    @Test("By default it streams the national VACSI file from an in-process mock and writes a valid SVG")
    func defaultChart() async throws {
        let directory = try DataTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appending(path: "doses.svg")
        let outcome = try await CommandRunner.run("vaccination-chart", ["--output", output.path])
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        #expect(
            outcome.standardOutput.hasPrefix("Wrote \(output.path): 4 series over 928 days (2020-12-27 to 2023-07-12)"))
        #expect(outcome.standardError.contains("Started a mock platform in this process"))
        #expect(outcome.standardError.contains("Read 928 rows."))

        let svg = try SVGDocument(contentsOf: output)
        #expect(svg.rootName == "svg")
        #expect(svg.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(svg.polylines.count == 4)
        #expect(svg.polylines.allSatisfy { $0.pointCount == 928 })
        #expect(
            Set(svg.seriesIDs) == [
                "series-first-doses", "series-completed", "series-boosters", "series-second-boosters",
            ])
        #expect(svg.groupClasses.contains("axis x-axis") && svg.groupClasses.contains("axis y-axis"))
        #expect(svg.texts.contains("Date"))
        #expect(svg.texts.contains("Doses per day (7-day average)"))
        #expect(svg.texts.contains("Jan 2021") && svg.texts.contains("Jan 2023"))
        #expect(svg.texts.contains("First doses") && svg.texts.contains("Boosters"))
        #expect(svg.texts.contains("0"), "the value axis starts at zero")
        #expect(svg.title == "COVID-19 vaccination in France")
        let points = try #require(svg.polylines.first?.points)
        #expect(points.allSatisfy { $0.x >= 0 && $0.x <= 960 && $0.y >= 0 && $0.y <= 540 })
        #expect(points.map(\.x) == points.map(\.x).sorted(), "days from left to right")
    }

    @Test(
        "--input takes a local VACSI file; the totals rows (class 0) are used, not added to the classes",
        .enabled(if: DataTestSupport.hasVacsiSamples, "the shared open-data samples are not here"))
    func localFileByAgeClass() async throws {
        let directory = try DataTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appending(path: "a.svg")
        let input = DataTestSupport.vacsiSample("2021-01-28-vacsi-a-fra.csv")
        let outcome = try await CommandRunner.run(
            "vaccination-chart", ["--input", input.path, "--output", output.path, "--cumulative", "--json"])
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let summary = try jsonObject(outcome.standardOutput)
        #expect(summary["rows"] as? Int == 323)
        #expect(summary["days"] as? Int == 32)
        #expect(summary["firstDay"] as? String == "2020-12-27")
        #expect(summary["lastDay"] as? String == "2021-01-27")
        let series = try #require(summary["series"] as? [[String: Any]])
        #expect(series.count == 1)
        #expect(series.first?["last"] as? Double == 1_234_731, "the national total of 2021-01-27")
        let svg = try SVGDocument(contentsOf: output)
        #expect(svg.polylines.count == 1)
        #expect(svg.polylines.first?.pointCount == 32)
        #expect(svg.texts.contains("People (cumulative)"))
    }

    @Test(
        "--area keeps one département of a departmental file",
        .enabled(if: DataTestSupport.hasVacsiSamples, "the shared open-data samples are not here"))
    func departmentArea() async throws {
        let input = DataTestSupport.vacsiSample("2021-01-28-vacsi-dep.csv")
        let outcome = try await CommandRunner.run(
            "vaccination-chart", ["--input", input.path, "--area", "1", "--output", "-", "--smoothing", "1"])
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let svg = try SVGDocument(data: Data(outcome.standardOutput.utf8))
        #expect(svg.title == "COVID-19 vaccination in area 1")
        #expect(svg.polylines.count == 1)
        let expectedDays = try String(contentsOf: input, encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("01;") }.count
        #expect(svg.polylines.first?.pointCount == expectedDays)
    }

    @Test("--base-url reads the catalogue of any udata server; a URL input follows the stable `latest` redirect")
    func catalogueAndURL() async throws {
        let directory = try DataTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await DataTestSupport.withPlatform { platform in
            let resource = "efe23314-67c4-45d3-89a2-3faef82fae90"
            let byCatalogue = try await CommandRunner.run(
                "vaccination-chart",
                [
                    "--base-url", platform.baseURL.appending(path: "data").absoluteString, "--output",
                    directory.appending(path: "c.svg").path, "--json",
                ])
            #expect(byCatalogue.status == 0, "stderr: \(byCatalogue.standardError)")
            #expect(try jsonObject(byCatalogue.standardOutput)["days"] as? Int == 928)
            let lookups = await platform.requestLog.entries(forPath: "/data/api/2/datasets/resources/\(resource)/")
            #expect(lookups.count == 1)

            let latest = platform.baseURL.appending(path: "data/api/1/datasets/r/\(resource)").absoluteString
            let byURL = try await CommandRunner.run(
                "vaccination-chart", ["--input", latest, "--output", directory.appending(path: "u.svg").path, "--json"])
            #expect(byURL.status == 0, "stderr: \(byURL.standardError)")
            #expect(try jsonObject(byURL.standardOutput)["days"] as? Int == 928)
            let svg = try SVGDocument(contentsOf: directory.appending(path: "u.svg"))
            #expect(svg.polylines.count == 4)
        }
    }

    @Test("A resource id of the catalogue, and a missing file")
    func otherInputs() async throws {
        let directory = try DataTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bySex = try await CommandRunner.run(
            "vaccination-chart",
            [
                "--input", "349ca785-cf12-4f4d-9a0a-846d53dce996", "--output", directory.appending(path: "s.svg").path,
                "--json",
            ])
        #expect(bySex.status == 0, "stderr: \(bySex.standardError)")
        let summary = try jsonObject(bySex.standardOutput)
        #expect(summary["rows"] as? Int == 928 * 3, "sexes 0, 1 and 2")
        #expect(summary["keptRows"] as? Int == 928 * 3)
        #expect(summary["days"] as? Int == 928)

        let missing = try await CommandRunner.run("vaccination-chart", ["--input", "/no/such/file.csv"])
        #expect(missing.status == 64)
        #expect(missing.standardError.contains("no such file"))
        let unknown = try await CommandRunner.run(
            "vaccination-chart",
            ["--input", "00000000-0000-0000-0000-000000000000", "--output", directory.path + "/u.svg"])
        #expect(unknown.status == 1)
        #expect(errorLines(unknown.standardError).first?.contains("[not_found]") == true, "\(unknown.standardError)")
    }
}

/// What the tests read of an SVG file, parsed with Foundation's `XMLParser` (so it must be well-formed XML).
final class SVGDocument: NSObject, XMLParserDelegate {
    /// A `<polyline>`.
    struct Polyline {
        let points: [(x: Double, y: Double)]
        var pointCount: Int { points.count }
    }

    private(set) var rootName: String?
    private(set) var rootAttributes: [String: String] = [:]
    private(set) var polylines: [Polyline] = []
    private(set) var seriesIDs: [String] = []
    private(set) var groupClasses: [String] = []
    private(set) var texts: [String] = []
    private(set) var title: String?
    private var currentText = ""
    private var inText = false

    convenience init(contentsOf url: URL) throws {
        try self.init(data: Data(contentsOf: url))
    }

    init(data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        guard parser.parse() else {
            throw SVGParseError(description: parser.parserError.map { "\($0)" } ?? "the SVG is not well-formed XML")
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if rootName == nil {
            rootName = elementName
            rootAttributes = attributes
        }
        switch elementName {
        case "polyline":
            let pairs = (attributes["points"] ?? "").split(whereSeparator: \.isWhitespace).compactMap { pair in
                let numbers = pair.split(separator: ",").compactMap { Double($0) }
                return numbers.count == 2 ? (x: numbers[0], y: numbers[1]) : nil
            }
            polylines.append(Polyline(points: pairs))
        case "g":
            if let id = attributes["id"] { seriesIDs.append(id) }
            if let kind = attributes["class"] { groupClasses.append(kind) }
        case "text", "title":
            inText = true
            currentText = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { currentText += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "text" { texts.append(currentText) }
        if elementName == "title" { title = currentText }
        if elementName == "text" || elementName == "title" { inText = false }
    }
}

/// The SVG could not be parsed.
struct SVGParseError: Error, CustomStringConvertible {
    let description: String
}
