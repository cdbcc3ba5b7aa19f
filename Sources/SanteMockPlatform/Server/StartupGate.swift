import Synchronization

/// Hands the bound port from the server's "running" callback to the task waiting in `MockPlatform.start`,
/// or the error that stopped the server before it listened. The first outcome wins.
final class StartupGate: Sendable {
    private enum State {
        case waiting(CheckedContinuation<Int, any Error>?)
        case finished(Result<Int, any Error>)
    }

    private let state = Mutex<State>(.waiting(nil))

    /// Reports the bound port.
    func succeed(port: Int) {
        finish(.success(port))
    }

    /// Reports that the server stopped (or failed) before listening.
    func fail(_ error: any Error) {
        finish(.failure(error))
    }

    /// Waits for the outcome.
    func wait() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let result: Result<Int, any Error>? = state.withLock { state in
                switch state {
                case .waiting:
                    state = .waiting(continuation)
                    return nil
                case .finished(let result):
                    return result
                }
            }
            if let result {
                continuation.resume(with: result)
            }
        }
    }

    private func finish(_ result: Result<Int, any Error>) {
        let continuation: CheckedContinuation<Int, any Error>? = state.withLock { state in
            guard case .waiting(let continuation) = state else { return nil }
            state = .finished(result)
            return continuation
        }
        continuation?.resume(with: result)
    }
}
