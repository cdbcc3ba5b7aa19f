public import AsyncHTTPClient
public import SanteHTTP

extension AsyncHTTPClientTransport {
    /// How an ``AsyncHTTPClientTransport`` is set up.
    ///
    /// Some settings shape the `HTTPClient` the transport creates for itself and are ignored when you pass
    /// your own ``client``: ``connectTimeout``, ``readTimeout``, ``followsRedirects``,
    /// ``retriesConnectionEstablishment`` and ``maximumConnectionsPerHost``. The others (``timeout`` and TLS)
    /// apply to every request, whichever client carries it.
    public struct Configuration: Sendable {
        /// How configured trust roots combine with the system's.
        public enum TrustRootsUsage: Sendable, Hashable {
            /// The configured roots are trusted as well as the system's (the default): one transport can then
            /// reach both IGC-Santé services and services with public certificates.
            case inAdditionToSystemRoots
            /// Only the configured roots are trusted.
            case insteadOfSystemRoots
        }

        /// The client to send requests with, or `nil` (the default) for a client the transport creates,
        /// configured from this value, and shuts down when the last copy of the transport is gone.
        ///
        /// A client you pass in stays yours: the transport never shuts it down, and its own configuration
        /// (redirects, timeouts, decompression, connection pool) applies. `HTTPClient.shared`, for example,
        /// follows redirects and decompresses responses.
        public var client: HTTPClient?
        /// The longest time from sending a request to receiving its response head; a request's own
        /// `RequestOptions.timeout` replaces it. The body then streams for as long as bytes keep coming
        /// (see ``readTimeout``). Default 60 s.
        public var timeout: Duration
        /// The longest time to open a connection, TLS handshake included. Default 10 s. Own client only.
        public var connectTimeout: Duration
        /// The longest wait for the next bytes of a response once the request is sent, or `nil` for no limit.
        /// Default 60 s. Own client only. AsyncHTTPClient re-arms this timer on every read (about 15 allocations
        /// per small request); `nil` saves that, but a response body that stalls then waits forever.
        public var readTimeout: Duration?
        /// Whether redirects are followed, at most 5 and never in a cycle (default `false`: API calls get the
        /// 3xx response). Own client only.
        public var followsRedirects: Bool
        /// Whether a failed connection attempt is retried with back-off until ``connectTimeout`` (default
        /// `false`). SanteKit's retry middleware already retries requests that never reached the server, so by
        /// default a refused connection fails at once. Own client only.
        public var retriesConnectionEstablishment: Bool
        /// The most HTTP/1.1 connections kept open to one host (default 8). Own client only.
        public var maximumConnectionsPerHost: Int
        /// A TLS client certificate presented to servers that ask for one (mutual TLS), such as an IGC-Santé
        /// certificate. Applied to every request through AsyncHTTPClient's per-request TLS configuration.
        public var clientIdentity: TLSClientIdentity?
        /// Certificate authorities to trust, such as the IGC-Santé roots. Applied to every request.
        public var trustRoots: TLSTrustRoots?
        /// How ``trustRoots`` combine with the system's (default: in addition to them).
        public var trustRootsUsage: TrustRootsUsage

        /// Creates a configuration.
        /// - Parameters:
        ///   - client: The client to use, or `nil` for one the transport creates and owns (the default).
        ///   - timeout: The longest time until the response head (default 60 s).
        ///   - connectTimeout: The longest time to connect (default 10 s; own client only).
        ///   - readTimeout: The longest wait for the next response bytes (default 60 s; own client only).
        ///   - followsRedirects: Whether redirects are followed (default `false`; own client only).
        ///   - retriesConnectionEstablishment: Whether failed connection attempts are retried (default `false`;
        ///     own client only).
        ///   - maximumConnectionsPerHost: The most HTTP/1.1 connections per host (default 8; own client only).
        ///   - clientIdentity: A TLS client certificate for mutual TLS.
        ///   - trustRoots: Certificate authorities to trust.
        ///   - trustRootsUsage: How `trustRoots` combine with the system's (default: in addition to them).
        public init(
            client: HTTPClient? = nil,
            timeout: Duration = .seconds(60),
            connectTimeout: Duration = .seconds(10),
            readTimeout: Duration? = .seconds(60),
            followsRedirects: Bool = false,
            retriesConnectionEstablishment: Bool = false,
            maximumConnectionsPerHost: Int = 8,
            clientIdentity: TLSClientIdentity? = nil,
            trustRoots: TLSTrustRoots? = nil,
            trustRootsUsage: TrustRootsUsage = .inAdditionToSystemRoots
        ) {
            self.client = client
            self.timeout = timeout
            self.connectTimeout = connectTimeout
            self.readTimeout = readTimeout
            self.followsRedirects = followsRedirects
            self.retriesConnectionEstablishment = retriesConnectionEstablishment
            self.maximumConnectionsPerHost = maximumConnectionsPerHost
            self.clientIdentity = clientIdentity
            self.trustRoots = trustRoots
            self.trustRootsUsage = trustRootsUsage
        }
    }
}
