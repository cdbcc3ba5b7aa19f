import Foundation
import HTTPTypes
import SanteHTTP
import SanteMockPlatform
import Testing

/// Checks that responses come back as the server sent them.
enum ResponseChecks {
    static func statusPassthrough(_ target: ConformanceTarget) async throws {
        let transport = target.transport()
        let (notFound, notFoundBody) = try await transport.send(
            target.request(.get, "/_mock/no-such-route"), body: nil, context: RequestContext())
        #expect(notFound.status.code == 404)
        let notFoundBytes = try await collect(notFoundBody)
        #expect(!notFoundBytes.isEmpty)
        #expect((try? JSONSerialization.jsonObject(with: notFoundBytes)) != nil)

        let serverBody = #"{"issue":[{"severity":"fatal","code":"exception"}]}"#
        await target.platform.faults.inject(
            MockFault(.status(500, retryAfter: "7", body: serverBody)), on: MockRoute(path: "/_mock/echo"), count: 1)
        let (failed, failedBody) = try await transport.send(
            target.request(.post, "/_mock/echo"), body: HTTPBody("{}"), context: RequestContext())
        #expect(failed.status.code == 500)
        #expect(failed.headerFields[.retryAfter] == "7")
        #expect(String(decoding: try await collect(failedBody), as: UTF8.self) == serverBody)
    }

    static func malformedJSONPassthrough(_ target: ConformanceTarget) async throws {
        await target.platform.faults.inject(
            MockFault(.malformedJSON, phase: .afterHandler), on: MockRoute(path: "/_mock/echo"), count: 1)
        let (response, body) = try await target.transport().send(
            target.request(.get, "/_mock/echo"), body: nil, context: RequestContext())
        #expect(response.status == .ok)
        #expect(response.headerFields[.contentType]?.hasPrefix("application/json") == true)
        let bytes = try await collect(body)
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix(",,}"))
        #expect(bytes.first == UInt8(ascii: "{"))
        #expect((try? JSONSerialization.jsonObject(with: bytes)) == nil)
    }
}
