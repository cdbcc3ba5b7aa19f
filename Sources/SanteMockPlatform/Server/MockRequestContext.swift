import Hummingbird
import NIOCore

/// The request context of every route of the mock.
///
/// It keeps the connection's channel (the fault middleware resets or truncates connections), the
/// request's ``MockRequestTrace`` and, on the mutual-TLS listener, the client certificate.
struct MockRequestContext: RequestContext {
    /// Hummingbird's own per-request storage.
    var coreContext: CoreRequestContextStorage
    /// The connection the request arrived on.
    let channel: any Channel
    /// What happened to the request, shared between middlewares.
    let trace: MockRequestTrace
    /// The largest body `request.decode` accepts; set from the platform configuration by the first middleware.
    var maxUploadSize: Int
    /// The client certificate the connection presented, on the mutual-TLS listener (set by
    /// ``MutualTLSResponder``); `nil` on the other listener or without a certificate.
    var clientCertificate: PresentedClientCertificate?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
        self.trace = MockRequestTrace()
        self.maxUploadSize = MockPlatform.Configuration.defaultMaximumRequestBodySize
    }
}
