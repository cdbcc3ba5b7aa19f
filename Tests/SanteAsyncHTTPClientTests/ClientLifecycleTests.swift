import AsyncHTTPClient
import NIOCore
import SanteHTTP
import Testing

@testable import SanteAsyncHTTPClient

@Suite("The transport's own HTTPClient")
struct ClientLifecycleTests {
    @Test("Is shut down when its last holder goes away", .timeLimit(.minutes(3)))
    func ownClientShutDown() async throws {
        var holder: HTTPClientHolder? = HTTPClientHolder(creatingFor: AsyncHTTPClientTransport.Configuration())
        let client = try #require(holder?.client)
        holder = nil
        let error = await #expect(throws: HTTPClientError.self) {
            _ = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:9/"), timeout: .seconds(5))
        }
        #expect(error == .alreadyShutdown)
    }

    @Test("Is configured from the transport's configuration")
    func ownClientConfiguration() {
        let configuration = HTTPClientHolder.clientConfiguration(
            for: AsyncHTTPClientTransport.Configuration(
                connectTimeout: .seconds(3), readTimeout: .milliseconds(1500), retriesConnectionEstablishment: true,
                maximumConnectionsPerHost: 2))
        #expect(configuration.timeout.connect == .seconds(3))
        #expect(configuration.timeout.read == .milliseconds(1500))
        #expect(configuration.connectionPool.retryConnectionEstablishment == true)
        #expect(configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit == 2)
        #expect("\(configuration.redirectConfiguration)".contains("disallow"))
        #expect(!"\(configuration.redirectConfiguration)".contains("follow"))
        #expect("\(configuration.decompression)".contains("disabled"))
        let following = HTTPClientHolder.clientConfiguration(
            for: AsyncHTTPClientTransport.Configuration(followsRedirects: true))
        #expect("\(following.redirectConfiguration)".contains("follow"))
    }
}
