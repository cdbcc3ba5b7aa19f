import Foundation
import HTTPTypes
import SanteKit
import SanteMockPlatform
import Testing

@Suite("SantePlatform makes Pro Santé Connect clients", .timeLimit(.minutes(3)))
struct SantePlatformProSanteConnectTests {
    @Test("A professional signs in through a client made by the platform")
    func codeFlowThroughTheFacade() async throws {
        let mock = try await MockPlatform.start()
        let platform = SantePlatform(environment: .localMock(baseURL: mock.baseURL), appProduct: "MonCabinet/2.3")
        let demo = mock.identities.demoClient
        let redirect = try #require(URL(string: "http://127.0.0.1:8765/callback"))
        let psc = try platform.proSanteConnect(
            clientID: demo.clientID, clientAuthentication: .clientSecretBasic(demo.clientSecret), redirectURI: redirect)

        let prepared = try await psc.prepareAuthorization(loginHint: "899990000020")
        let browser = SanteHTTPClient(baseURL: mock.baseURL, transport: platform.transport)
        let (response, _) = try await browser.send(try browser.makeRequest(.get, path: prepared.url.absoluteString))
        let location = try #require(response.headerFields[.location].flatMap(URL.init(string:)))
        let login = try await psc.completeAuthorization(callbackURL: location, pending: prepared.pending)
        let userAgents = await mock.requestLog.entries.compactMap { $0.headers[.userAgent] }
        await mock.stop()

        #expect(response.status.code == 302)
        #expect(login.subjectNameID?.rawValue == "899990000020")
        #expect(userAgents.contains("SanteKit/\(SanteKitVersion.current) MonCabinet/2.3"))
    }

    @Test("The PSC service has no base URL of its own: the facade says which API to use")
    func noRawHTTPClientForPSC() throws {
        let platform = SantePlatform(environment: .production)
        let error = try #require(throws: SantePlatformError.self) { try platform.httpClient(for: .proSanteConnect) }
        #expect(error.description.contains("proSanteConnect("))
    }

    @Test("An environment without PSC cannot make a PSC client")
    func missingDiscovery() throws {
        let platform = SantePlatform(environment: SanteEnvironment(name: "data only"))
        #expect(throws: SantePlatformError.self) {
            _ = try platform.proSanteConnect(
                clientID: "x", clientAuthentication: .clientSecretBasic("s"),
                redirectURI: URL(fileURLWithPath: "/"))
        }
    }

    @Test("An automatic test clock speeds back-off without timing out every request")
    func automaticClockKeepsRealTimeouts() async throws {
        let mock = try await MockPlatform.start()
        let platform = SantePlatform(
            environment: .localMock(baseURL: mock.baseURL), clock: TestClock(mode: .automatic))
        let controls = try platform.httpClient(baseURL: mock.baseURL(for: .controls))
        await mock.faults.inject(
            MockFault(.status(503, retryAfter: "30")), on: MockRoute(path: "/_mock/echo"), count: 1)
        let (response, _) = try await controls.data(for: try controls.makeRequest(.get, path: "echo"))
        await mock.stop()
        #expect(response.status.code == 200)
        #expect(platform.accounting.snapshot().total.retries == 1)
    }
}
