import Synchronization

/// Sends `total` requests with `workers` tasks that each take the next request number until none is left.
public enum ConcurrentRequests {
    /// Runs `fetch` `total` times on `workers` concurrent tasks (`workers` 1 sends them one after the other).
    /// - Returns: The total number of body bytes received, or a negative number when a response was not 200.
    public static func run(
        total: Int, workers: Int, _ fetch: @escaping @Sendable () async throws -> Int
    ) async throws -> Int {
        if workers <= 1 {
            var bytes = 0
            for _ in 0..<total {
                let received = try await fetch()
                if received < 0 { return -1 }
                bytes += received
            }
            return bytes
        }
        let next = RequestCounter()
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var bytes = 0
                    while next.take() < total {
                        let received = try await fetch()
                        if received < 0 { return -1 }
                        bytes += received
                    }
                    return bytes
                }
            }
            var bytes = 0
            for try await received in group {
                if received < 0 { return -1 }
                bytes += received
            }
            return bytes
        }
    }
}

/// The next request number, shared by the workers.
final class RequestCounter: Sendable {
    private let value = Atomic<Int>(0)

    /// Returns the next number, starting at 0.
    func take() -> Int {
        value.add(1, ordering: .relaxed).oldValue
    }
}
