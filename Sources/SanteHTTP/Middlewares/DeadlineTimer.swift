import Dispatch
import Synchronization

/// What a ``DeadlineTimer`` tells when its deadline passes: a timeout race, or a transport's request.
package protocol DeadlineExpiring: AnyObject, Sendable {
    /// Called once, on a Dispatch queue, when the deadline passed before the entry was removed.
    func deadlinePassed()
}

/// One Dispatch timer for every pending deadline of a ``TimeoutMiddleware`` on the system clock.
///
/// Racing each request against its own `Task.sleep` costs a child task and a Dispatch timer per request,
/// and a cancelled sleep keeps its timer until the deadline passes. Here a request adds one entry to a
/// table and removes it when it finishes; the single timer is set for the earliest deadline, and when it
/// fires it tells every expired entry and sets itself for the next deadline. A timer left set for an
/// entry that was removed fires once for nothing. Transports that enforce a ``RequestDeadline`` add their
/// requests to the timer the deadline names.
package final class DeadlineTimer: Sendable {
    private struct Entry {
        let deadline: UInt64
        let target: any DeadlineExpiring
    }

    private struct State {
        var nextID: UInt64 = 0
        var entries: [UInt64: Entry] = [:]
        /// The uptime, in nanoseconds, the timer is set for; `nil` when it is not set.
        var armedDeadline: UInt64?
        var source: (any DispatchSourceTimer)?
    }

    /// How late the timer may fire, so that the system can group wake-ups.
    private static let leeway = DispatchTimeInterval.milliseconds(5)

    private let state = Mutex(State())

    package init() {}

    deinit {
        state.withLock { $0.source?.cancel() }
    }

    /// Tells `target` once the system uptime reaches `deadline` nanoseconds, unless ``remove(_:)`` comes first
    /// (at once, from the timer's queue, when it has already passed).
    /// - Returns: The entry's id, for ``remove(_:)``.
    package func add(_ target: any DeadlineExpiring, atUptime deadline: UInt64) -> UInt64 {
        state.withLock { state in
            state.nextID &+= 1
            let id = state.nextID
            state.entries[id] = Entry(deadline: deadline, target: target)
            if state.armedDeadline.map({ deadline < $0 }) ?? true {
                arm(&state, at: deadline)
            }
            return id
        }
    }

    /// Forgets an entry whose request finished.
    package func remove(_ id: UInt64) {
        _ = state.withLock { $0.entries.removeValue(forKey: id) }
    }

    /// The number of pending entries (for tests).
    var pendingCount: Int {
        state.withLock { $0.entries.count }
    }

    private func arm(_ state: inout State, at deadline: UInt64) {
        let source: any DispatchSourceTimer
        if let existing = state.source {
            source = existing
        } else {
            source = DispatchSource.makeTimerSource(queue: .global())
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
            state.source = source
        }
        source.schedule(deadline: DispatchTime(uptimeNanoseconds: deadline), leeway: Self.leeway)
        state.armedDeadline = deadline
    }

    private func fire() {
        let now = DispatchTime.now().uptimeNanoseconds
        let expired = state.withLock { state -> [any DeadlineExpiring] in
            var expired: [any DeadlineExpiring] = []
            var earliest: UInt64?
            for (id, entry) in state.entries {
                if entry.deadline <= now {
                    expired.append(entry.target)
                    state.entries.removeValue(forKey: id)
                } else if earliest.map({ entry.deadline < $0 }) ?? true {
                    earliest = entry.deadline
                }
            }
            if let earliest {
                arm(&state, at: earliest)
            } else {
                state.armedDeadline = nil
            }
            return expired
        }
        for target in expired { target.deadlinePassed() }
    }

    /// The longest wait the timer takes: 100 years. A longer limit never fires, and Dispatch is never given a
    /// time it could overflow on.
    package static let longestWait = Duration.seconds(100 * 365 * 24 * 3600)

    /// The uptime in nanoseconds `duration` from now (now itself for a zero or negative duration), or `nil`
    /// beyond ``longestWait``.
    package static func uptime(after duration: Duration) -> UInt64? {
        let now = DispatchTime.now().uptimeNanoseconds
        guard duration > .zero else { return now }
        guard duration <= longestWait else { return nil }
        let components = duration.components
        // At most 100 years: about 3.2e18 ns, which fits in a UInt64 next to the uptime.
        let nanoseconds = UInt64(components.seconds) * 1_000_000_000 + UInt64(components.attoseconds / 1_000_000_000)
        let (total, overflow) = now.addingReportingOverflow(nanoseconds)
        return overflow ? nil : total
    }
}
