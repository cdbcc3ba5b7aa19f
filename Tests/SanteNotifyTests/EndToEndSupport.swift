import Foundation
import SanteCore
import SanteHTTP
import SanteMockPlatform
import SanteNotify

/// Starts a mock platform on 127.0.0.1:0 with a manual TestClock, runs `body`, and stops it whatever happens.
func withNotifyPlatform<Result>(
    notifyRateLimit: Int = 3000,
    notifyPageSize: Int = 250,
    _ body: (MockPlatform, TestClock) async throws -> Result
) async throws -> Result {
    let clock = TestClock()
    let platform = try await MockPlatform.start(
        MockPlatform.Configuration(
            host: "127.0.0.1", port: 0, seed: 7, clock: clock, notifyRateLimit: notifyRateLimit,
            notifyPageSize: notifyPageSize))
    do {
        let result = try await body(platform, clock)
        await platform.stop()
        return result
    } catch {
        await platform.stop()
        throw error
    }
}

extension MockPlatform {
    /// A Notify client on the mock, at `/notify` (or the root when `prefix` is empty), JWTs on the platform
    /// clock, timeouts on the system clock.
    func notifyClient(
        prefix: String = "notify", clock: any SanteClock, retryPolicy: RetryPolicy = .default
    ) throws -> NotifyClient {
        let base = prefix.isEmpty ? baseURL : baseURL.appending(path: prefix)
        let configuration = NotifyConfiguration(
            baseURL: base, apiKey: try NotifyAPIKey(identities.notifyAPIKey), clock: clock,
            timeoutClock: SystemClock(), retryPolicy: retryPolicy, timeout: .seconds(60))
        return try NotifyClient(configuration: configuration, transport: URLSessionTransport())
    }

    /// A subscription client on the mock DMP (`/dmp/fhir`) with a professional's access token.
    func subscriptionClient() async throws -> FHIRSubscriptionClient {
        let token = try await mintProfessionalToken(subjectNameID: "899990000012")
        let http = SanteHTTPClient(
            baseURL: baseURL.appending(path: "dmp/fhir"), transport: URLSessionTransport(),
            middlewares: [AuthenticationMiddleware(provider: ClosureTokenProvider { token })])
        return FHIRSubscriptionClient(http: http)
    }
}
