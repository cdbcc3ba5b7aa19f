import Foundation
import SanteMockPlatform
import Testing

@Suite("Connection: close is answered in kind")
struct ConnectionCloseTests {
    @Test("A request that asks to close gets Connection: close on its response", .timeLimit(.minutes(3)))
    func closeIsEchoed() async throws {
        try await withPlatform { platform in
            let closing = try await TestHTTP.send(
                "POST", try platform.url("/_mock/echo"), body: Data("{}".utf8),
                headers: ["Content-Type": "application/json", "Connection": "close"])
            #expect(closing.status == 200)
            #expect(closing.header("Connection")?.lowercased() == "close")

            let keepAlive = try await TestHTTP.send(try platform.url("/_mock/health"))
            #expect(keepAlive.status == 200)
            #expect(keepAlive.header("Connection") == nil)
        }
    }
}
