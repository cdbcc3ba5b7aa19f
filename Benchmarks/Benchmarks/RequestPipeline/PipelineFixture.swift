import Foundation
import HTTPTypes
import Logging
import SanteCore
import SanteHTTP

/// What the benchmarks share: one `sante-mock` process, one `URLSessionTransport`, and the request both sides send.
struct PipelineFixture: Sendable {
    /// The `User-Agent` product token of the SanteKit side.
    static let appProduct = "SanteKitBenchmarks/1.0"
    /// The baseline's request identifier: a fixed value as long as the UUIDs that SanteKit generates.
    static let baselineRequestIdentifier = "00000000-0000-4000-8000-000000000000"
    /// The largest body the bare path collects.
    static let maximumBodyBytes = 1024 * 1024

    /// The request given to SanteKit: `GET /_mock/echo` with `Accept: application/json`. The pipeline adds
    /// `X-Request-ID`, `User-Agent` and `Authorization` to it.
    let request: HTTPRequest
    /// The request the baseline sends: ``request`` with the three headers SanteKit adds, set once up front, in the
    /// order SanteKit adds them, so that both sides put the same request on the wire and get the same echo back.
    let wireRequest: HTTPRequest
    /// The transport both sides send through.
    let transport: URLSessionTransport
    /// The full SanteKit pipeline over ``transport``: the standard middlewares with bearer-token authentication.
    let client: SanteHTTPClient
    /// The accounting the SanteKit pipeline records into.
    let accounting: HTTPAccounting
    /// For the attribution benchmarks, keyed by `n`: a client with only the `n` innermost standard middlewares, and
    /// ``wireRequest`` without the headers those middlewares add themselves (so the wire request stays the same).
    let partialPipelines: [Int: PartialPipeline]

    /// Builds the pipelines for a running server.
    /// - Parameter baseURL: The server's base URL.
    /// - Throws: When the standard middlewares or the request cannot be built.
    init(baseURL: URL) throws {
        let transport = URLSessionTransport()
        let accounting = HTTPAccounting()
        let tokenProvider = CachedTokenProvider()
        let silentLogger = Logger(label: "santekit.benchmark", factory: { _ in SwiftLogNoOpLogHandler() })
        let middlewares = try SanteHTTPClient.standardMiddlewares(
            tokenProvider: tokenProvider,
            timeout: .seconds(30),
            appProduct: Self.appProduct,
            logger: silentLogger,
            accounting: accounting
        )
        let client = SanteHTTPClient(
            baseURL: baseURL, transport: transport, middlewares: middlewares, logger: silentLogger)
        let request = try client.makeRequest(.get, path: "/_mock/echo", headerFields: [.accept: "application/json"])

        var wireRequest = request
        wireRequest.headerFields[RequestIDMiddleware.defaultHeaderName] = Self.baselineRequestIdentifier
        wireRequest.headerFields[.userAgent] = try UserAgentMiddleware(appProduct: Self.appProduct).userAgent
        wireRequest.headerFields[.authorization] = "Bearer " + CachedTokenProvider.accessToken

        var partialPipelines: [Int: PartialPipeline] = [:]
        for count in 0...middlewares.count {
            let partialClient = SanteHTTPClient(
                baseURL: baseURL, transport: transport, middlewares: Array(middlewares.suffix(count)),
                logger: silentLogger)
            partialPipelines[count] = PartialPipeline(
                client: partialClient, request: Self.partialRequest(wireRequest, innermostMiddlewareCount: count))
        }
        self.request = request
        self.wireRequest = wireRequest
        self.transport = transport
        self.client = client
        self.accounting = accounting
        self.partialPipelines = partialPipelines
    }

    /// One full SanteKit call: every standard middleware (authentication included), the 2xx check, body collection
    /// and JSON decoding.
    /// - Returns: The decoded echo.
    func sendThroughSanteKit() async throws -> EchoResponse {
        try await client.decode(
            EchoResponse.self, for: request, options: RequestOptions(operation: "benchmark.echo"))
    }

    /// The baseline: ``wireRequest`` straight to the transport, body collected, no middleware, no decoding.
    /// - Returns: The response status and the body.
    func sendThroughTransport() async throws -> (HTTPResponse.Status, Data) {
        let (response, body) = try await transport.send(wireRequest, body: nil, context: RequestContext())
        let data = try await body?.collect(upTo: Self.maximumBodyBytes) ?? Data()
        return (response.status, data)
    }

    /// Checks that both sides put the same request on the wire: the same header names and values, except the
    /// request identifier, whose value differs but has the same length.
    /// - Throws: ``UnfairComparisonError`` when they differ.
    func checkBothSidesSendTheSameRequest() async throws {
        let throughSanteKit = try await sendThroughSanteKit()
        let (_, body) = try await sendThroughTransport()
        let throughTransport = try JSONDecoder().decode(EchoResponse.self, from: body)
        let requestIDName = RequestIDMiddleware.defaultHeaderName.canonicalName
        let sameIdentifierLength =
            throughSanteKit.headers[requestIDName]?.count == throughTransport.headers[requestIDName]?.count
        var santeKitHeaders = throughSanteKit.headers
        var transportHeaders = throughTransport.headers
        santeKitHeaders[requestIDName] = nil
        transportHeaders[requestIDName] = nil
        guard sameIdentifierLength, santeKitHeaders == transportHeaders, throughSanteKit.path == throughTransport.path
        else {
            throw UnfairComparisonError(santeKit: throughSanteKit.headers, transport: throughTransport.headers)
        }
    }

    // MARK: Attribution

    /// The baseline followed by the JSON decoding that SanteKit does (one shared decoder).
    /// - Returns: The decoded echo.
    func sendThroughTransportAndDecode() async throws -> EchoResponse {
        let (_, body) = try await sendThroughTransport()
        return try Self.sharedDecoder.decode(EchoResponse.self, from: body)
    }

    private static let sharedDecoder = JSONDecoder()

    /// ``wireRequest`` without the headers that the `count` innermost standard middlewares add themselves
    /// (authentication is the 3rd innermost, user agent the 6th, request id the 7th).
    private static func partialRequest(_ wireRequest: HTTPRequest, innermostMiddlewareCount count: Int) -> HTTPRequest {
        var request = wireRequest
        if count >= 3 { request.headerFields[.authorization] = nil }
        if count >= 6 { request.headerFields[.userAgent] = nil }
        if count >= 7 { request.headerFields[RequestIDMiddleware.defaultHeaderName] = nil }
        return request
    }
}

/// A SanteKit client with only some of the standard middlewares, and the request to give it.
struct PartialPipeline: Sendable {
    /// The client.
    let client: SanteHTTPClient
    /// The request, with the headers of the left-out middlewares already set.
    let request: HTTPRequest

    /// One call, decoded like the full SanteKit call.
    /// - Returns: The decoded echo.
    func send() async throws -> EchoResponse {
        try await client.decode(
            EchoResponse.self, for: request, options: RequestOptions(operation: "benchmark.echo"))
    }
}

/// Both sides of the comparison did not send the same request.
struct UnfairComparisonError: Error, CustomStringConvertible {
    /// The headers the server saw from the SanteKit side.
    let santeKit: [String: String]
    /// The headers the server saw from the baseline.
    let transport: [String: String]

    var description: String {
        "the SanteKit side and the baseline sent different requests: \(santeKit.keys.sorted()) vs "
            + "\(transport.keys.sorted())"
    }
}
