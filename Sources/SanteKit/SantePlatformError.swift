/// Why the platform facade could not give a client what it asked for.
public struct SantePlatformError: SanteError, Hashable {
    /// Always ``SanteErrorCode/configuration``.
    public var code: SanteErrorCode { .configuration }
    /// The facade operation that failed, such as `"platform.httpClient"`.
    public let operation: String?
    /// A readable explanation.
    public let message: String
    /// Always `nil`: nothing was sent.
    public var httpStatus: Int? { nil }
    /// Always `nil`.
    public var underlyingError: (any Error)? { nil }

    /// Creates an error.
    public init(operation: String?, message: String) {
        self.operation = operation
        self.message = message
    }

    /// The operation and the message.
    public var description: String {
        (operation.map { "\($0): " } ?? "") + message
    }
}
