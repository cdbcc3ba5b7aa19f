import Foundation
import SanteKit
import Synchronization

/// Time shared by an in-process mock platform and the CLI's Pro Santé Connect client: the real time plus
/// an offset that grows whenever the client waits.
///
/// The mock enforces the CIBA polling `interval` (5 s) on its own clock. When the mock runs in this
/// process, the client's waits between polls need not pass in real time: the client's clock
/// (``clientClock``) moves the shared offset forward instead of sleeping, and the mock's clock
/// (``mockClock``) sees that time has passed. Both clocks read the same time, so token lifetimes agree.
/// The mock's own waits (injected latency, slow drips) still take real time.
final class MockTimeline: Sendable {
    private let offset = Mutex<TimeInterval>(0)

    /// The mock platform's clock: real time plus the offset; sleeps take real time.
    var mockClock: any SanteClock { MockSideClock(timeline: self) }

    /// The client's clock: real time plus the offset; a sleep moves the offset forward and returns at once.
    var clientClock: any SanteClock { ClientSideClock(timeline: self) }

    /// The current shared time.
    func now() -> Date {
        Date() + offset.withLock { $0 }
    }

    /// Moves the shared time forward by `duration`.
    func skip(_ duration: Duration) {
        offset.withLock { $0 += max(0, duration.timeInterval) }
    }
}

/// The mock's view of a ``MockTimeline``.
private struct MockSideClock: SanteClock {
    let timeline: MockTimeline

    func now() -> Date { timeline.now() }

    func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}

/// The client's view of a ``MockTimeline``: waiting is skipping ahead.
private struct ClientSideClock: SanteClock {
    let timeline: MockTimeline

    func now() -> Date { timeline.now() }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        timeline.skip(duration)
        await Task.yield()
    }
}
