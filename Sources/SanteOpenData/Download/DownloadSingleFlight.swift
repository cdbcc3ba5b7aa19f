/// Makes concurrent downloads of the same file (same destination or cache entry) share one transfer, so
/// that two tasks never write the same partial file.
actor DownloadSingleFlight {
    static let shared = DownloadSingleFlight()

    private var running: [String: Task<DownloadResult, any Error>] = [:]

    /// Runs `work` for `key`, or waits for the run already in progress and returns its result.
    /// Cancelling the caller that started the run cancels it.
    func run(key: String, _ work: @escaping @Sendable () async throws -> DownloadResult) async throws
        -> DownloadResult
    {
        if let existing = running[key] {
            return try await existing.value
        }
        let task = Task { try await work() }
        running[key] = task
        defer { running[key] = nil }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }
}
