import Foundation
import HTTPTypes
import Logging
import MockServerSupport
import SanteAsyncHTTPClient
import SanteCore
import SanteHTTP
import SanteOpenData

/// One out-of-process `sante-mock` whose Vite Ma Dose files answer after an injected latency, and the clients the
/// benchmarks run against it.
struct SlotFinderFixture: BenchmarkFixture {
    /// The latency the mock adds to every Vite Ma Dose file.
    static let injectedLatency: Duration = .milliseconds(50)
    /// The département fetched alone by the one-round baseline.
    static let singleDepartment = "69"

    /// Every département, as the slot finder's bundled table lists them (101).
    let departments: [String]
    /// The Vite Ma Dose client, on the AsyncHTTPClient transport with the standard middlewares.
    let client: ViteMaDoseClient
    /// The slot finder with its default concurrency bound.
    let finder: SlotFinder
    /// The same finder fetching one file at a time.
    let sequentialFinder: SlotFinder
    private let server: MockServerProcess
    private let transport: AsyncHTTPClientTransport

    /// Starts the server, injects the latency on `/data/vitemadose/*`, and builds the clients.
    /// - Returns: The fixture.
    /// - Throws: `MockServerError`, or an error when the fault cannot be injected.
    static func start() async throws -> SlotFinderFixture {
        let server = try await MockServerProcess.start()
        do {
            return try await SlotFinderFixture(server: server)
        } catch {
            await server.stop()
            throw error
        }
    }

    private init(server: MockServerProcess) async throws {
        let transport = AsyncHTTPClientTransport()
        let silentLogger = Logger(label: "santekit.benchmark", factory: { _ in SwiftLogNoOpLogHandler() })
        try await Self.injectLatency(server.baseURL, transport: transport, logger: silentLogger)
        let http = SanteHTTPClient(
            baseURL: server.baseURL.appending(path: "data/vitemadose"), transport: transport,
            middlewares: try SanteHTTPClient.standardMiddlewares(
                timeout: .seconds(30), appProduct: "SanteKitBenchmarks/1.0", logger: silentLogger),
            logger: silentLogger)
        let client = ViteMaDoseClient(http: http)
        self.server = server
        self.transport = transport
        self.client = client
        self.finder = SlotFinder(client: client)
        self.sequentialFinder = SlotFinder(client: client, maximumConcurrency: 1)
        self.departments = FrenchDepartment.all.map(\.code)
    }

    /// Stops the server.
    func stop() async {
        await server.stop()
    }

    /// `POST /_mock/faults`: a permanent latency on every GET under `/data/vitemadose/`.
    private static func injectLatency(_ baseURL: URL, transport: AsyncHTTPClientTransport, logger: Logger)
        async throws
    {
        let controls = SanteHTTPClient(baseURL: baseURL, transport: transport, logger: logger)
        let milliseconds =
            injectedLatency.components.seconds * 1000
            + injectedLatency.components.attoseconds / 1_000_000_000_000_000
        let fault =
            #"{"method": "GET", "path": "/data/vitemadose/*", "kind": "latency", "milliseconds": "#
            + "\(milliseconds)}"
        let request = try controls.makeRequest(
            .post, path: "/_mock/faults", headerFields: [.contentType: "application/json"])
        let (response, body) = try await controls.send(request, body: HTTPBody(Data(fault.utf8)))
        _ = try await body?.collect(upTo: 64 * 1024)
        guard response.status.kind == .successful else {
            throw FixtureError.faultNotInjected(status: response.status.code)
        }
    }
}

/// Why the fixture could not be set up.
enum FixtureError: Error, CustomStringConvertible {
    /// The mock refused the latency fault.
    case faultNotInjected(status: Int)

    var description: String {
        switch self {
        case .faultNotInjected(let status): "the mock answered HTTP \(status) to POST /_mock/faults"
        }
    }
}
