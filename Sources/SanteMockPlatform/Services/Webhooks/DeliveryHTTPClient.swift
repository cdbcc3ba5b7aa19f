import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// The answer (or failure) of one outbound POST.
struct DeliveryResponse: Sendable, Hashable {
    /// The HTTP status, or `nil` when no response came.
    let status: Int?
    /// The `Retry-After` header, if any.
    let retryAfter: String?
    /// Why no response came (connection refused, timeout...), if so.
    let error: String?
}

/// The HTTP client of the mock's outbound deliveries (webhooks, FHIR subscription notifications): created on
/// first use, owned by the platform and shut down when it stops. Requests time out after 15 seconds and
/// redirects are never followed (a `3xx` is a failure).
final class DeliveryHTTPClient: Sendable {
    /// The timeout of one delivery: 15 seconds.
    static let timeout: TimeAmount = .seconds(15)
    /// The most response body bytes read (and discarded).
    static let maximumResponseBytes = 1 << 20

    private struct State {
        var client: HTTPClient?
        var isShutDown = false
    }

    private let state = Mutex(State())

    /// POSTs `body` to `url` with `headers`.
    func post(url: URL, headers: [(String, String)], body: Data) async -> DeliveryResponse {
        guard let client = client() else {
            return DeliveryResponse(status: nil, retryAfter: nil, error: "the platform is stopping")
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        for (name, value) in headers {
            request.headers.add(name: name, value: value)
        }
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await client.execute(request, timeout: Self.timeout)
            let retryAfter = response.headers.first(name: "Retry-After")
            _ = try? await response.body.collect(upTo: Self.maximumResponseBytes)
            return DeliveryResponse(status: Int(response.status.code), retryAfter: retryAfter, error: nil)
        } catch {
            return DeliveryResponse(status: nil, retryAfter: nil, error: String(describing: error))
        }
    }

    /// Shuts the client down (if it was created) and refuses later deliveries.
    func shutdown() async {
        let client = state.withLock { state -> HTTPClient? in
            state.isShutDown = true
            defer { state.client = nil }
            return state.client
        }
        try? await client?.shutdown()
    }

    /// Starts shutting the client down without waiting (for a platform released without `stop()`).
    func shutdownInBackground() {
        let client = state.withLock { state -> HTTPClient? in
            state.isShutDown = true
            defer { state.client = nil }
            return state.client
        }
        client?.shutdown { _ in }
    }

    private func client() -> HTTPClient? {
        state.withLock { state in
            guard !state.isShutDown else { return nil }
            if let client = state.client {
                return client
            }
            let configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                timeout: HTTPClient.Configuration.Timeout(connect: Self.timeout, read: Self.timeout))
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            state.client = client
            return client
        }
    }
}
