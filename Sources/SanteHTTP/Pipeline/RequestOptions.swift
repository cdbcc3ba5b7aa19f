/// Per-request settings chosen by the caller (usually a SanteKit client) for one logical request.
public struct RequestOptions: Sendable, Hashable {
    /// Whether a request may be sent again after a failed attempt.
    public enum RetryEligibility: Sendable, Hashable {
        /// Idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) may be retried; other methods
        /// only when the request carries an ``RequestOptions/idempotencyKey`` or when the transport
        /// reports that nothing was sent.
        case automatic
        /// The caller declares the request safe to repeat, whatever its method (for example an API
        /// that de-duplicates on a field of the body).
        case always
        /// Never retry, not even when nothing was sent.
        case never
    }

    /// The operation's identifier, such as `"dmp.publish"`, used in logs and errors.
    public var operation: String?
    /// A key the server uses to de-duplicate repeated requests. A non-idempotent request that carries
    /// one may be retried. It is sent as a header only when the pipeline has an
    /// ``IdempotencyKeyMiddleware`` (each API names the header differently).
    public var idempotencyKey: String?
    /// Whether the request may be retried.
    public var retryEligibility: RetryEligibility
    /// The time allowed for the whole request, retries included; overrides the client's timeout.
    public var timeout: Duration?

    /// Creates request options.
    /// - Parameters:
    ///   - operation: The operation's identifier, for logs and errors.
    ///   - idempotencyKey: A de-duplication key that makes a non-idempotent request retryable.
    ///   - retryEligibility: Whether the request may be retried (default ``RetryEligibility/automatic``).
    ///   - timeout: The time allowed for the request; `nil` uses the client's timeout.
    public init(
        operation: String? = nil,
        idempotencyKey: String? = nil,
        retryEligibility: RetryEligibility = .automatic,
        timeout: Duration? = nil
    ) {
        self.operation = operation
        self.idempotencyKey = idempotencyKey
        self.retryEligibility = retryEligibility
        self.timeout = timeout
    }
}
