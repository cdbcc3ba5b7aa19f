import SanteAsyncHTTPClient
import SanteHTTP
import SanteTransportConformance

/// The transports every conformance check runs against.
enum TransportSubjects {
    /// Foundation's URLSession (FoundationNetworking on Linux): it buffers both bodies.
    static let urlSession = TransportConformance.Subject(
        name: "URLSessionTransport", streamsResponseBodies: false, streamsRequestBodies: false
    ) { settings in
        URLSessionTransport(configuration: URLSessionTransport.Configuration(requestTimeout: settings.timeout))
    }

    /// AsyncHTTPClient, with the transport's own client: it streams both bodies.
    static let asyncHTTPClient = TransportConformance.Subject(
        name: "AsyncHTTPClientTransport", streamsResponseBodies: true, streamsRequestBodies: true
    ) { settings in
        AsyncHTTPClientTransport(configuration: AsyncHTTPClientTransport.Configuration(timeout: settings.timeout))
    }

    static let all = [urlSession, asyncHTTPClient]
}
