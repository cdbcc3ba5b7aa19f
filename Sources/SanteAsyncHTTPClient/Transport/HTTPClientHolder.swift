import AsyncHTTPClient
import NIOCore

/// Holds the `HTTPClient` a transport sends with.
///
/// A client the transport created is shut down when the holder goes away, that is when the last copy of the
/// transport and the last response body still streaming from it are gone: no shutdown ritual for the caller.
/// A client the caller passed in is never shut down here.
final class HTTPClientHolder: Sendable {
    let client: HTTPClient
    private let isOwned: Bool

    /// Wraps a caller's client, which stays the caller's to shut down.
    init(borrowing client: HTTPClient) {
        self.client = client
        self.isOwned = false
    }

    /// Creates a client configured from `configuration`, owned by this holder.
    init(creatingFor configuration: AsyncHTTPClientTransport.Configuration) {
        self.client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: Self.clientConfiguration(for: configuration))
        self.isOwned = true
    }

    /// The configuration of the client a transport creates: redirects per `followsRedirects` (none by default),
    /// no decompression, the transport's connect and read timeouts and pool settings.
    static func clientConfiguration(for configuration: AsyncHTTPClientTransport.Configuration)
        -> HTTPClient.Configuration
    {
        var connectionPool = HTTPClient.Configuration.ConnectionPool()
        connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(configuration.maximumConnectionsPerHost, 1)
        connectionPool.retryConnectionEstablishment = configuration.retriesConnectionEstablishment
        return HTTPClient.Configuration(
            tlsConfiguration: nil,
            redirectConfiguration: configuration.followsRedirects
                ? .follow(max: 5, allowCycles: false) : .disallow,
            timeout: HTTPClient.Configuration.Timeout(
                connect: TimeAmount(configuration.connectTimeout),
                read: configuration.readTimeout.map { TimeAmount($0) }
            ),
            connectionPool: connectionPool,
            proxy: nil,
            ignoreUncleanSSLShutdown: false,
            decompression: .disabled
        )
    }

    deinit {
        guard isOwned else { return }
        // The client keeps itself alive until its shutdown completes; nothing waits for it, and a failed
        // shutdown of an unused client changes nothing for anyone.
        _ = client.shutdown()
    }
}
