import ServiceLifecycle
import Synchronization

/// Runs the server's service group and stops it once: graceful shutdown first (in-flight requests finish,
/// idle connections close), then cancellation when that takes longer than the grace period.
final class ServerLifecycle: Sendable {
    /// How long a graceful shutdown may take before the server is cancelled.
    static let gracePeriod: Duration = .seconds(2)

    private let group: ServiceGroup
    private let runTask: Task<Void, Never>
    private let stopTask = Mutex<Task<Void, Never>?>(nil)

    init(group: ServiceGroup, runTask: Task<Void, Never>) {
        self.group = group
        self.runTask = runTask
    }

    /// Whether ``stop()`` has been called.
    var isStopping: Bool { stopTask.withLock { $0 != nil } }

    /// Stops the server and waits until it has released its socket. Later calls wait for the same stop.
    func stop() async {
        let task = stopTask.withLock { existing -> Task<Void, Never> in
            if let existing {
                return existing
            }
            let group = self.group
            let runTask = self.runTask
            let task = Task {
                await group.triggerGracefulShutdown()
                let watchdog = Task {
                    try? await Task.sleep(for: Self.gracePeriod, clock: .continuous)
                    if !Task.isCancelled {
                        runTask.cancel()
                    }
                }
                await runTask.value
                watchdog.cancel()
            }
            existing = task
            return task
        }
        await task.value
    }

    /// Cancels the server without waiting, for a platform released without ``stop()``.
    func cancel() {
        runTask.cancel()
    }
}
