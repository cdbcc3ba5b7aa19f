import Foundation
import SanteMockPlatform
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Helpers of the open-data CLI tests (`sante data`, `slot-finder`, `vaccination-chart`).
enum DataTestSupport {
    /// The shared open-data samples (`../shared/data/opendata` next to the repository), when present.
    static let samplesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "shared/data/opendata")

    /// Whether the VACSI samples are there.
    static var hasVacsiSamples: Bool {
        FileManager.default.fileExists(atPath: samplesDirectory.appending(path: "vacsi").path)
    }

    /// A sample VACSI file.
    static func vacsiSample(_ name: String) -> URL {
        samplesDirectory.appending(path: "vacsi/\(name)")
    }

    /// Runs `body` with a mock platform started in this test, stopping it afterwards.
    static func withPlatform<T>(_ body: (MockPlatform) async throws -> T) async throws -> T {
        let platform = try await MockPlatform.start()
        do {
            let result = try await body(platform)
            await platform.stop()
            return result
        } catch {
            await platform.stop()
            throw error
        }
    }

    /// GETs `url` (test-side, not through SanteKit) and returns the body.
    static func fetch(_ url: URL, headers: [String: String] = [:]) async throws -> Data {
        var request = URLRequest(url: url)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "GET \(url)")
        return data
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appending(path: "sante-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Parses a program's standard output as a JSON array.
    static func jsonArray(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }
}
