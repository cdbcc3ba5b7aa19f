public import Testing

extension TransportConformance {
    /// One behaviour of the transport contract.
    public enum Check: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// Method, path, query and header fields reach the server unchanged, and the response's fields come back.
        case requestHeadPreserved
        /// A request body of known length arrives intact, with `Content-Length`.
        case requestBodyIntact
        /// A request body of unknown length arrives intact (chunked when the transport streams).
        case requestBodyOfUnknownLength
        /// A 1 MiB body travels intact both ways.
        case largeBodiesBothWays
        /// A response body has the announced length and every byte, read chunk by chunk.
        case responseBodyLength
        /// A streaming transport returns the response before a slow body has finished arriving.
        case responseStreamsWhileArriving
        /// A 404 or a 500 is returned as a response, with its body: the transport does not throw on a status.
        case statusPassthrough
        /// A refused connection throws a `.transport` error saying nothing was sent.
        case connectionRefused
        /// A reset connection throws a `.transport` error, without the transport sending the request again.
        case connectionReset
        /// A body cut short throws a `.transport` error saying it was truncated.
        case truncatedBody
        /// A server slower than the transport's timeout gives a `.timeout` error, promptly.
        case transportTimeout
        /// A request's own ``SanteHTTP/RequestOptions/timeout`` is honoured.
        case requestTimeout
        /// Cancelling the calling task ends the request promptly with `.cancelled`.
        case cancellation
        /// A deadline in the request context (a timeout middleware's) ends the request promptly with that
        /// middleware's `.timeout` error, however long the transport's own timeout.
        case contextDeadline
        /// Through the standard middlewares, a timeout ends a slow request promptly, with one attempt: no retry
        /// starts past the deadline.
        case timeoutThroughStandardMiddlewares
        /// A malformed JSON body comes back as bytes: decoding is not the transport's job.
        case malformedJSONPassthrough

        /// The check's name, as test results show it.
        public var testDescription: String { rawValue }

        var body: @Sendable (ConformanceTarget) async throws -> Void {
            switch self {
            case .requestHeadPreserved: RequestChecks.requestHeadPreserved
            case .requestBodyIntact: RequestChecks.requestBodyIntact
            case .requestBodyOfUnknownLength: RequestChecks.requestBodyOfUnknownLength
            case .largeBodiesBothWays: BodyChecks.largeBodiesBothWays
            case .responseBodyLength: BodyChecks.responseBodyLength
            case .responseStreamsWhileArriving: BodyChecks.responseStreamsWhileArriving
            case .statusPassthrough: ResponseChecks.statusPassthrough
            case .malformedJSONPassthrough: ResponseChecks.malformedJSONPassthrough
            case .connectionRefused: FailureChecks.connectionRefused
            case .connectionReset: FailureChecks.connectionReset
            case .truncatedBody: FailureChecks.truncatedBody
            case .transportTimeout: TimingChecks.transportTimeout
            case .requestTimeout: TimingChecks.requestTimeout
            case .cancellation: TimingChecks.cancellation
            case .contextDeadline: DeadlineChecks.contextDeadline
            case .timeoutThroughStandardMiddlewares: DeadlineChecks.timeoutThroughStandardMiddlewares
            }
        }
    }
}
