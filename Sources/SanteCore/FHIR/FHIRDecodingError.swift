/// FHIR JSON that did not decode into the expected type, with the path of the offending member.
public struct FHIRDecodingError: SanteError {
    /// Always ``SanteErrorCode/decoding``.
    public var code: SanteErrorCode { .decoding }
    /// The path of the member that failed, such as `"entry[0].response.lastModified"`; empty for the root.
    public let codingPath: String
    /// What was wrong, such as `"expected String"` or `"missing required member"`.
    public let message: String
    /// The operation that was decoding, when known.
    public let operation: String?
    /// The HTTP status of the response that carried the JSON, when known.
    public let httpStatus: Int?
    /// The `DecodingError` or other error this one was made from, if any.
    public let underlyingError: (any Error)?

    /// Creates a decoding error.
    ///
    /// - Parameters:
    ///   - codingPath: The path of the member that failed, empty for the root.
    ///   - message: What was wrong.
    ///   - operation: The operation that was decoding, when known.
    ///   - httpStatus: The HTTP status of the response, when known.
    ///   - underlyingError: The error this one was made from, if any.
    public init(
        codingPath: String,
        message: String,
        operation: String? = nil,
        httpStatus: Int? = nil,
        underlyingError: (any Error)? = nil
    ) {
        self.codingPath = codingPath
        self.message = message
        self.operation = operation
        self.httpStatus = httpStatus
        self.underlyingError = underlyingError
    }

    /// Creates an error from a `DecodingError`, turning its coding path into `entry[0].resource` form.
    ///
    /// - Parameters:
    ///   - error: The error thrown by a `Decoder`.
    ///   - operation: The operation that was decoding, when known.
    ///   - httpStatus: The HTTP status of the response, when known.
    public init(_ error: DecodingError, operation: String? = nil, httpStatus: Int? = nil) {
        let path: [any CodingKey]
        let message: String
        switch error {
        case .typeMismatch(let type, let context):
            path = context.codingPath
            message = "expected \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            path = context.codingPath
            message = "expected \(type), found null or nothing: \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            message = "missing required member"
        case .dataCorrupted(let context):
            path = context.codingPath
            message = context.debugDescription
        @unknown default:
            path = []
            message = String(describing: error)
        }
        self.init(
            codingPath: Self.render(path),
            message: message,
            operation: operation,
            httpStatus: httpStatus,
            underlyingError: error
        )
    }

    /// `operation: decoding failed at path: message`.
    public var description: String {
        let prefix = operation.map { "\($0): " } ?? ""
        let location = codingPath.isEmpty ? "(root)" : codingPath
        return prefix + "decoding failed at \(location): \(message)"
    }

    /// Renders coding keys as `entry[0].resource.meta`.
    static func render(_ path: [any CodingKey]) -> String {
        var rendered = ""
        for key in path {
            if let index = key.intValue {
                rendered += "[\(index)]"
            } else {
                if !rendered.isEmpty { rendered += "." }
                rendered += key.stringValue
            }
        }
        return rendered
    }

    /// Prefixes the path with `prefix`, for errors raised while decoding a nested value.
    func nested(under prefix: String) -> FHIRDecodingError {
        let path: String
        if prefix.isEmpty {
            path = codingPath
        } else if codingPath.isEmpty {
            path = prefix
        } else {
            path = codingPath.hasPrefix("[") ? prefix + codingPath : prefix + "." + codingPath
        }
        return FHIRDecodingError(
            codingPath: path,
            message: message,
            operation: operation,
            httpStatus: httpStatus,
            underlyingError: underlyingError
        )
    }
}
