import AsyncHTTPClient
import Foundation
import HTTPTypes
import Logging
import MockServerSupport
import NIOCore
import NIOHTTP1
import SanteAsyncHTTPClient
import SanteCore
import SanteHTTP

/// The ways of fetching the same bytes from the same out-of-process `sante-mock`, each with its own connection pool:
/// bare AsyncHTTPClient (with its default configuration, or with the transport's timeouts), bare and SanteKit on
/// ``AsyncHTTPClientTransport``, SanteKit on `URLSessionTransport`, and bare `URLSessionTransport`.
struct TransportFixture: BenchmarkFixture {
    /// The response sizes measured, served by `GET /_mock/bytes?count=N` (the same bytes for every path).
    enum BodySize: Int, Sendable, CaseIterable {
        /// About the size of a small JSON answer.
        case small = 350
        /// 1 MiB.
        case large = 1_048_576

        var label: String { self == .small ? "350 B" : "1 MiB" }
    }

    /// Which client sends.
    enum Path: Sendable, CaseIterable {
        case bareAsyncHTTPClient
        case bareAsyncHTTPClientWithTransportTimeouts
        case bareAsyncHTTPClientTransport
        case santeKitOnAsyncHTTPClient
        case santeKitOnAsyncHTTPClientWithoutTimeout
        case santeKitOnAsyncHTTPClientWithoutReadTimeout
        case santeKitOnURLSession
        case bareURLSession

        var label: String {
            switch self {
            case .bareAsyncHTTPClient: "Baseline: bare AsyncHTTPClient"
            case .bareAsyncHTTPClientWithTransportTimeouts:
                "Baseline: bare AsyncHTTPClient with the transport's timeouts"
            case .bareAsyncHTTPClientTransport: "Bare AsyncHTTPClientTransport"
            case .santeKitOnAsyncHTTPClient: "SanteKit on AsyncHTTPClientTransport"
            case .santeKitOnAsyncHTTPClientWithoutTimeout: "SanteKit on AsyncHTTPClientTransport, no TimeoutMiddleware"
            case .santeKitOnAsyncHTTPClientWithoutReadTimeout: "SanteKit on AsyncHTTPClientTransport(readTimeout: nil)"
            case .santeKitOnURLSession: "SanteKit on URLSessionTransport"
            case .bareURLSession: "Baseline: bare URLSessionTransport"
            }
        }

        /// Whether requests go through a `SanteHTTPClient` and its standard middlewares.
        var usesSanteHTTPClient: Bool {
            self == .santeKitOnAsyncHTTPClient || self == .santeKitOnAsyncHTTPClientWithoutTimeout
                || self == .santeKitOnAsyncHTTPClientWithoutReadTimeout
                || self == .santeKitOnURLSession
        }
    }

    /// The largest body collected.
    static let maximumBodyBytes = 2 * 1024 * 1024

    let server: MockServerProcess
    let path: Path
    let size: BodySize
    private let bareClient: HTTPClient?
    /// The client given to the transport when the fixture runs on an event loop group of its own.
    private let transportClient: HTTPClient?
    private let bareRequest: HTTPClientRequest
    private let transport: (any HTTPTransport)?
    private let santeClient: SanteHTTPClient?
    private let request: HTTPRequest

    /// Starts a server and builds the client for `path`.
    static func start(path: Path, size: BodySize) async throws -> TransportFixture {
        let server = try await MockServerProcess.start()
        do {
            return try TransportFixture(server: server, path: path, size: size)
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Builds the client for `path` against a running server.
    /// - Parameters:
    ///   - server: The server.
    ///   - path: The client.
    ///   - size: The response size.
    ///   - eventLoopGroup: The event loops of every AsyncHTTPClient client of the fixture, or `nil` for
    ///     AsyncHTTPClient's default group. With a group, the transport is given a client on it, configured as the
    ///     transport configures its own.
    init(server: MockServerProcess, path: Path, size: BodySize, eventLoopGroup: (any EventLoopGroup)? = nil) throws {
        self.server = server
        self.path = path
        self.size = size
        let silent = Logger(label: "santekit.benchmark", factory: { _ in SwiftLogNoOpLogHandler() })
        let url = server.baseURL.appending(path: "_mock/bytes").appending(queryItems: [
            URLQueryItem(name: "count", value: String(size.rawValue))
        ])
        self.bareRequest = HTTPClientRequest(url: url.absoluteString)
        let group = eventLoopGroup ?? HTTPClient.defaultEventLoopGroup
        var transportClient: HTTPClient?
        switch path {
        case .bareAsyncHTTPClient:
            // What an application using AsyncHTTPClient directly writes: its own client, default configuration.
            self.bareClient = HTTPClient(eventLoopGroup: group)
            self.transport = nil
        case .bareAsyncHTTPClientWithTransportTimeouts:
            // The same, with the connect and read timeouts `AsyncHTTPClientTransport` sets by default.
            let defaults = AsyncHTTPClientTransport.Configuration()
            self.bareClient = HTTPClient(
                eventLoopGroup: group,
                configuration: HTTPClient.Configuration(
                    timeout: HTTPClient.Configuration.Timeout(
                        connect: TimeAmount(defaults.connectTimeout),
                        read: defaults.readTimeout.map { TimeAmount($0) })))
            self.transport = nil
        case .santeKitOnAsyncHTTPClient, .santeKitOnAsyncHTTPClientWithoutTimeout, .bareAsyncHTTPClientTransport,
            .santeKitOnAsyncHTTPClientWithoutReadTimeout:
            // Without its read timeout, the transport is configured like AsyncHTTPClient's default client.
            var configuration = AsyncHTTPClientTransport.Configuration()
            if path == .santeKitOnAsyncHTTPClientWithoutReadTimeout { configuration.readTimeout = nil }
            self.bareClient = nil
            if let eventLoopGroup {
                let client = HTTPClient(
                    eventLoopGroup: eventLoopGroup, configuration: Self.clientConfiguration(like: configuration))
                transportClient = client
                var borrowing = configuration
                borrowing.client = client
                self.transport = AsyncHTTPClientTransport(configuration: borrowing)
            } else {
                self.transport = AsyncHTTPClientTransport(configuration: configuration)
            }
        case .santeKitOnURLSession, .bareURLSession:
            self.bareClient = nil
            self.transport = URLSessionTransport()
        }
        self.transportClient = transportClient
        if let transport, path.usesSanteHTTPClient {
            let middlewares = try SanteHTTPClient.standardMiddlewares(
                timeout: path == .santeKitOnAsyncHTTPClientWithoutTimeout ? nil : .seconds(30),
                appProduct: "SanteKitBenchmarks/1.0", logger: silent,
                accounting: HTTPAccounting())
            let client = SanteHTTPClient(
                baseURL: server.baseURL, transport: transport, middlewares: middlewares, logger: silent)
            self.santeClient = client
            self.request = try client.makeRequest(.get, path: "/_mock/bytes?count=\(size.rawValue)")
        } else {
            self.santeClient = nil
            self.request = HTTPRequest(method: .get, url: url)
        }
    }

    /// Sends one request on this fixture's path and returns the number of body bytes received.
    func fetch() async throws -> Int {
        switch path {
        case .bareAsyncHTTPClient, .bareAsyncHTTPClientWithTransportTimeouts:
            guard let bareClient else { return 0 }
            let response = try await bareClient.execute(bareRequest, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: Self.maximumBodyBytes)
            return response.status == .ok ? body.readableBytes : -1
        case .santeKitOnAsyncHTTPClient, .santeKitOnAsyncHTTPClientWithoutTimeout,
            .santeKitOnAsyncHTTPClientWithoutReadTimeout, .santeKitOnURLSession:
            guard let santeClient else { return 0 }
            let (_, data) = try await santeClient.data(
                for: request, options: RequestOptions(operation: "benchmark.bytes"))
            return data.count
        case .bareURLSession, .bareAsyncHTTPClientTransport:
            guard let transport else { return 0 }
            let (response, body) = try await transport.send(request, body: nil, context: RequestContext())
            let data = try await body?.collect(upTo: Self.maximumBodyBytes) ?? Data()
            return response.status == .ok ? data.count : -1
        }
    }

    /// Stops the server and shuts the bare client down.
    func stop() async {
        await shutDownClient()
        await server.stop()
    }

    /// Shuts the bare client (and a client given to the transport) down, leaving the server running.
    func shutDownClient() async {
        try? await bareClient?.shutdown()
        try? await transportClient?.shutdown()
    }

    /// The configuration `AsyncHTTPClientTransport` gives the client it creates: no redirects, no decompression,
    /// its connect and read timeouts and pool settings.
    static func clientConfiguration(like configuration: AsyncHTTPClientTransport.Configuration)
        -> HTTPClient.Configuration
    {
        var pool = HTTPClient.Configuration.ConnectionPool()
        pool.concurrentHTTP1ConnectionsPerHostSoftLimit = configuration.maximumConnectionsPerHost
        pool.retryConnectionEstablishment = configuration.retriesConnectionEstablishment
        return HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(
                connect: TimeAmount(configuration.connectTimeout),
                read: configuration.readTimeout.map { TimeAmount($0) }),
            connectionPool: pool,
            decompression: .disabled)
    }
}
