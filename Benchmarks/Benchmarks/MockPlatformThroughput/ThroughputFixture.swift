import AsyncHTTPClient
import Foundation
import MockServerSupport
import NIOCore
import NIOHTTP1

/// One out-of-process `sante-mock` and a bare AsyncHTTPClient allowed as many connections as there are workers.
struct ThroughputFixture: BenchmarkFixture {
    let server: MockServerProcess
    let client: HTTPClient
    let request: HTTPClientRequest

    /// Starts a server and a client with `connections` connections per host.
    static func start(connections: Int, route: String) async throws -> ThroughputFixture {
        let server = try await MockServerProcess.start()
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connections
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let request = HTTPClientRequest(url: server.baseURL.absoluteString + route)
        return ThroughputFixture(server: server, client: client, request: request)
    }

    /// One request; returns the body's size, or -1 for a status other than 200.
    func fetch() async throws -> Int {
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1024 * 1024)
        return response.status == .ok ? body.readableBytes : -1
    }

    func stop() async {
        try? await client.shutdown()
        await server.stop()
    }
}
