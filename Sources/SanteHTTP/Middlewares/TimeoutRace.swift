import Synchronization

/// The race between a request and its deadline: decided once, by whichever comes first.
final class TimeoutRace: DeadlineExpiring {
    /// Who won.
    enum Outcome: Sendable {
        /// The request finished (with a response or an error).
        case finished
        /// The deadline passed first.
        case timedOut
    }

    private enum State {
        case pending
        case waiting(CheckedContinuation<Outcome, Never>)
        case decided(Outcome)
    }

    private let state = Mutex(State.pending)

    init() {}

    /// Decides the race, unless it is already decided, and wakes the waiter.
    func decide(_ outcome: Outcome) {
        let waiter = state.withLock { state -> CheckedContinuation<Outcome, Never>? in
            switch state {
            case .pending:
                state = .decided(outcome)
                return nil
            case .waiting(let continuation):
                state = .decided(outcome)
                return continuation
            case .decided:
                return nil
            }
        }
        waiter?.resume(returning: outcome)
    }

    /// Decides the race as timed out.
    func deadlinePassed() {
        decide(.timedOut)
    }

    /// Waits until the race is decided. Only one task may wait.
    func outcome() async -> Outcome {
        await withCheckedContinuation { continuation in
            let decided = state.withLock { state -> Outcome? in
                if case .decided(let outcome) = state { return outcome }
                state = .waiting(continuation)
                return nil
            }
            if let decided { continuation.resume(returning: decided) }
        }
    }
}
