/// A FHIR value that could not be written as JSON, such as a number that is not finite.
public struct FHIREncodingError: SanteError {
    /// Always ``SanteErrorCode/validation``: the value itself cannot be represented.
    public var code: SanteErrorCode { .validation }
    /// The path of the member that failed, such as `"extension[0].valueDecimal"`; empty for the root.
    public let codingPath: String
    /// What was wrong.
    public let message: String
    /// The operation that was encoding, when known.
    public let operation: String?
    /// Always `nil`: nothing was sent.
    public var httpStatus: Int? { nil }
    /// The `EncodingError` this one was made from, if any.
    public let underlyingError: (any Error)?

    /// Creates an encoding error.
    ///
    /// - Parameters:
    ///   - codingPath: The path of the member that failed, empty for the root.
    ///   - message: What was wrong.
    ///   - operation: The operation that was encoding, when known.
    ///   - underlyingError: The error this one was made from, if any.
    public init(codingPath: String, message: String, operation: String? = nil, underlyingError: (any Error)? = nil) {
        self.codingPath = codingPath
        self.message = message
        self.operation = operation
        self.underlyingError = underlyingError
    }

    /// Creates an error from an `EncodingError` or any other error thrown while encoding.
    ///
    /// - Parameters:
    ///   - error: The error thrown by an `Encoder`.
    ///   - operation: The operation that was encoding, when known.
    public init(_ error: any Error, operation: String? = nil) {
        if let encodingError = error as? EncodingError, case .invalidValue(_, let context) = encodingError {
            self.init(
                codingPath: FHIRDecodingError.render(context.codingPath),
                message: context.debugDescription,
                operation: operation,
                underlyingError: error
            )
        } else {
            self.init(codingPath: "", message: String(describing: error), operation: operation, underlyingError: error)
        }
    }

    /// `operation: encoding failed at path: message`.
    public var description: String {
        let prefix = operation.map { "\($0): " } ?? ""
        let location = codingPath.isEmpty ? "(root)" : codingPath
        return prefix + "encoding failed at \(location): \(message)"
    }
}
