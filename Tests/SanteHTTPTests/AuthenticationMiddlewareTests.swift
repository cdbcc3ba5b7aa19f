import Foundation
import HTTPTypes
import Logging
import SanteCore
import Testing

@testable import SanteHTTP

/// A provider that hands out `token-1`, `token-2`, … and records rejections.
final class SequenceTokenProvider: TokenProvider {
    let issued = Counter()
    let rejected = Recorder<String>()
    let repeatsAfterRejection: Bool

    init(repeatsAfterRejection: Bool = false) {
        self.repeatsAfterRejection = repeatsAfterRejection
    }

    func token(for request: HTTPRequest, context: RequestContext) async throws -> String {
        if repeatsAfterRejection { return "token-1" }
        return "token-\(issued.increment())"
    }

    func tokenRejected(_ token: String) async throws {
        rejected.record(token)
    }
}

@Suite("AuthenticationMiddleware")
struct AuthenticationMiddlewareTests {
    func makeClient(
        _ stub: StubTransport,
        provider: any TokenProvider,
        refreshes: Bool = true,
        retry: Bool = false
    ) -> SanteHTTPClient {
        var middlewares: [any HTTPMiddleware] = []
        if retry {
            middlewares.append(RetryMiddleware(clock: TestClock(mode: .automatic), random: { 0 }))
        }
        middlewares.append(AuthenticationMiddleware(provider: provider, refreshesOnUnauthorized: refreshes))
        return SanteHTTPClient(baseURL: Fixtures.baseURL, transport: stub, middlewares: middlewares)
    }

    @Test("Every attempt gets a fresh token from the provider")
    func freshTokenPerAttempt() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(503))
        stub.expect(.get, "/fhir/Patient", respond: .status(502))
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        let provider = SequenceTokenProvider()
        _ = try await makeClient(stub, provider: provider, retry: true).send(Fixtures.request())
        #expect(
            stub.recordedRequests.map { $0.request.headerFields[.authorization] } == [
                "Bearer token-1", "Bearer token-2", "Bearer token-3",
            ])
    }

    @Test("A 401 makes the provider refresh once and the request go once more")
    func refreshOnUnauthorized() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", headerFields: [.authorization: "Bearer token-1"], respond: .status(401))
        stub.expect(.get, "/fhir/Patient", headerFields: [.authorization: "Bearer token-2"], respond: .json("{}"))
        let provider = SequenceTokenProvider()
        let (response, _) = try await makeClient(stub, provider: provider).data(for: Fixtures.request())
        #expect(response.status == .ok)
        #expect(provider.rejected.all == ["token-1"])
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("A second 401 is returned as it is, after a single refresh")
    func secondUnauthorized() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(401))
        stub.expect(.get, "/fhir/Patient", respond: .json(#"{"error":"invalid_token"}"#, status: 401))
        let provider = SequenceTokenProvider()
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await makeClient(stub, provider: provider).data(for: Fixtures.request())
        }
        #expect(error?.httpStatus == 401)
        #expect(error?.isAuthError == true)
        #expect(error?.responseBody == Data(#"{"error":"invalid_token"}"#.utf8))
        #expect(provider.rejected.all == ["token-1"])
        #expect(stub.recordedRequests.count == 2)
    }

    @Test("Without refresh, a 401 is returned at once")
    func noRefresh() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(401))
        let provider = SequenceTokenProvider()
        let (response, _) = try await makeClient(stub, provider: provider, refreshes: false).send(Fixtures.request())
        #expect(response.status.code == 401)
        #expect(provider.rejected.all.isEmpty)
        #expect(stub.recordedRequests.count == 1)
    }

    @Test("A request with a single-pass body gets its 401 back")
    func singlePassBodyNotResent() async throws {
        let stub = StubTransport()
        stub.expect(.post, "/fhir/Binary", respond: .status(401))
        let provider = SequenceTokenProvider()
        let (response, _) = try await makeClient(stub, provider: provider)
            .send(Fixtures.request(.post, path: "/fhir/Binary"), body: Fixtures.singlePassBody("doc"))
        #expect(response.status.code == 401)
        #expect(stub.recordedRequests.count == 1)
    }

    @Test("When the provider returns the same token again, the 401 and its body are returned")
    func sameTokenAfterRejection() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .json(#"{"error":"expired"}"#, status: 401))
        let provider = SequenceTokenProvider(repeatsAfterRejection: true)
        let (response, body) = try await makeClient(stub, provider: provider).send(Fixtures.request())
        #expect(response.status.code == 401)
        #expect(try await text(body) == #"{"error":"expired"}"#)
        #expect(provider.rejected.all == ["token-1"])
        #expect(stub.recordedRequests.count == 1)
    }

    @Test("A closure provider can put a raw API key in a custom header")
    func customHeader() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", headerFields: [.apiKey: "key-123"], respond: .status(200))
        let middleware = AuthenticationMiddleware(
            provider: ClosureTokenProvider { "key-123" }, headerName: .apiKey, valuePrefix: "")
        let client = SanteHTTPClient(baseURL: Fixtures.baseURL, transport: stub, middlewares: [middleware])
        _ = try await client.send(Fixtures.request())
        #expect(stub.recordedRequests.first?.request.headerFields[.authorization] == nil)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("The closure provider forwards rejections")
    func closureRejection() async throws {
        let rejected = Recorder<String>()
        let provider = ClosureTokenProvider(onRejected: { rejected.record($0) }) { "t" }
        try await provider.tokenRejected("t")
        #expect(rejected.all == ["t"])
        #expect(try await provider.token(for: Fixtures.request(), context: RequestContext()) == "t")
    }

    @Test("A provider failure fails the request without sending it, keeping a SanteError's code")
    func providerFailure() async throws {
        let stub = StubTransport()
        let failing = ClosureTokenProvider {
            throw ValidationError(field: "clientID", reason: "missing")
        }
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await makeClient(stub, provider: failing, retry: true).send(Fixtures.request())
        }
        #expect(error?.code == .validation)
        #expect(error?.requestWasSent == false)
        #expect(error?.underlyingError is ValidationError)
        #expect(stub.recordedRequests.isEmpty)
    }

    @Test("A failure to report a rejected token is wrapped like a token failure")
    func rejectionFailure() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(401))
        let failing = ClosureTokenProvider(onRejected: { _ in
            throw ValidationError(field: "refreshToken", reason: "revoked")
        }) { "t" }
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await makeClient(stub, provider: failing).send(Fixtures.request())
        }
        #expect(error?.code == .validation)
        #expect(error?.message.contains("token provider failed") == true)
        #expect(error?.isRetryable == false)
        #expect(error?.underlyingError is ValidationError)
        #expect(stub.recordedRequests.count == 1)
    }

    @Test("With credential origins, a request to another origin is refused before anything is sent")
    func foreignOriginRefused() async throws {
        let stub = StubTransport()
        let provider = SequenceTokenProvider()
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: stub,
            middlewares: try SanteHTTPClient.standardMiddlewares(
                tokenProvider: provider, credentialOrigins: [Fixtures.baseURL], retryPolicy: .none,
                logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })))
        let link = try client.makeRequest(.get, path: "https://evil.example:8443/steal?token=secret-value")
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client.send(link)
        }
        #expect(error?.code == .validation)
        #expect(error?.requestWasSent == false)
        #expect(error?.message.contains("https://evil.example:8443") == true)
        #expect(error?.description.contains("secret-value") == false)
        #expect(stub.recordedRequests.isEmpty)
        #expect(provider.issued.count == 0)
    }

    @Test(
        "Credential origins compare scheme, host and port",
        arguments: [
            ("https://API.example.fr/fhir/Patient?page=2", true),
            ("https://api.example.fr:443/other", true),
            ("http://api.example.fr/fhir/Patient", false),
            ("https://api.example.fr:8443/fhir/Patient", false),
            ("https://api.example.fr.evil.example/fhir", false),
        ])
    func originComparison(link: String, allowed: Bool) async throws {
        let stub = StubTransport()
        stub.expect(.get, try #require(URL(string: link)).path, respond: .status(200))
        let middleware = AuthenticationMiddleware(
            provider: ClosureTokenProvider { "t" }, credentialOrigins: [Fixtures.baseURL])
        let client = SanteHTTPClient(baseURL: Fixtures.baseURL, transport: stub, middlewares: [middleware])
        let request = try client.makeRequest(.get, path: link)
        if allowed {
            _ = try await client.send(request)
            #expect(stub.recordedRequests.first?.request.headerFields[.authorization] == "Bearer t")
        } else {
            await #expect(throws: SanteHTTPError.self) { _ = try await client.send(request) }
            #expect(stub.recordedRequests.isEmpty)
        }
    }

    @Test("Without credential origins, every origin gets the token (the default)")
    func noOriginsMeansAny() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/x", respond: .status(200))
        let client = makeClient(stub, provider: ClosureTokenProvider { "t" })
        _ = try await client.send(try client.makeRequest(.get, path: "https://elsewhere.example/x"))
        #expect(stub.recordedRequests.first?.request.headerFields[.authorization] == "Bearer t")
    }
}
