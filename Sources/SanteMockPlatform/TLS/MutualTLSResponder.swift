import Hummingbird

/// The responder of the mutual-TLS listener: reads the connection's client certificate for each request, then
/// lets the platform's router answer with it in the context (``MockRequestContext/clientCertificate``) and in
/// ``PresentedClientCertificate/current``.
struct MutualTLSResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == MockRequestContext {
    typealias Context = MockRequestContext

    /// The platform's router.
    let inner: Inner

    func respond(to request: Request, context: MockRequestContext) async throws -> Response {
        var context = context
        let certificate = await PresentedClientCertificate.read(from: context.channel)
        context.clientCertificate = certificate
        return try await PresentedClientCertificate.$current.withValue(certificate) {
            try await inner.respond(to: request, context: context)
        }
    }
}
