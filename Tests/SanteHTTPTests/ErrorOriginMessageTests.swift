import Foundation
import HTTPTypes
import SanteCore
import Testing

@testable import SanteHTTP

@Suite("Error messages name where a foreign error came from")
struct ErrorOriginMessageTests {
    struct PluginError: Error {}

    @Test("An error thrown by a middleware does not blame the transport")
    func middlewareError() async throws {
        let stub = StubTransport()
        let failing = ClosureMiddleware { _, _, _, _ in throw PluginError() }
        let client = SanteHTTPClient(baseURL: Fixtures.baseURL, transport: stub, middlewares: [failing])
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client.send(Fixtures.request())
        }
        #expect(error?.message == "the request failed with PluginError")
        #expect(error?.underlyingError is PluginError)
        #expect(stub.recordedRequests.isEmpty)
    }

    @Test("An error thrown by the transport still says the transport failed")
    func transportError() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .error(PluginError()))
        let client = SanteHTTPClient(baseURL: Fixtures.baseURL, transport: stub)
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client.send(Fixtures.request())
        }
        #expect(error?.code == .transport)
        #expect(error?.message == "the transport failed with PluginError")
        #expect(error?.underlyingError is PluginError)
    }
}
