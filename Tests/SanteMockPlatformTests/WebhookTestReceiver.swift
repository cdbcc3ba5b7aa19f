import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import SanteCore
import Synchronization
import Testing

/// One request received by a ``WebhookTestReceiver``.
struct ReceivedWebhook: Sendable {
    let path: String
    /// Header values by lower-case name (the first value of each).
    let headers: [String: String]
    let body: Data

    func json() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: body)
    }

    /// Whether `webhook-signature` carries a `v1` HMAC-SHA256 of `id.timestamp.body` under `secret` (`whsec_…`).
    func hasValidSignature(secret: String) -> Bool {
        guard secret.hasPrefix("whsec_"), let key = Data(base64Encoded: String(secret.dropFirst(6))),
            let id = headers["webhook-id"], let timestamp = headers["webhook-timestamp"],
            let signatures = headers["webhook-signature"]
        else { return false }
        var content = Data("\(id).\(timestamp).".utf8)
        content.append(body)
        let expected = Data(HMAC<SHA256>.authenticationCode(for: content, using: SymmetricKey(data: key)))
        return signatures.split(separator: " ").contains { entry in
            entry.hasPrefix("v1,") && Data(base64Encoded: String(entry.dropFirst(3))) == expected
        }
    }
}

/// A small HTTP server on 127.0.0.1:0 that records every POST and answers with scripted statuses
/// (then 200).
final class WebhookTestReceiver: Sendable {
    private struct State {
        var received: [ReceivedWebhook] = []
        var script: [(status: Int, retryAfter: String?)] = []
        var port: Int?
    }

    private let state = Mutex(State())
    private let task: Task<Void, any Error>

    private init(task: Task<Void, any Error>) {
        self.task = task
    }

    /// Starts a receiver and waits until it listens.
    static func start() async throws -> WebhookTestReceiver {
        let box = ReceiverBox()
        let router = Router()
        router.post("hook") { request, context -> Response in
            try await box.receiver?.receive(request, context: context) ?? Response(status: .serviceUnavailable)
        }
        router.post("hook/:name") { request, context -> Response in
            try await box.receiver?.receive(request, context: context) ?? Response(status: .serviceUnavailable)
        }
        let portSignal = PortSignal()
        let application = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portSignal.set(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "webhook-test-receiver", factory: { _ in SwiftLogNoOpLogHandler() }))
        let task = Task { try await application.runService() }
        let receiver = WebhookTestReceiver(task: task)
        box.set(receiver)
        let port = try await portSignal.wait()
        receiver.state.withLock { $0.port = port }
        return receiver
    }

    /// `http://127.0.0.1:PORT/hook`.
    var url: URL {
        let port = state.withLock { $0.port ?? 0 }
        return URL(string: "http://127.0.0.1:\(port)/hook") ?? URL(fileURLWithPath: "/")
    }

    /// The next answers, in order (after them: 200).
    func script(_ statuses: [(status: Int, retryAfter: String?)]) {
        state.withLock { $0.script = statuses }
    }

    /// Every request so far.
    var received: [ReceivedWebhook] { state.withLock { $0.received } }

    /// Waits (network wait, bounded by 20 wall-clock seconds) until `count` requests arrived, and returns them.
    func waitFor(_ count: Int) async throws -> [ReceivedWebhook] {
        for _ in 0..<2000 {
            let received = self.received
            if received.count >= count {
                return received
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("expected \(count) requests, received \(received.count)")
        throw ReceiverTimeout()
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    private func receive(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        var headers: [String: String] = [:]
        for field in request.headers where headers[field.name.canonicalName] == nil {
            headers[field.name.canonicalName] = field.value
        }
        let answer = state.withLock { state -> (status: Int, retryAfter: String?) in
            state.received.append(
                ReceivedWebhook(path: request.uri.path, headers: headers, body: Data(body.readableBytesView)))
            return state.script.isEmpty ? (200, nil) : state.script.removeFirst()
        }
        var response = Response(status: HTTPResponse.Status(code: answer.status))
        if let retryAfter = answer.retryAfter {
            response.headers[.retryAfter] = retryAfter
        }
        return response
    }
}

struct ReceiverTimeout: Error {}

/// Hands the receiver to the routes, which are built before it.
private final class ReceiverBox: Sendable {
    private let storage = Mutex<WebhookTestReceiver?>(nil)
    var receiver: WebhookTestReceiver? { storage.withLock { $0 } }
    func set(_ receiver: WebhookTestReceiver) { storage.withLock { $0 = receiver } }
}

/// The port the receiver's server reports once it listens.
private final class PortSignal: Sendable {
    private let storage = Mutex<Int?>(nil)
    func set(_ port: Int) { storage.withLock { $0 = port } }
    func wait() async throws -> Int {
        for _ in 0..<2000 {
            if let port = storage.withLock({ $0 }) {
                return port
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw ReceiverTimeout()
    }
}

/// Waits (bounded by 20 wall-clock seconds) until `condition` holds; the condition reads state that a
/// background task on the network updates.
func eventually(_ condition: () async -> Bool) async throws -> Bool {
    for _ in 0..<2000 {
        if await condition() {
            return true
        }
        try await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}
