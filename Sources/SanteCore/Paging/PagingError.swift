/// A paged listing that cannot go on.
public struct PagingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Hashable, Sendable {
        /// The service returned, as the next cursor, the cursor of the page just fetched: following
        /// it would fetch the same page forever.
        case cursorDidNotAdvance
    }

    /// What went wrong.
    public let reason: Reason
    /// The number of pages fetched before the failure.
    public let pagesFetched: Int

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - reason: What went wrong.
    ///   - pagesFetched: The number of pages fetched before the failure.
    public init(reason: Reason, pagesFetched: Int) {
        self.reason = reason
        self.pagesFetched = pagesFetched
    }

    /// A readable explanation.
    public var description: String {
        switch reason {
        case .cursorDidNotAdvance:
            "page \(pagesFetched) returned its own cursor as the next cursor; stopping to avoid an endless loop"
        }
    }
}
