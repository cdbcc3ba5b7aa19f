import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A small HTTP server on `127.0.0.1` that receives one OAuth redirect, as native apps do (RFC 8252 §7.3).
///
/// It answers `GET <path>?…` with a short HTML page for the browser and hands the full callback URL to
/// ``waitForCallback(timeout:)``; the first callback wins, later ones are told it was already received.
/// Any other path gets `404`. Call ``close()`` when done.
final class LoopbackRedirectListener: Sendable {
    /// The port the listener is bound to (the one the system chose when asked for 0).
    let port: Int
    /// `http://127.0.0.1:<port><path>`: the redirect URI to register in the authorization request.
    let redirectURI: URL

    private let serverChannel: any Channel
    private let callbacks: AsyncStream<URL>
    private let acceptTask: Task<Void, Never>

    private init(
        port: Int, redirectURI: URL, serverChannel: any Channel, callbacks: AsyncStream<URL>,
        acceptTask: Task<Void, Never>
    ) {
        self.port = port
        self.redirectURI = redirectURI
        self.serverChannel = serverChannel
        self.callbacks = callbacks
        self.acceptTask = acceptTask
    }

    /// Starts listening on `127.0.0.1:<port>`.
    /// - Parameters:
    ///   - port: The port; 0 lets the system pick a free one.
    ///   - path: The callback path, such as `/callback`.
    /// - Returns: The running listener.
    /// - Throws: ``OperationFailed`` when the port cannot be bound.
    static func start(port: Int, path: String = "/callback") async throws -> LoopbackRedirectListener {
        let server: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>
        do {
            server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: "127.0.0.1", port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                        return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                            wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw OperationFailed(reason: "cannot listen for the redirect on 127.0.0.1:\(port) (\(error))")
        }
        guard let boundPort = server.channel.localAddress?.port,
            let redirectURI = URL(string: "http://127.0.0.1:\(boundPort)\(path)")
        else {
            try? await server.channel.close()
            throw OperationFailed(reason: "the redirect listener did not report its port")
        }
        let (callbacks, continuation) = AsyncStream.makeStream(of: URL.self, bufferingPolicy: .bufferingOldest(1))
        let router = CallbackRouter(path: path, port: boundPort, continuation: continuation)
        let acceptTask = Task {
            try? await server.executeThenClose { connections in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in connections {
                        group.addTask { await router.serve(connection) }
                    }
                }
            }
            continuation.finish()
        }
        return LoopbackRedirectListener(
            port: boundPort, redirectURI: redirectURI, serverChannel: server.channel, callbacks: callbacks,
            acceptTask: acceptTask)
    }

    /// Waits for the browser's redirect.
    /// - Parameter timeout: How long to wait.
    /// - Returns: The full callback URL, such as `http://127.0.0.1:PORT/callback?code=…&state=…&iss=…`.
    /// - Throws: ``OperationFailed`` when nothing arrived in time or the listener was closed.
    func waitForCallback(timeout: Duration) async throws -> URL {
        let callbacks = self.callbacks
        return try await withThrowingTaskGroup(of: URL?.self) { group in
            group.addTask {
                for await url in callbacks { return url }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw OperationFailed(
                    reason: "no redirect reached \(self.redirectURI.absoluteString) within \(Self.seconds(timeout)) s")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let url = first else {
                throw OperationFailed(reason: "the redirect listener stopped before any redirect arrived")
            }
            return url
        }
    }

    /// Stops listening and closes every connection.
    func close() async {
        acceptTask.cancel()
        try? await serverChannel.close()
        await acceptTask.value
    }

    private static func seconds(_ duration: Duration) -> String {
        let value = duration.components.seconds
        return String(value)
    }
}

/// Answers the browser's requests and passes the first callback on.
private struct CallbackRouter: Sendable {
    let path: String
    let port: Int
    let continuation: AsyncStream<URL>.Continuation
    private let delivered = SharedFlag()

    init(path: String, port: Int, continuation: AsyncStream<URL>.Continuation) {
        self.path = path
        self.port = port
        self.continuation = continuation
    }

    /// Reads one request on the connection, answers it, and closes the connection.
    func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
        do {
            try await connection.executeThenClose { inbound, outbound in
                var head: HTTPRequestHead?
                for try await part in inbound {
                    switch part {
                    case .head(let requestHead):
                        head = requestHead
                    case .body:
                        continue
                    case .end:
                        guard let head else { return }
                        let page = answer(head)
                        var headers = HTTPHeaders()
                        headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
                        headers.add(name: "Content-Length", value: String(page.body.utf8.count))
                        headers.add(name: "Cache-Control", value: "no-store")
                        headers.add(name: "Connection", value: "close")
                        try await outbound.write(
                            .head(HTTPResponseHead(version: head.version, status: page.status, headers: headers)))
                        try await outbound.write(.body(.byteBuffer(ByteBuffer(string: page.body))))
                        try await outbound.write(.end(nil))
                        return
                    }
                }
            }
        } catch {
            // A browser that drops its connection changes nothing: the callback, if any, was already passed on.
        }
    }

    private func answer(_ head: HTTPRequestHead) -> (status: HTTPResponseStatus, body: String) {
        guard let components = URLComponents(string: head.uri), components.path == path else {
            return (.notFound, Self.page(title: "Not found", text: "sante is waiting for a sign-in redirect here."))
        }
        guard head.method == .GET else {
            return (.methodNotAllowed, Self.page(title: "Method not allowed", text: "The redirect is a GET."))
        }
        guard let url = URL(string: "http://127.0.0.1:\(port)\(head.uri)") else {
            return (.badRequest, Self.page(title: "Bad request", text: "This redirect URL cannot be read."))
        }
        guard delivered.setOnce() else {
            return (
                .ok,
                Self.page(title: "Already received", text: "sante already received a sign-in; this one is ignored.")
            )
        }
        continuation.yield(url)
        let refused = components.queryItems?.contains { $0.name == "error" } ?? false
        return refused
            ? (
                .ok,
                Self.page(
                    title: "Sign-in refused",
                    text: "Pro Santé Connect refused the sign-in. Return to your terminal for the reason.")
            )
            : (
                .ok,
                Self.page(
                    title: "Sign-in received",
                    text: "You can close this window and return to your terminal, where sante completes the sign-in.")
            )
    }

    private static func page(title: String, text: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>sante: \(title)</title></head>
        <body style="font-family: sans-serif; margin: 3em;"><h1>\(title)</h1><p>\(text)</p></body></html>

        """
    }
}

/// A flag that can be set once, from any thread.
private final class SharedFlag: Sendable {
    private let value = Mutex(false)

    /// Sets the flag; `true` only for the first caller.
    func setOnce() -> Bool {
        value.withLock { value in
            defer { value = true }
            return !value
        }
    }
}
