import Foundation
import HTTPTypes
import SanteKit

/// An endpoint registered with the mock platform's webhook sender (`POST /_mock/webhooks/endpoints`).
///
/// The secret the mock returns is kept in memory only, never printed.
struct WebhookMockRegistration: Sendable {
    /// The endpoint id, `ep_…`.
    let endpointID: String
    /// The signing secret the mock chose.
    let secret: WebhookSecret
    private let mock: SanteHTTPClient

    /// The body of the registration request.
    private struct Request: Encodable {
        let url: String
        let eventTypes: [String]?
    }

    /// The part of the answer used.
    private struct Answer: Decodable {
        let id: String
        let secret: String
    }

    /// Registers `receiverURL`.
    /// - Parameters:
    ///   - mockURL: The mock's root URL.
    ///   - receiverURL: The listener's URL.
    ///   - eventTypes: The event types to receive, or `nil` for all.
    ///   - global: The global options (`--verbose`).
    /// - Returns: The registration.
    /// - Throws: ``OperationFailed`` when the mock refuses or cannot be reached.
    static func register(
        mockURL: URL, receiverURL: URL, eventTypes: [String]?, global: GlobalOptions
    ) async throws -> WebhookMockRegistration {
        do {
            let platform = SantePlatform(
                environment: .localMock(baseURL: mockURL), logger: global.makeLogger(),
                appProduct: "sante/\(SanteKitVersion.current)")
            let mock = try platform.httpClient(baseURL: mockURL)
            let answer = try await mock.sendJSON(
                .post, "_mock/webhooks/endpoints",
                body: Request(url: receiverURL.absoluteString, eventTypes: eventTypes), as: Answer.self)
            return WebhookMockRegistration(endpointID: answer.id, secret: try WebhookSecret(answer.secret), mock: mock)
        } catch {
            throw OperationFailed(reason: "registering with the mock's webhook sender failed: \(error)")
        }
    }

    /// Removes the endpoint (errors are reported on standard error, not thrown).
    func remove() async {
        do {
            let request = try mock.makeRequest(.delete, path: "_mock/webhooks/endpoints/\(endpointID)")
            _ = try await mock.data(for: request)
        } catch {
            Terminal.info("Could not remove the mock endpoint \(endpointID): \(error)")
        }
    }
}
