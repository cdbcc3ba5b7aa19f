import Foundation
import SanteCore
import Testing

@testable import SanteMockPlatform

@Suite("Request log capacity")
struct RequestLogCapacityTests {
    @Test("The default capacity is 10 000")
    func defaultCapacity() async {
        #expect(MockPlatform.Configuration().requestLogCapacity == 10_000)
        #expect(MockRequestLog().capacity == 10_000)
    }

    @Test("The platform keeps only the most recent requests", .timeLimit(.minutes(3)))
    func keepsTheMostRecent() async throws {
        try await withPlatform(MockPlatform.Configuration(requestLogCapacity: 3)) { platform in
            for index in 1...5 {
                _ = try await TestHTTP.send(try platform.url("/_mock/echo?n=\(index)"))
            }
            let entries = await platform.requestLog.entries
            #expect(entries.map(\.query) == ["n=3", "n=4", "n=5"])
            #expect(await platform.requestLog.droppedCount == 2)
            #expect(await platform.requestLog.entries(forPath: "/_mock/echo").count == 3)
            await platform.requestLog.clear()
            #expect(await platform.requestLog.entries.isEmpty)
            #expect(await platform.requestLog.droppedCount == 0)
        }
    }

    @Test("A negative capacity is refused at start")
    func negativeCapacity() async throws {
        await #expect(throws: ValidationError.self) {
            _ = try await MockPlatform.start(MockPlatform.Configuration(requestLogCapacity: -1))
        }
    }
}
