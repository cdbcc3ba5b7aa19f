import Foundation
import Testing

@Suite("sante demo: the open-data chapter", .timeLimit(.minutes(3)))
struct DataDemoChapterTests {
    @Test("The chapter finds the places dataset, verifies a download, streams VACSI, finds slots, looks up an RPPS")
    func openDataChapter() async throws {
        let outcome = try await CommandRunner.run("sante", ["demo", "--json"])
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let report = try jsonObject(outcome.standardOutput)
        let openData = try #require(report["openData"] as? [String: Any])

        let search = try #require(openData["search"] as? [String: Any])
        #expect(search["datasetID"] as? String == "5ff7a3c2e1d0b9a8c7f61001")
        #expect(search["title"] as? String == "Lieux de vaccination contre la Covid-19")

        let download = try #require(openData["download"] as? [String: Any])
        #expect(download["verified"] as? Bool == true)
        #expect(download["checksumType"] as? String == "sha256")
        #expect((download["checksum"] as? String)?.count == 64)
        #expect((download["places"] as? Int ?? 0) > 100)

        let vacsi = try #require(openData["vacsi"] as? [String: Any])
        #expect(vacsi["verified"] as? Bool == true)
        #expect(vacsi["rows"] as? Int == 928)
        #expect(vacsi["firstDay"] as? String == "2020-12-27")
        #expect((vacsi["cumulativeFirstDoses"] as? Int ?? 0) > 1_000_000)

        let slots = try #require(openData["slots"] as? [String: Any])
        #expect((slots["departments"] as? [String])?.contains("69") == true)
        #expect((slots["places"] as? Int ?? 0) > 0)
        #expect((slots["nearest"] as? [String])?.isEmpty == false)

        let professional = try #require(openData["professional"] as? [String: Any])
        #expect(professional["rpps"] as? String == "99990000012")
        #expect((professional["lines"] as? [String])?.first == "99990000012  CAMILLE LEFEBVRE")

        let footprint = try #require(report["footprint"] as? [String: Any])
        #expect(footprint["errors"] as? Int == 0, "the chapter's requests all succeed")
        #expect(outcome.standardError.contains("Chapter 6: open data"))
    }

    @Test("The readable report has a few lines for each step")
    func openDataChapterText() async throws {
        let outcome = try await CommandRunner.run("sante", ["demo"])
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let text = outcome.standardOutput
        #expect(text.contains("\nOpen data\n"))
        #expect(text.contains("catalogue search \"lieux de vaccination\""))
        #expect(text.contains("downloaded centres-vaccination.csv:") && text.contains("sha256 verified"))
        #expect(text.contains("928 rows streamed, checksum verified"))
        #expect(text.contains("slot finder near 45.76,4.84 within 20 km"))
        #expect(text.contains("Annuaire Santé, RPPS 99990000012:"))
        #expect(!text.contains("Chapter 6"), "progress belongs on standard error")
    }
}
