import Foundation
import SanteMockPlatform
import Testing

@Suite("slot-finder, run as a user runs it", .timeLimit(.minutes(3)))
struct SlotFinderTests {
    @Test("--near prints a table sorted by distance, every place within the radius, progress on standard error")
    func nearTable() async throws {
        let outcome = try await CommandRunner.run("slot-finder", ["--near", "45.76,4.84", "--radius", "20km"])
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("places with slots within 20 km of 45.76,4.84") == true, "\(lines.first ?? "")")
        let header = try #require(lines.first { $0.hasPrefix("Distance") })
        for column in ["Next slot", "Slots", "Vaccines", "Place", "Booking"] { #expect(header.contains(column)) }
        let rows = lines.filter { $0.range(of: #"^ *[0-9.]+ km  "#, options: .regularExpression) != nil }
        #expect(!rows.isEmpty)
        let distances = rows.compactMap { Double($0.trimmingCharacters(in: .whitespaces).split(separator: " ")[0]) }
        #expect(distances.count == rows.count)
        #expect(distances == distances.sorted(), "nearest first")
        #expect(distances.allSatisfy { $0 <= 20 })
        #expect(rows.allSatisfy { $0.contains("https://") || $0.contains("(phone only)") })
        #expect(
            rows.allSatisfy {
                $0.range(of: #"20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}"#, options: .regularExpression) != nil
            })
        #expect(outcome.standardError.contains("Started a mock platform in this process"))
        #expect(outcome.standardError.contains("69 Rhône:"), "a progress line per département")
        #expect(!outcome.standardOutput.contains("Reading"), "progress belongs on standard error")
    }

    @Test("--json gives the places nearest first, with next slot, vaccines and booking URL")
    func nearJSON() async throws {
        let outcome = try await CommandRunner.run(
            "slot-finder", ["--near", "48.85,2.35", "--radius", "30", "--json", "--limit", "0"])
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let report = try jsonObject(outcome.standardOutput)
        let places = try #require(report["places"] as? [[String: Any]])
        #expect(!places.isEmpty)
        #expect(report["total"] as? Int == places.count)
        let distances = places.compactMap { $0["distanceKilometers"] as? Double }
        #expect(distances.count == places.count && distances == distances.sorted() && distances.allSatisfy { $0 <= 30 })
        #expect(places.allSatisfy { ($0["nextAppointment"] as? String)?.isEmpty == false })
        #expect(places.allSatisfy { $0["vaccineTypes"] is [String] })
        #expect((report["departments"] as? [String])?.contains("75") == true)
        #expect((report["failures"] as? [Any])?.isEmpty == true)
    }

    @Test("A département that fails is reported, not fatal (fault injected on its file)")
    func failingDepartment() async throws {
        try await DataTestSupport.withPlatform { platform in
            await platform.faults.inject(MockFault(.status(500)), on: MockRoute(path: "/data/vitemadose/69.json"))
            let outcome = try await CommandRunner.run(
                "slot-finder",
                ["--department", "69", "--department", "01", "--json", "--mock-url", platform.baseURL.absoluteString])
            #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
            let report = try jsonObject(outcome.standardOutput)
            #expect(report["departments"] as? [String] == ["01", "69"])
            let failures = try #require(report["failures"] as? [[String: Any]])
            #expect(failures.count == 1)
            #expect(failures.first?["department"] as? String == "69")
            #expect(failures.first?["httpStatus"] as? Int == 500)
            #expect(failures.first?["errorReason"] as? String == "server_error")
            let places = try #require(report["places"] as? [[String: Any]])
            #expect(!places.isEmpty && places.allSatisfy { $0["department"] as? String == "01" })
            #expect(outcome.standardError.contains("Warning: département 69 (Rhône) could not be read"))
            #expect(outcome.standardError.contains("69 Rhône: FAILED"))

            let text = try await CommandRunner.run(
                "slot-finder",
                ["--department", "69", "--department", "01", "--mock-url", platform.baseURL.absoluteString])
            #expect(text.status == 0)
            #expect(text.standardOutput.contains("(1/2 départements read; failed: 69)"))
        }
    }

    @Test("When every département fails, the search fails (exit 1)")
    func everyDepartmentFails() async throws {
        try await DataTestSupport.withPlatform { platform in
            await platform.faults.inject(MockFault(.status(404)), on: MockRoute(path: "/data/vitemadose/*"))
            let outcome = try await CommandRunner.run(
                "slot-finder", ["--department", "2A", "--mock-url", platform.baseURL.absoluteString])
            #expect(outcome.status == 1)
            #expect(errorLines(outcome.standardError).first?.contains("no département could be read") == true)
        }
    }

    @Test("--base-url points the finder at any directory of Vite Ma Dose files")
    func baseURL() async throws {
        try await DataTestSupport.withPlatform { platform in
            let outcome = try await CommandRunner.run(
                "slot-finder",
                [
                    "--department", "13", "--json", "--base-url",
                    platform.baseURL.appending(path: "data/vitemadose").absoluteString,
                ])
            #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
            let requests = await platform.requestLog.entries(forPath: "/data/vitemadose/13.json")
            #expect(requests.count == 1)
            let report = try jsonObject(outcome.standardOutput)
            #expect((report["places"] as? [[String: Any]])?.isEmpty == false)
        }
    }

    @Test(
        "Usage errors exit 64",
        arguments: [
            (["--radius", "20km"], "give --near"),
            (["--near", "45.76"], "--near must be LATITUDE,LONGITUDE"),
            (["--near", "45.76,4.84", "--radius", "far"], "--radius must be a distance"),
            (["--department", "99"], "is not a département code"),
            (["--department", "69", "--base-url", "ftp://x"], "--base-url must be an http(s) URL"),
        ])
    func usageErrors(arguments: [String], message: String) async throws {
        let outcome = try await CommandRunner.run("slot-finder", arguments)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains(message), "stderr: \(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }
}
