public import SanteCore

/// An error raised while configuring, starting or driving the mock platform.
public struct MockPlatformError: SanteError {
    /// The stable error code: ``SanteCore/SanteErrorCode/configuration`` for a configuration the mock cannot use,
    /// ``SanteCore/SanteErrorCode/transport`` when the server could not start listening.
    public let code: SanteErrorCode
    /// The operation that failed, such as `"mock.start"`.
    public let operation: String?
    /// Always `nil`: the mock raises these errors itself, never from an HTTP response.
    public var httpStatus: Int? { nil }
    /// The lower-level error, such as the socket error raised when binding.
    public let underlyingError: (any Error)?
    /// A human-readable explanation.
    public let message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: The stable error code.
    ///   - operation: The operation that failed.
    ///   - message: A human-readable explanation.
    ///   - underlyingError: The lower-level error, if any.
    public init(code: SanteErrorCode, operation: String?, message: String, underlyingError: (any Error)? = nil) {
        self.code = code
        self.operation = operation
        self.message = message
        self.underlyingError = underlyingError
    }

    /// The message, prefixed by the operation and followed by the underlying error when there is one.
    public var description: String {
        var text = operation.map { "\($0): \(message)" } ?? message
        if let underlyingError {
            text += " (\(underlyingError))"
        }
        return text
    }
}
