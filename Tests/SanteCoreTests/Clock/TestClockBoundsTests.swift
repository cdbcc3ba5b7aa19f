import Foundation
import Testing

@testable import SanteCore

@Suite("TestClock bounds")
struct TestClockBoundsTests {
    @Test("waitForSleepers gives up after its bound and reports it", .timeLimit(.minutes(3)))
    func waitIsBounded() async {
        let clock = TestClock()
        let found = await clock.waitForSleepers(1, maximumYields: 1_000)
        #expect(found == false)
    }

    @Test("waitForSleepers reports true once the sleepers are there", .timeLimit(.minutes(3)))
    func waitSucceeds() async throws {
        let clock = TestClock()
        let sleeper = Task { try await clock.sleep(for: .seconds(5)) }
        #expect(await clock.waitForSleepers(1))
        clock.advance(by: .seconds(5))
        try await sleeper.value
    }

    @Test("Cancelling a sleeper that was already resumed leaves nothing behind", .timeLimit(.minutes(3)))
    func noLeftoverCancellations() async throws {
        let clock = TestClock()
        for _ in 0..<50 {
            let sleeper = Task { try? await clock.sleep(for: .seconds(1)) }
            #expect(await clock.waitForSleepers(1))
            clock.advance(by: .seconds(1))
            sleeper.cancel()
            await sleeper.value
        }
        // A sleeper cancelled before it registers is still cancelled, and leaves nothing behind either.
        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await clock.sleep(for: .seconds(1))
        }
        await #expect(throws: CancellationError.self) { try await early.value }
        #expect(clock.rememberedCancellationCount == 0)
        #expect(clock.sleeperCount == 0)
    }
}
