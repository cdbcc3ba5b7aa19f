import Foundation
import HTTPTypes
import SanteKit
import Synchronization

/// Checks each request `sante webhook listen` receives and passes the verified events on.
///
/// Answers: `204` for a verified event (passed on), `200` for a replayed id (not passed on again), `401`
/// for a bad signature, timestamp or bearer token, `400` for missing or malformed headers, `405` for a
/// method other than POST, `503` while no secret is known yet.
final class WebhookGate: Sendable {
    private let tolerance: Duration
    private let bearer: BearerCallbackAuthenticator?
    private let continuation: AsyncStream<WebhookListenSignal>.Continuation
    private let replayStore = InMemoryWebhookReplayStore()
    private let verifier = Mutex<WebhookVerifier?>(nil)

    /// Creates a gate.
    /// - Parameters:
    ///   - tolerance: The timestamp tolerance.
    ///   - bearer: The bearer token check, when one is required too.
    ///   - continuation: Where verified events go.
    init(
        tolerance: Duration, bearer: BearerCallbackAuthenticator?,
        continuation: AsyncStream<WebhookListenSignal>.Continuation
    ) {
        self.tolerance = tolerance
        self.bearer = bearer
        self.continuation = continuation
    }

    /// Sets the accepted secrets.
    func setSecrets(_ secrets: [WebhookSecret]) {
        let verifier = WebhookVerifier(secrets: secrets, tolerance: tolerance, replayStore: replayStore)
        self.verifier.withLock { $0 = verifier }
    }

    /// Checks one request and answers it.
    func handle(_ request: WebhookHTTPRequest) async -> WebhookHTTPResponse {
        guard request.method == "POST" else {
            return WebhookHTTPResponse(status: 405, text: "webhooks are POSTed")
        }
        guard let verifier = verifier.withLock({ $0 }) else {
            return WebhookHTTPResponse(status: 503, text: "the listener is not ready yet")
        }
        do {
            if let bearer { try bearer.authenticate(headers: request.fields) }
            let message = try await verifier.verify(headers: request.headerDictionary, body: request.body)
            continuation.yield(.event(WebhookEventSummary(message)))
            return WebhookHTTPResponse(status: 204)
        } catch {
            if error.reason == .replayed {
                Terminal.info(
                    "replayed \(request.headerDictionary["webhook-id"] ?? "?"): already received, answered 200")
                return WebhookHTTPResponse(status: 200, text: "already received")
            }
            let status = [.missingHeader, .malformedHeader].contains(error.reason) ? 400 : 401
            Terminal.info("rejected (\(status)): [\(error.reason.rawValue)] \(error.message)")
            return WebhookHTTPResponse(status: status, text: error.reason.rawValue)
        }
    }
}
