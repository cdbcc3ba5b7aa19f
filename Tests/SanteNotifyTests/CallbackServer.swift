import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// One request the ``CallbackServer`` received.
struct ReceivedCallback: Sendable {
    let path: String
    let headers: HTTPFields
    let body: Data
}

/// An in-test HTTP receiver on 127.0.0.1:0: it records every POST to `/hooks/...` and streams it to the test.
final class CallbackServer: Sendable {
    /// The callbacks, in arrival order.
    let callbacks: AsyncStream<ReceivedCallback>
    /// The port the server listens on.
    let port: Int
    private let task: Task<Void, any Error>

    private init(callbacks: AsyncStream<ReceivedCallback>, port: Int, task: Task<Void, any Error>) {
        self.callbacks = callbacks
        self.port = port
        self.task = task
    }

    /// `http://127.0.0.1:PORT/hooks/<name>`.
    func url(_ name: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)/hooks/\(name)") ?? URL(fileURLWithPath: "/")
    }

    /// Starts a server answering `status` to every callback, and waits until it listens.
    static func start(status: HTTPResponse.Status = .noContent) async throws -> CallbackServer {
        let (callbacks, continuation) = AsyncStream.makeStream(of: ReceivedCallback.self)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let router = Router()
        router.post("hooks/:name") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 4 << 20)
            continuation.yield(
                ReceivedCallback(path: request.uri.path, headers: request.headers, body: Data(buffer.readableBytesView))
            )
            return Response(status: status)
        }
        let application = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: Logger(label: "santenotify-callback-server", factory: { _ in SwiftLogNoOpLogHandler() }))
        let task = Task {
            defer { continuation.finish() }
            try await application.runService()
        }
        var port = 0
        for await reported in ports {
            port = reported
        }
        return CallbackServer(callbacks: callbacks, port: port, task: task)
    }

    /// Stops the server.
    func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}

extension AsyncStream where Element == ReceivedCallback {
    /// The next callback whose path is `path` (others are skipped), or `nil` when the stream ends.
    func next(on path: String, matching predicate: (ReceivedCallback) -> Bool = { _ in true }) async
        -> ReceivedCallback?
    {
        for await callback in self where callback.path == path && predicate(callback) {
            return callback
        }
        return nil
    }
}
