import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import Testing

/// The parts of the transport contract that do not need a network, checked on the ``StubTransport``.
@Suite("StubTransport honours the transport contract's passthrough rules")
struct StubTransportPassthroughTests {
    @Test("Statuses, header fields and body bytes come back unchanged, malformed JSON included")
    func passthrough() async throws {
        let stub = StubTransport()
        let malformed = Data(#"{"resourceType":"Pat,,}"#.utf8)
        stub.expect(.get, "/missing", respond: .status(404, headerFields: [.retryAfter: "3"], body: Data("gone".utf8)))
        stub.expect(.get, "/broken", respond: .json(String(decoding: malformed, as: UTF8.self)))
        let request = { (path: String) in HTTPRequest(method: .get, scheme: "http", authority: "stub", path: path) }

        let (missing, missingBody) = try await stub.send(request("/missing"), body: nil, context: RequestContext())
        #expect(missing.status.code == 404)
        #expect(missing.headerFields[.retryAfter] == "3")
        #expect(try await collect(missingBody) == Data("gone".utf8))

        let (broken, brokenBody) = try await stub.send(request("/broken"), body: nil, context: RequestContext())
        #expect(broken.status == .ok)
        #expect(try await collect(brokenBody) == malformed)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("A canned 'nothing was sent' failure reaches the caller unchanged")
    func failurePassthrough() async throws {
        let stub = StubTransport()
        stub.expect(
            .post, "/notify",
            respond: .error(SanteHTTPError(code: .transport, message: "refused", requestWasSent: false)))
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await stub.send(
                HTTPRequest(method: .post, scheme: "http", authority: "stub", path: "/notify"), body: HTTPBody("{}"),
                context: RequestContext())
        }
        #expect(error?.code == .transport)
        #expect(error?.requestWasSent == false)
        #expect(stub.recordedRequests.first?.bodyText == "{}")
    }
}
