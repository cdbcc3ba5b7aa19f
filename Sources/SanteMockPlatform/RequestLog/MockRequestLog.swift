/// Every request the mock received, in arrival order of their answers.
///
/// A request is recorded just before its response starts (or, for a reset, just before the connection
/// is reset), so a client that has seen a response or an error always finds its request in the log.
public actor MockRequestLog {
    private var records: [MockRequestRecord] = []

    /// Creates an empty log.
    public init() {}

    /// The recorded requests, oldest first.
    public var entries: [MockRequestRecord] { records }

    /// The recorded requests whose path is `path`, oldest first.
    /// - Parameter path: The exact request path.
    /// - Returns: The matching records.
    public func entries(forPath path: String) -> [MockRequestRecord] {
        records.filter { $0.path == path }
    }

    /// Forgets every recorded request.
    public func clear() {
        records.removeAll()
    }

    /// Appends a record.
    func append(_ record: MockRequestRecord) {
        records.append(record)
    }
}
