/// What travels with a request through the middlewares to the transport, beside the request itself.
public struct RequestContext: Sendable, Hashable {
    /// The caller's options for this request.
    public var options: RequestOptions
    /// The attempt number, starting at 1; the retry middleware increments it for each new attempt.
    public var attempt: Int
    /// When the response head must have arrived, set by a ``TimeoutMiddleware`` on the system clock.
    package var deadline: RequestDeadline?

    /// Creates a context.
    /// - Parameters:
    ///   - options: The caller's options.
    ///   - attempt: The attempt number (1 for the first attempt).
    public init(options: RequestOptions = RequestOptions(), attempt: Int = 1) {
        self.options = options
        self.attempt = attempt
    }

    /// The operation's identifier, when the caller gave one.
    public var operation: String? { options.operation }
}
