import Foundation
import SanteCore
import Synchronization

/// The background work of the notification services (status timers, deliveries, retries, heartbeats):
/// tasks that wait on the platform clock, all cancelled by ``stop()``.
final class MockScheduler: Sendable {
    private struct State {
        var tasks: [UInt64: Task<Void, Never>] = [:]
        var finishedEarly: Set<UInt64> = []
        var nextID: UInt64 = 0
        var isStopped = false
    }

    /// The platform clock.
    let clock: any SanteClock
    private let state = Mutex(State())

    /// Creates a scheduler on `clock`.
    init(clock: any SanteClock) {
        self.clock = clock
    }

    /// The number of tasks not finished yet.
    var pendingCount: Int { state.withLock { $0.tasks.count } }

    /// Runs `work` now, in a task of its own (ignored once stopped).
    func run(_ work: @escaping @Sendable () async -> Void) {
        _ = runTask(work)
    }

    /// Runs `work` now, in a task of its own, and returns the task (`nil` once stopped).
    @discardableResult
    func runTask(_ work: @escaping @Sendable () async -> Void) -> Task<Void, Never>? {
        let id: UInt64? = state.withLock { state in
            guard !state.isStopped else { return nil }
            state.nextID += 1
            return state.nextID
        }
        guard let id else { return nil }
        let task = Task { [weak self] in
            await work()
            self?.finished(id)
        }
        let keep = state.withLock { state -> Bool in
            if state.finishedEarly.remove(id) != nil { return false }
            if state.isStopped { return false }
            state.tasks[id] = task
            return true
        }
        if !keep {
            task.cancel()
        }
        return task
    }

    /// Runs `job` once `delay` has passed on the platform clock (counted from now, see ``schedule(at:_:)``).
    func schedule(after delay: Duration, _ job: @escaping @Sendable () async -> Void) {
        schedule(at: clock.now() + delay.timeInterval, job)
    }

    /// Runs `job` once the platform clock reaches `deadline`.
    ///
    /// The wait is computed when the task starts, from the deadline: a test that advances a `TestClock` past
    /// the deadline before the task began waiting still gets the job run at once, not one delay later.
    func schedule(at deadline: Date, _ job: @escaping @Sendable () async -> Void) {
        let clock = self.clock
        run {
            let remaining = deadline.timeIntervalSince(clock.now())
            if remaining > 0 {
                do {
                    try await clock.sleep(for: .interval(remaining))
                } catch {
                    return
                }
            }
            guard !Task.isCancelled else { return }
            await job()
        }
    }

    /// Cancels every task and refuses new ones; waits until the cancelled tasks have returned.
    func stop() async {
        let tasks = state.withLock { state -> [Task<Void, Never>] in
            state.isStopped = true
            let tasks = Array(state.tasks.values)
            state.tasks = [:]
            return tasks
        }
        for task in tasks {
            task.cancel()
        }
        for task in tasks {
            await task.value
        }
    }

    /// Cancels every task without waiting (for a platform released without `stop()`).
    func cancelAll() {
        let tasks = state.withLock { state -> [Task<Void, Never>] in
            state.isStopped = true
            let tasks = Array(state.tasks.values)
            state.tasks = [:]
            return tasks
        }
        tasks.forEach { $0.cancel() }
    }

    private func finished(_ id: UInt64) {
        state.withLock { state in
            if state.tasks.removeValue(forKey: id) == nil {
                state.finishedEarly.insert(id)
            }
        }
    }
}
