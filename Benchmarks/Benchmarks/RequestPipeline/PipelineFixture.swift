import Foundation
import HTTPTypes
import Logging
import SanteCore
import SanteHTTP

/// What both benchmarks share: one `sante-mock` process, one `URLSessionTransport`, and one absolute request.
struct PipelineFixture: Sendable {
    /// The echo request, absolute, with `Accept: application/json` (so the SanteKit path adds no header of its own
    /// there, only its middlewares' headers).
    let request: HTTPRequest
    /// The transport both paths send through.
    let transport: URLSessionTransport
    /// The full SanteKit pipeline over ``transport``.
    let client: SanteHTTPClient
    /// The accounting the SanteKit pipeline records into.
    let accounting: HTTPAccounting
    /// The largest body the bare path collects.
    static let maximumBodyBytes = 1024 * 1024

    /// Builds the pipeline for a running server.
    /// - Parameter baseURL: The server's base URL.
    /// - Throws: When the standard middlewares or the request cannot be built.
    init(baseURL: URL) throws {
        let transport = URLSessionTransport()
        let accounting = HTTPAccounting()
        let silentLogger = Logger(label: "santekit.benchmark", factory: { _ in SwiftLogNoOpLogHandler() })
        let middlewares = try SanteHTTPClient.standardMiddlewares(
            timeout: .seconds(30),
            appProduct: "SanteKitBenchmarks/1.0",
            logger: silentLogger,
            accounting: accounting
        )
        let client = SanteHTTPClient(
            baseURL: baseURL, transport: transport, middlewares: middlewares, logger: silentLogger)
        self.request = try client.makeRequest(.get, path: "/_mock/echo", headerFields: [.accept: "application/json"])
        self.transport = transport
        self.client = client
        self.accounting = accounting
    }

    /// One full SanteKit call: every standard middleware, the 2xx check, body collection and JSON decoding.
    /// - Returns: The decoded echo.
    func sendThroughSanteKit() async throws -> EchoResponse {
        try await client.decode(
            EchoResponse.self, for: request, options: RequestOptions(operation: "benchmark.echo"))
    }

    /// The baseline: the same request straight to the transport, body collected, no middleware, no decoding.
    /// - Returns: The response status and the body.
    func sendThroughTransport() async throws -> (HTTPResponse.Status, Data) {
        let (response, body) = try await transport.send(request, body: nil, context: RequestContext())
        let data = try await body?.collect(upTo: Self.maximumBodyBytes) ?? Data()
        return (response.status, data)
    }
}
