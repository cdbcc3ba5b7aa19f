import Foundation
import SanteMockPlatform

/// The mock platform a command talks to: a running `sante-mock` (from `--mock-url` or
/// `SANTE_MOCK_URL`), or one started in this process and stopped when the command ends.
struct MockPlatformSession {
    /// The mock's root URL.
    let baseURL: URL
    /// Whether the mock runs inside this process.
    let isInProcess: Bool
    private let platform: MockPlatform?

    /// Runs `body` against the mock platform, starting one in-process (with `configuration`) when no URL
    /// is given.
    static func with<T>(
        mockURL: URL?,
        configuration: MockPlatform.Configuration = MockPlatform.Configuration(),
        _ body: (MockPlatformSession) async throws -> T
    ) async throws -> T {
        if let mockURL {
            return try await body(MockPlatformSession(baseURL: mockURL, isInProcess: false, platform: nil))
        }
        let platform = try await MockPlatform.start(configuration)
        let session = MockPlatformSession(baseURL: platform.baseURL, isInProcess: true, platform: platform)
        do {
            let result = try await body(session)
            await platform.stop()
            return result
        } catch {
            await platform.stop()
            throw error
        }
    }
}
