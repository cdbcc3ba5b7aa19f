import Foundation
import SanteKit
import Synchronization

/// A clock that counts the waits of a CIBA polling loop and tells each one on standard error.
///
/// The Pro Santé Connect client sleeps on its configured clock only before each CIBA poll, so every
/// sleep announces one poll: the count is the number of polls sent.
final class PSCPollingClock: SanteClock {
    private let base: any SanteClock
    private let waits = Mutex<[Duration]>([])
    private let announce: @Sendable (_ poll: Int, _ wait: Duration, _ slowedDown: Bool) -> Void

    /// Wraps `base`, calling `announce` before each wait.
    init(
        base: any SanteClock,
        announce: @escaping @Sendable (_ poll: Int, _ wait: Duration, _ slowedDown: Bool) -> Void =
            PSCPollingClock.announceOnStandardError
    ) {
        self.base = base
        self.announce = announce
    }

    /// How many polls were announced so far.
    var pollCount: Int { waits.withLock { $0.count } }

    func now() -> Date { base.now() }

    func sleep(for duration: Duration) async throws {
        let (poll, slowedDown) = waits.withLock { waits in
            let slowedDown = waits.last.map { duration > $0 } ?? false
            waits.append(duration)
            return (waits.count, slowedDown)
        }
        announce(poll, duration, slowedDown)
        try await base.sleep(for: duration)
    }

    /// `poll 2 in 5 s…` on standard error, and a word when the provider asked to slow down.
    @Sendable static func announceOnStandardError(poll: Int, wait: Duration, slowedDown: Bool) {
        let seconds = Int(wait.timeInterval.rounded())
        let slowDown = slowedDown ? " (the provider asked to slow down)" : ""
        Terminal.info("Waiting for the professional to answer: poll \(poll) in \(seconds) s\(slowDown)…")
    }
}
