/// The most recent requests the mock received, in arrival order of their answers.
///
/// A request is recorded just before its response starts (or, for a reset, just before the connection
/// is reset), so a client that has seen a response or an error always finds its request in the log.
///
/// The log is a bounded ring: it keeps the last ``capacity`` records (10 000 by default, see
/// ``MockPlatform/Configuration/requestLogCapacity``) and forgets the oldest beyond that, so that a
/// long-running mock does not grow without limit. ``droppedCount`` tells how many were forgotten.
public actor MockRequestLog {
    /// The default number of records kept: 10 000.
    public static let defaultCapacity = 10_000

    /// The largest number of records kept; `0` keeps none.
    public nonisolated let capacity: Int

    private var storage: [MockRequestRecord] = []
    /// The index of the oldest record once `storage` is full.
    private var oldest = 0

    /// How many records were forgotten because the log was full, since the start or the last ``clear()``.
    public private(set) var droppedCount = 0

    /// Creates an empty log.
    /// - Parameter capacity: The largest number of records kept (default ``defaultCapacity``); a negative
    ///   value is treated as `0`.
    public init(capacity: Int = MockRequestLog.defaultCapacity) {
        self.capacity = max(0, capacity)
    }

    /// The recorded requests, oldest first (at most ``capacity``).
    public var entries: [MockRequestRecord] {
        guard oldest > 0 else { return storage }
        return Array(storage[oldest...] + storage[..<oldest])
    }

    /// The recorded requests whose path is `path`, oldest first.
    /// - Parameter path: The exact request path.
    /// - Returns: The matching records.
    public func entries(forPath path: String) -> [MockRequestRecord] {
        entries.filter { $0.path == path }
    }

    /// Forgets every recorded request.
    public func clear() {
        storage.removeAll()
        oldest = 0
        droppedCount = 0
    }

    /// Appends a record, forgetting the oldest one when the log is full.
    func append(_ record: MockRequestRecord) {
        guard capacity > 0 else {
            droppedCount += 1
            return
        }
        if storage.count < capacity {
            storage.append(record)
        } else {
            storage[oldest] = record
            oldest = (oldest + 1) % capacity
            droppedCount += 1
        }
    }
}
