public import Foundation
import Synchronization

/// A clock that only moves when a test says so.
///
/// Sleepers are suspended until ``advance(by:)`` moves the clock past their deadline, or until
/// their task is cancelled. In ``Mode/automatic`` mode a sleep advances the clock by itself and
/// returns at once, which suits tests that only need to know *how long* code would have waited.
///
/// ```swift
/// let clock = TestClock(now: Date(timeIntervalSince1970: 1_700_000_000))
/// async let token = manager.validAccessToken()
/// await clock.waitForSleepers(1)
/// clock.advance(by: .seconds(120))
/// ```
public final class TestClock: SanteClock {
    /// How sleeps behave.
    public enum Mode: Sendable {
        /// Sleeps wait until the test advances the clock.
        case manual
        /// A sleep advances the clock by its own duration and returns immediately.
        case automatic
    }

    private struct Sleeper {
        let id: UInt64
        let deadline: Date
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Date
        var nextID: UInt64 = 0
        var sleepers: [Sleeper] = []
        var sleeps: [Duration] = []
        /// Sleepers that have an id but are not yet in `sleepers`.
        var registering: Set<UInt64> = []
        /// Sleepers cancelled while registering; each id is removed when its sleeper registers.
        var cancelled: Set<UInt64> = []
    }

    private let mode: Mode
    private let state: Mutex<State>

    /// Creates a test clock.
    /// - Parameters:
    ///   - now: The initial time. Defaults to 2026-01-01T00:00:00Z, so that tests are reproducible.
    ///   - mode: Whether sleeps wait for ``advance(by:)`` (the default) or advance the clock themselves.
    public init(now: Date = Date(timeIntervalSince1970: 1_767_225_600), mode: Mode = .manual) {
        self.mode = mode
        self.state = Mutex(State(now: now))
    }

    /// The clock's current time.
    public func now() -> Date {
        state.withLock { $0.now }
    }

    /// Every duration passed to ``sleep(for:)`` so far, in order.
    public var recordedSleeps: [Duration] {
        state.withLock { $0.sleeps }
    }

    /// The number of tasks currently suspended in ``sleep(for:)``.
    public var sleeperCount: Int {
        state.withLock { $0.sleepers.count }
    }

    /// Suspends until the clock is advanced past `now + duration`, or returns at once in automatic mode.
    public func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        if mode == .automatic {
            let resumed: [Sleeper] = state.withLock { state in
                state.sleeps.append(duration)
                state.now += duration.timeInterval
                return Self.takeDue(&state)
            }
            resumed.forEach { $0.continuation.resume() }
            return
        }
        if duration <= .zero {
            state.withLock { $0.sleeps.append(duration) }
            return
        }
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            state.registering.insert(state.nextID)
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let cancelledEarly = state.withLock { state -> Bool in
                    state.sleeps.append(duration)
                    state.registering.remove(id)
                    if state.cancelled.remove(id) != nil { return true }
                    state.sleepers.append(
                        Sleeper(id: id, deadline: state.now + duration.timeInterval, continuation: continuation))
                    return false
                }
                if cancelledEarly { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                    // Not registered yet: tell the registration. Already resumed: nothing to remember.
                    if state.registering.contains(id) { state.cancelled.insert(id) }
                    return nil
                }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock forward and wakes every sleeper whose deadline has passed.
    public func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.now += duration.timeInterval
            return Self.takeDue(&state)
        }
        due.forEach { $0.continuation.resume() }
    }

    /// Sets the clock to `date` (forward or backward) and wakes every sleeper whose deadline has passed.
    public func set(to date: Date) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = date
            return Self.takeDue(&state)
        }
        due.forEach { $0.continuation.resume() }
    }

    /// The default bound of ``waitForSleepers(_:maximumYields:)``: one million yields.
    public static let defaultMaximumYields = 1_000_000

    /// Waits (by yielding, never by sleeping on the real clock) until at least `count` tasks sleep on this clock.
    ///
    /// The wait is bounded: after `maximumYields` yields without enough sleepers (or when the calling task
    /// is cancelled) it gives up and returns `false` instead of spinning forever, so a test whose code never
    /// sleeps fails on its next expectation rather than hanging. Check the result with `#expect` when it matters.
    /// - Parameters:
    ///   - count: The number of sleepers to wait for (default 1).
    ///   - maximumYields: How many times to yield before giving up (default ``defaultMaximumYields``).
    /// - Returns: `true` once at least `count` tasks sleep; `false` when the bound was reached first.
    @discardableResult
    public func waitForSleepers(_ count: Int = 1, maximumYields: Int = TestClock.defaultMaximumYields) async -> Bool {
        var yields = 0
        while sleeperCount < count {
            guard yields < maximumYields, !Task.isCancelled else { return false }
            await Task.yield()
            yields += 1
        }
        return true
    }

    /// The number of cancelled sleepers remembered while they register (for tests of the clock itself).
    var rememberedCancellationCount: Int {
        state.withLock { $0.cancelled.count + $0.registering.count }
    }

    private static func takeDue(_ state: inout State) -> [Sleeper] {
        let now = state.now
        let due = state.sleepers.filter { $0.deadline <= now }
        state.sleepers.removeAll { $0.deadline <= now }
        return due
    }
}
