import Foundation
import SanteMockPlatform
import Testing

/// A mock platform started by a test, and `sante dmp` run against it with `--mock-url` in a fresh
/// `SANTE_HOME` (no Pro Santé Connect session: the CLI acts as the seeded test professional).
struct DMPTestPlatform {
    /// The ANS test patient PAT-TROIS Dominique.
    static let patient = "279035121518989"
    /// The default author: Dr Camille LEFEBVRE.
    static let author = "899990000012"
    /// Another seeded professional: Pr Julien MARCHAND.
    static let otherProfessional = "899990000020"

    let platform: MockPlatform
    let home: TemporarySanteHome
    let directory: URL

    /// Runs `sante dmp <arguments> --mock-url <the platform>`.
    func sante(_ arguments: [String]) async throws -> CommandRunner.Outcome {
        try await CommandRunner.run(
            "sante", ["dmp"] + arguments + ["--mock-url", platform.baseURL.absoluteString],
            environment: home.environment)
    }

    /// Runs a command that must succeed with `--json`, and returns its JSON object.
    func json(_ arguments: [String]) async throws -> [String: Any] {
        let outcome = try await sante(arguments + ["--json"])
        #expect(outcome.status == 0, "sante dmp \(arguments): \(outcome.standardError)")
        return try jsonObject(outcome.standardOutput)
    }

    /// A file in the test's directory.
    func file(_ name: String, _ text: String) throws -> URL {
        let url = directory.appending(path: name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Publishes a consultation report for the test patient; returns the stored document's summary.
    func publish(_ text: String, title: String = "CR de consultation", extra: [String] = []) async throws
        -> [String: Any]
    {
        let report = try file("report-\(UUID().uuidString).txt", text)
        let published = try await json(
            ["publish", report.path, "--ins", Self.patient, "--type", "11488-4", "--title", title] + extra)
        #expect(published["outcome"] as? String == "created")
        return try #require(published["document"] as? [String: Any])
    }

    /// The DMP requests the platform has seen (paths under `/dmp/`).
    func dmpRequests() async -> [MockRequestRecord] {
        await platform.requestLog.entries.filter { $0.path.hasPrefix("/dmp/") }
    }
}

/// Starts a mock platform, runs `body`, and stops the platform and removes the files whatever happens.
func withDMPPlatform(_ body: (DMPTestPlatform) async throws -> Void) async throws {
    let home = TemporarySanteHome()
    let directory = FileManager.default.temporaryDirectory.appending(path: "sante-dmp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let platform = try await MockPlatform.start()
    defer {
        home.remove()
        try? FileManager.default.removeItem(at: directory)
    }
    do {
        try await body(DMPTestPlatform(platform: platform, home: home, directory: directory))
    } catch {
        await platform.stop()
        throw error
    }
    await platform.stop()
}

/// Parses a program's standard output as a JSON array of objects (`search --json`).
func dmpJSONArray(_ text: String) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
}
