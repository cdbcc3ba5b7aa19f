import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOPosix

/// One HTTP request received by a ``WebhookHTTPServer``: the exact body bytes and the header fields.
struct WebhookHTTPRequest: Sendable {
    /// The method, such as `POST`.
    let method: String
    /// The request target, such as `/hooks?x=1`.
    let target: String
    /// The header fields, in order, names as sent.
    let headers: [(name: String, value: String)]
    /// The body, byte for byte.
    let body: Data

    /// The header fields as a dictionary with lower-cased names (the last value of a repeated name wins).
    var headerDictionary: [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in headers { fields[name.lowercased()] = value }
        return fields
    }

    /// The header fields as `HTTPFields` (fields with invalid names are skipped).
    var fields: HTTPFields {
        var fields = HTTPFields()
        for (name, value) in headers {
            guard let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        return fields
    }
}

/// The answer to a ``WebhookHTTPRequest``.
struct WebhookHTTPResponse: Sendable {
    /// The status code.
    var status: Int
    /// A short text body.
    var text: String = ""
}

/// A small HTTP/1.1 server on a loopback address that hands every request, body collected, to a handler.
///
/// It receives webhooks and FHIR subscription notifications (`sante webhook listen`, the demo's
/// notification chapter). One request per connection (answers carry `Connection: close`); bodies over
/// ``maximumBodySize`` get `413`. Call ``close()`` when done.
final class WebhookHTTPServer: Sendable {
    /// The largest body accepted: 1 MiB.
    static let maximumBodySize = 1 << 20

    /// The port the server is bound to (the one the system chose when asked for 0).
    let port: Int
    /// `http://<host>:<port>/`.
    let baseURL: URL

    private let serverChannel: any Channel
    private let acceptTask: Task<Void, Never>

    private init(port: Int, baseURL: URL, serverChannel: any Channel, acceptTask: Task<Void, Never>) {
        self.port = port
        self.baseURL = baseURL
        self.serverChannel = serverChannel
        self.acceptTask = acceptTask
    }

    /// Starts listening.
    /// - Parameters:
    ///   - host: The address to bind (default `127.0.0.1`).
    ///   - port: The port; 0 lets the system pick a free one.
    ///   - handler: Answers each request.
    /// - Returns: The running server.
    /// - Throws: ``OperationFailed`` when the address cannot be bound.
    static func start(
        host: String = "127.0.0.1", port: Int,
        handler: @escaping @Sendable (WebhookHTTPRequest) async -> WebhookHTTPResponse
    ) async throws -> WebhookHTTPServer {
        let server: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>
        do {
            server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                        return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                            wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw OperationFailed(reason: "cannot listen on \(host):\(port) (\(error))")
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        guard let boundPort = server.channel.localAddress?.port,
            let baseURL = URL(string: "http://\(shownHost):\(boundPort)/")
        else {
            try? await server.channel.close()
            throw OperationFailed(reason: "the listener did not report its port")
        }
        let acceptTask = Task<Void, Never> {
            _ = try? await server.executeThenClose { connections in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in connections {
                        group.addTask { await serve(connection, handler: handler) }
                    }
                }
            }
        }
        return WebhookHTTPServer(
            port: boundPort, baseURL: baseURL, serverChannel: server.channel, acceptTask: acceptTask)
    }

    /// Stops listening, lets the requests in progress be answered (for up to 2 seconds), then closes every
    /// connection.
    func close() async {
        try? await serverChannel.close()
        let acceptTask = self.acceptTask
        let deadline = Task {
            try? await Task.sleep(for: .seconds(2))
            acceptTask.cancel()
        }
        await acceptTask.value
        deadline.cancel()
    }

    /// Reads one request on the connection, answers it, and closes the connection.
    private static func serve(
        _ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>,
        handler: @Sendable (WebhookHTTPRequest) async -> WebhookHTTPResponse
    ) async {
        do {
            try await connection.executeThenClose { inbound, outbound in
                var head: HTTPRequestHead?
                var body = ByteBuffer()
                var tooLarge = false
                for try await part in inbound {
                    switch part {
                    case .head(let requestHead):
                        head = requestHead
                    case .body(var chunk):
                        if body.readableBytes + chunk.readableBytes > maximumBodySize {
                            tooLarge = true
                        } else {
                            body.writeBuffer(&chunk)
                        }
                    case .end:
                        guard let head else { return }
                        let response: WebhookHTTPResponse
                        if tooLarge {
                            response = WebhookHTTPResponse(status: 413, text: "the body is larger than 1 MiB")
                        } else {
                            let request = WebhookHTTPRequest(
                                method: head.method.rawValue, target: head.uri,
                                headers: head.headers.map { ($0.name, $0.value) },
                                body: Data(body.readableBytesView))
                            response = await handler(request)
                        }
                        let text = response.text.isEmpty ? "" : response.text + "\n"
                        var headers = HTTPHeaders()
                        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
                        headers.add(name: "Content-Length", value: String(text.utf8.count))
                        headers.add(name: "Connection", value: "close")
                        try await outbound.write(
                            .head(
                                HTTPResponseHead(
                                    version: head.version, status: HTTPResponseStatus(statusCode: response.status),
                                    headers: headers)))
                        try await outbound.write(.body(.byteBuffer(ByteBuffer(string: text))))
                        try await outbound.write(.end(nil))
                        return
                    }
                }
            }
        } catch {
            // A sender that drops its connection changes nothing: it retries on its own schedule.
        }
    }
}
