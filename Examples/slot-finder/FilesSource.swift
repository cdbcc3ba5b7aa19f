import Foundation
import SanteMockPlatform

/// Where the Vite Ma Dose files come from: `--base-url`, a running mock (`--mock-url`, `SANTE_MOCK_URL`), or
/// a mock platform started in this process and stopped when the search ends.
enum FilesSource {
    /// Runs `body` with the files' directory and a line that says where it is.
    static func with<T>(
        baseURL: String?,
        mockURL: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        _ body: (URL, String) async throws -> T
    ) async throws -> T {
        if let baseURL {
            let url = try SlotFinderArguments.httpURL(baseURL, option: "--base-url")
            return try await body(url, "Reading the Vite Ma Dose files at \(url.absoluteString)")
        }
        if let text = mockURL ?? environment["SANTE_MOCK_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let root = try SlotFinderArguments.httpURL(text, option: "--mock-url")
            return try await body(
                root.appending(path: "data/vitemadose"), "Using the mock platform at \(root.absoluteString)")
        }
        let platform = try await MockPlatform.start()
        do {
            let result = try await body(
                platform.baseURL.appending(path: "data/vitemadose"),
                "Started a mock platform in this process at \(platform.baseURL.absoluteString)")
            await platform.stop()
            return result
        } catch {
            await platform.stop()
            throw error
        }
    }
}
