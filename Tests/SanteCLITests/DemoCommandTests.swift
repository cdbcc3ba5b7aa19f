import Foundation
import SanteMockPlatform
import Testing

@Suite("sante demo, run as a user runs it", .timeLimit(.minutes(3)))
struct DemoCommandTests {
    @Test("The tour runs against an in-process mock and tells what it did")
    func tourInProcess() async throws {
        let outcome = try await CommandRunner.run("sante", ["demo"])
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        #expect(outcome.standardOutput.contains("mock platform at http://127.0.0.1:"))
        #expect(outcome.standardOutput.contains("899990000012  CAMILLE LEFEBVRE"))
        #expect(outcome.standardOutput.contains("INS (mistyped key)        279035121518980  refused"))
        #expect(outcome.standardOutput.contains("the server saw 2 attempts; the caller saw one answer"))
        #expect(outcome.standardError.contains("Started a mock platform in this process"))
        #expect(!outcome.standardOutput.contains("Chapter 1"), "progress belongs on standard error")
    }

    @Test("--json prints one JSON document on standard output")
    func tourAsJSON() async throws {
        let outcome = try await CommandRunner.run("sante", ["demo", "--json"])
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let footprint = try #require(report?["footprint"] as? [String: Any])
        #expect(footprint["retries"] as? Int == 1)
        #expect(footprint["errors"] as? Int == 0)
        let resilience = try #require(report?["resilience"] as? [String: Any])
        #expect(resilience["attemptsSeenByServer"] as? Int == 2)
        #expect((resilience["userAgent"] as? String)?.hasPrefix("SanteKit/") == true)
        let services = try #require(report?["services"] as? [[String: Any]])
        #expect(services.count == 5)

        // The DMP chapter's publication reaches the notification chapter's subscriber, signed and verified.
        let dmp = try #require(report?["dmp"] as? [String: Any])
        let published = try #require((dmp["published"] as? [String: Any])?["id"] as? String)
        let notifications = try #require(report?["notifications"] as? [String: Any])
        let event = try #require(notifications["event"] as? [String: Any])
        #expect((event["focus"] as? String)?.hasSuffix("DocumentReference/\(published)") == true)
        #expect(event["tamperedCopy"] as? String == "no_matching_signature")
        let delivery = try #require(event["delivery"] as? [String: Any])
        #expect(delivery["signatureVerified"] as? Bool == true)
        let sms = try #require(notifications["sms"] as? [String: Any])
        #expect((sms["statuses"] as? [String])?.last == "delivered")
    }

    @Test("--mock-url and SANTE_MOCK_URL point the tour at a running mock")
    func tourAgainstRunningMock() async throws {
        let platform = try await MockPlatform.start()
        let byFlag = try await CommandRunner.run("sante", ["demo", "--mock-url", platform.baseURL.absoluteString])
        var environment = CommandRunner.cleanEnvironment
        environment["SANTE_MOCK_URL"] = platform.baseURL.absoluteString
        let byEnvironment = try await CommandRunner.run("sante", ["demo"], environment: environment)
        let echoes = await platform.requestLog.entries(forPath: "/_mock/echo")
        await platform.stop()

        for outcome in [byFlag, byEnvironment] {
            #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
            #expect(outcome.standardOutput.contains("mock platform at \(platform.baseURL.absoluteString)"))
            #expect(outcome.standardError.contains("Using the mock platform at"))
        }
        #expect(echoes.count == 2, "each run clears the log, then sees a 503 and a success")
    }

    @Test("A malformed --mock-url is a usage error (exit 64)")
    func malformedMockURL() async throws {
        let outcome = try await CommandRunner.run("sante", ["demo", "--mock-url", "ftp://example"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--mock-url must be an http(s) URL"))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test("An unreachable mock is a failed operation (exit 1)")
    func unreachableMock() async throws {
        let outcome = try await CommandRunner.run("sante", ["demo", "--mock-url", "http://127.0.0.1:9"])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        #expect(!outcome.standardError.isEmpty)
    }

    @Test("--version prints SanteKit's version")
    func version() async throws {
        let outcome = try await CommandRunner.run("sante", ["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }
}
