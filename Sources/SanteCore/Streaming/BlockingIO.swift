import Dispatch

/// Runs blocking work (file reads and writes) on a dedicated dispatch queue, never on the Swift
/// concurrency cooperative pool, and resumes the caller when it is done.
///
/// `package` so that SanteKit modules share one queue for their file I/O.
package enum BlockingIO {
    /// A concurrent queue whose threads are not the cooperative pool's: blocking there starves no task.
    private static let queue = DispatchQueue(label: "santekit.blocking-io", qos: .utility, attributes: .concurrent)

    /// Runs `work` on the blocking-I/O queue.
    /// - Parameter work: The blocking work.
    /// - Returns: What `work` returns.
    /// - Throws: What `work` throws.
    package static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
