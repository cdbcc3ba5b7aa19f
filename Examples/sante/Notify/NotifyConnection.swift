import Foundation
import Logging
import SanteKit

/// A Notify client and what the CLI knows about the server behind it.
struct NotifyConnection: Sendable {
    /// The client.
    let client: NotifyClient
    /// The API's root.
    let baseURL: URL
    /// Whether the server is a SanteKit mock platform.
    let isMock: Bool
    /// Whether that mock runs inside this command (and starts empty).
    let isInProcess: Bool
    /// Time shared with an in-process mock, whose waits can be skipped.
    let timeline: MockTimeline?

    /// Builds a client with SanteKit's standard middlewares; against a mock, connections are kept alive for
    /// requests with a body (see `PSCProvider.httpClient(logger:baseURL:keepsConnectionsAlive:)`).
    /// - Throws: `ArgumentParser.ValidationError` when the configuration cannot work.
    static func make(
        baseURL: URL, apiKey: NotifyAPIKey, clock: any SanteClock, timeline: MockTimeline?, isMock: Bool,
        isInProcess: Bool, logger: Logger
    ) throws -> NotifyConnection {
        let configuration = NotifyConfiguration(
            baseURL: baseURL, apiKey: apiKey, clock: clock, timeoutClock: SystemClock(),
            appProduct: "sante/\(SanteKitVersion.current)", logger: logger)
        let transport = URLSessionTransport(configuration: .init(reusesConnectionsForRequestsWithBody: isMock))
        let client: NotifyClient
        do {
            client = try NotifyClient(configuration: configuration, transport: transport)
        } catch {
            throw OperationFailed(reason: "the Notify client cannot be built: \(error.message)")
        }
        return NotifyConnection(
            client: client, baseURL: baseURL, isMock: isMock, isInProcess: isInProcess, timeline: timeline)
    }

    /// Waits `duration` before the next status read: on an in-process mock, time is skipped instead.
    func pause(_ duration: Duration) async throws {
        if let timeline {
            timeline.skip(duration)
            await Task.yield()
        } else {
            try await Task.sleep(for: duration)
        }
    }
}
