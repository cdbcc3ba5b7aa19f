import Foundation
import HTTPTypes
import SanteMockPlatform
import Testing

@Suite("sante data, run as a user runs it", .timeLimit(.minutes(3)))
struct DataCommandTests {
    @Test("datasets --query lists the matching datasets as JSON on standard output, progress on standard error")
    func datasetsAsJSON() async throws {
        let outcome = try await CommandRunner.run("sante", ["data", "datasets", "--query", "vaccination", "--json"])
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let listing = try jsonObject(outcome.standardOutput)
        #expect(listing["total"] as? Int == 3)
        let datasets = try #require(listing["datasets"] as? [[String: Any]])
        let ids = datasets.compactMap { $0["id"] as? String }
        #expect(ids.contains("5ff7a3c2e1d0b9a8c7f61001"), "the vaccination places")
        #expect(ids.contains("6010206e7aa742eb447930f7"), "VACSI")
        let vacsi = try #require(datasets.first { $0["id"] as? String == "6010206e7aa742eb447930f7" })
        #expect(vacsi["resources"] as? Int == 6)
        #expect(vacsi["organization"] as? String == "Santé publique France")
        #expect(outcome.standardError.contains("Using a mock platform started in this process"))
    }

    @Test("datasets without --json prints readable lines; --limit bounds them")
    func datasetsAsText() async throws {
        let outcome = try await CommandRunner.run("sante", ["data", "datasets", "--limit", "2"])
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("datasets in the catalogue, 2 shown") == true, "\(lines.first ?? "")")
        #expect(lines.filter { $0.range(of: "^[0-9a-f]{24}  ", options: .regularExpression) != nil }.count == 2)
        #expect(!outcome.standardOutput.contains("mock platform"), "information belongs on standard error")
    }

    @Test("dataset by slug shows its facts and resources; --json gives the catalogue's object")
    func datasetBySlug() async throws {
        let text = try await CommandRunner.run(
            "sante", ["data", "dataset", "donnees-relatives-aux-personnes-vaccinees-contre-la-covid-19-1"])
        #expect(text.status == 0, "stderr: \(text.standardError)")
        #expect(
            text.standardOutput.hasPrefix("Données relatives aux personnes vaccinées contre la Covid-19 (VAC-SI)\n"))
        #expect(text.standardOutput.contains("  id            6010206e7aa742eb447930f7"))
        #expect(text.standardOutput.contains("Resources (6)"))
        #expect(
            text.standardOutput.contains("efe23314-67c4-45d3-89a2-3faef82fae90  vacsi-fra-2023-07-13-15h50.csv  csv"))

        let json = try await CommandRunner.run("sante", ["data", "dataset", "6010206e7aa742eb447930f7", "--json"])
        #expect(json.status == 0, "stderr: \(json.standardError)")
        let dataset = try jsonObject(json.standardOutput)
        #expect(dataset["acronym"] as? String == "VAC-SI")
        let resources = try #require(dataset["resources"] as? [[String: Any]])
        #expect(resources.count == 6)
        #expect((resources.first?["checksum"] as? [String: Any])?["type"] as? String == "sha1")
    }

    @Test("An unknown dataset exits 1 with one readable line")
    func unknownDataset() async throws {
        let outcome = try await CommandRunner.run("sante", ["data", "dataset", "does-not-exist"])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        let reasons = errorLines(outcome.standardError)
        #expect(reasons.count == 1, "stderr: \(outcome.standardError)")
        #expect(reasons.first?.contains("no dataset \"does-not-exist\"") == true)
        #expect(reasons.first?.contains("[not_found]") == true)
    }

    @Test("download writes the file the server serves, with the catalogue's checksum verified (running mock)")
    func downloadVerified() async throws {
        let directory = try DataTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let resource = "efe23314-67c4-45d3-89a2-3faef82fae90"
        let output = directory.appending(path: "vacsi-fra.csv")
        try await DataTestSupport.withPlatform { platform in
            let outcome = try await CommandRunner.run(
                "sante",
                [
                    "data", "download", resource, "--output", output.path, "--json", "--mock-url",
                    platform.baseURL.absoluteString,
                ])
            #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
            let report = try jsonObject(outcome.standardOutput)
            #expect(report["checksumVerified"] as? Bool == true)
            #expect(report["checksumType"] as? String == "sha1")
            #expect(report["attempts"] as? Int == 1)

            let (described, _, served) = try await Self.servedFile(resource, platform)
            let checksum = try #require(described["checksum"] as? [String: Any])
            #expect(report["checksum"] as? String == checksum["value"] as? String)
            let written = try Data(contentsOf: output)
            #expect(written == served)
            #expect(report["bytes"] as? Int == served.count)
            #expect(written.starts(with: Data("fra;jour;n_dose1;".utf8)))
            #expect(!FileManager.default.fileExists(atPath: output.path + ".partial"))
        }
    }

    @Test("A connection cut mid-file is tried again, and the whole file is still verified")
    func downloadResumed() async throws {
        let directory = try DataTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await DataTestSupport.withPlatform { platform in
            await platform.faults.inject(
                MockFault(.truncatedBody), on: MockRoute(path: "/data/files/lieux-de-vaccination-contre-la-covid-19/*"),
                count: 1)
            let outcome = try await CommandRunner.run(
                "sante",
                [
                    "data", "download", "5cb21a85-b0b0-4a65-a249-806a040ec372", "--output", directory.path, "--json",
                    "--mock-url", platform.baseURL.absoluteString,
                ])
            #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
            let report = try jsonObject(outcome.standardOutput)
            #expect(report["checksumVerified"] as? Bool == true)
            #expect(report["checksumType"] as? String == "sha256")
            #expect(report["file"] as? String == directory.appending(path: "centres-vaccination.csv").path)
            let transfers = await platform.requestLog.entries.filter { $0.path.hasSuffix("/centres-vaccination.csv") }
            #expect(transfers.count >= 2, "the cut transfer, then the one that completed")
            #expect(transfers.first?.faultApplied == "truncatedBody")
            let file = try Data(contentsOf: directory.appending(path: "centres-vaccination.csv"))
            #expect(file.count == report["bytes"] as? Int)
        }
    }

    @Test("A connection reset mid-file resumes with Range from the bytes written, not from the start")
    func downloadResumedWithRange() async throws {
        let directory = try DataTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let resource = "efe23314-67c4-45d3-89a2-3faef82fae90"
        let output = directory.appending(path: "vacsi-fra.csv")
        try await DataTestSupport.withPlatform { platform in
            let (_, fileURL, served) = try await Self.servedFile(resource, platform)
            let cut = served.count / 3
            #expect(cut > 0)
            await platform.faults.inject(
                MockFault(.connectionResetAfterBodyBytes(cut), phase: .afterHandler),
                on: MockRoute(method: .get, path: fileURL.path), count: 1)
            let outcome = try await CommandRunner.run(
                "sante",
                [
                    "data", "download", resource, "--output", output.path, "--json", "--mock-url",
                    platform.baseURL.absoluteString,
                ])
            #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
            let report = try jsonObject(outcome.standardOutput)
            #expect(report["resumed"] as? Bool == true)
            #expect(report["attempts"] as? Int == 2)
            #expect(report["checksumVerified"] as? Bool == true)
            #expect(try Data(contentsOf: output) == served)
            #expect(outcome.standardError.contains("resumed where it stopped"))
            let transfers = await platform.requestLog.entries(forPath: fileURL.path)
            // The fetch above, the cut transfer, then the rest of the file.
            #expect(transfers.map(\.status) == [200, 200, 206])
            #expect(transfers.last?.headers[.range] == "bytes=\(cut)-")
        }
    }

    /// What the catalogue says of `resource`, its file's URL, and the bytes the mock serves there.
    private static func servedFile(_ resource: String, _ platform: MockPlatform) async throws
        -> (described: [String: Any], fileURL: URL, served: Data)
    {
        let answer = try await DataTestSupport.fetch(
            platform.baseURL.appending(path: "data/api/2/datasets/resources/\(resource)/"))
        let catalogue = try #require(try JSONSerialization.jsonObject(with: answer) as? [String: Any])
        let described = try #require(catalogue["resource"] as? [String: Any])
        let fileURL = try #require((described["url"] as? String).flatMap { URL(string: $0) })
        return (described, fileURL, try await DataTestSupport.fetch(fileURL))
    }

    @Test("A file whose checksum is not the catalogue's is deleted and the download fails (exit 1)")
    func downloadChecksumMismatch() async throws {
        let directory = try DataTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appending(path: "vacsi-fra.csv")
        try await DataTestSupport.withPlatform { platform in
            // The server sends other bytes than the catalogue describes, every time.
            await platform.faults.inject(
                MockFault(.malformedJSON, phase: .afterHandler), on: MockRoute(path: "/data/files/*"))
            let outcome = try await CommandRunner.run(
                "sante",
                [
                    "data", "download", "efe23314-67c4-45d3-89a2-3faef82fae90", "--output", output.path, "--json",
                    "--mock-url", platform.baseURL.absoluteString,
                ])
            #expect(outcome.status == 1)
            #expect(outcome.standardOutput.isEmpty)
            let reasons = errorLines(outcome.standardError)
            #expect(reasons.count == 1, "stderr: \(outcome.standardError)")
            #expect(reasons.first?.contains("[checksum_mismatch]") == true)
            #expect(reasons.first?.contains("the file was deleted") == true)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "nothing left behind")
        }
    }

    @Test("download of an unknown resource exits 1; a download without --output is a usage error (64)")
    func downloadFailures() async throws {
        let directory = try DataTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let unknown = try await CommandRunner.run(
            "sante", ["data", "download", "00000000-0000-0000-0000-000000000000", "--output", directory.path])
        #expect(unknown.status == 1)
        #expect(errorLines(unknown.standardError).first?.contains("no resource") == true, "\(unknown.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)

        let usage = try await CommandRunner.run("sante", ["data", "download", "efe23314-67c4-45d3-89a2-3faef82fae90"])
        #expect(usage.status == 64)
        #expect(usage.standardError.contains("--output"))
    }

    @Test("--base-url points datasets at any udata server (here a running mock's /data)")
    func baseURL() async throws {
        try await DataTestSupport.withPlatform { platform in
            let outcome = try await CommandRunner.run(
                "sante",
                [
                    "data", "datasets", "--query", "vaccination", "--json", "--base-url",
                    platform.baseURL.appending(path: "data").absoluteString,
                ])
            #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
            let listing = try jsonObject(outcome.standardOutput)
            let datasets = try #require(listing["datasets"] as? [[String: Any]])
            #expect(listing["total"] as? Int == 3)
            #expect(datasets.count == 3)
            let requests = await platform.requestLog.entries(forPath: "/data/api/1/datasets/")
            #expect(requests.count == 1)
            #expect(!outcome.standardError.contains("mock platform"))
        }
    }

    @Test("A malformed --base-url is a usage error (64); an unreachable server a failure (1)")
    func badServers() async throws {
        let malformed = try await CommandRunner.run("sante", ["data", "datasets", "--base-url", "ftp://example"])
        #expect(malformed.status == 64)
        #expect(malformed.standardError.contains("--base-url must be an http(s) URL"))
        let unreachable = try await CommandRunner.run(
            "sante", ["data", "dataset", "x", "--base-url", "http://127.0.0.1:9"])
        #expect(unreachable.status == 1)
        #expect(unreachable.standardOutput.isEmpty)
        #expect(errorLines(unreachable.standardError).first?.contains("dataset failed") == true)
    }

    @Test("directory --rpps finds the professional and their activity in the Annuaire Santé")
    func directoryLookUp() async throws {
        let outcome = try await CommandRunner.run("sante", ["data", "directory", "--rpps", "99990000020", "--json"])
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let professional = try jsonObject(outcome.standardOutput)
        #expect(professional["rpps"] as? String == "99990000020")
        #expect(professional["name"] as? String == "JULIEN MARCHAND")
        #expect(professional["profession"] as? String == "Médecin (10)")
        #expect(professional["mssante"] as? [String] == ["julien.marchand@santekit.mssante.fr"])
        let activities = try #require(professional["activities"] as? [[String: Any]])
        #expect(activities.first?["organization"] as? String == "CENTRE HOSPITALIER SANTEKIT")
        #expect(activities.first?["finess"] as? String == "750999997")

        let text = try await CommandRunner.run("sante", ["data", "directory", "--rpps", "99990000020"])
        #expect(text.status == 0)
        #expect(text.standardOutput.hasPrefix("99990000020  JULIEN MARCHAND\n"))
        #expect(text.standardOutput.contains("CENTRE HOSPITALIER SANTEKIT, 1 PL DE L HOPITAL, 75014 PARIS"))
    }

    @Test("directory: a malformed RPPS is a usage error, an unknown one a failure")
    func directoryRefusals() async throws {
        let malformed = try await CommandRunner.run("sante", ["data", "directory", "--rpps", "12345"])
        #expect(malformed.status == 64)
        #expect(malformed.standardError.contains("is not an RPPS number"))
        let unknown = try await CommandRunner.run("sante", ["data", "directory", "--rpps", "99990000046"])
        #expect(unknown.status == 1)
        #expect(errorLines(unknown.standardError).first?.contains("no professional with RPPS 99990000046") == true)
    }

    @Test("directory --base-url takes its key from SANTE_ANNUAIRE_API_KEY; without one it is a usage error")
    func directoryKey() async throws {
        try await DataTestSupport.withPlatform { platform in
            let base = platform.baseURL.appending(path: "annuaire/fhir/v2").absoluteString
            let arguments = ["data", "directory", "--rpps", "99990000012", "--base-url", base]
            let missing = try await CommandRunner.run("sante", arguments)
            #expect(missing.status == 64)
            #expect(missing.standardError.contains("SANTE_ANNUAIRE_API_KEY"))

            var environment = CommandRunner.cleanEnvironment
            environment["SANTE_ANNUAIRE_API_KEY"] = MockAnnuaireSanteAPI.apiKey
            let found = try await CommandRunner.run("sante", arguments, environment: environment)
            #expect(found.status == 0, "stderr: \(found.standardError)")
            #expect(found.standardOutput.hasPrefix("99990000012  CAMILLE LEFEBVRE\n"))
            environment["SANTE_ANNUAIRE_API_KEY"] = "wrong-key"
            let refused = try await CommandRunner.run("sante", arguments, environment: environment)
            #expect(refused.status == 1)
            #expect(
                errorLines(refused.standardError).first?.contains("[unauthorized]") == true, "\(refused.standardError)")
        }
    }
}
