/// One field that failed validation, and why.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// The field's path, such as `"patient.ins"` or `"content[0].attachment.hash"`.
    public let field: String
    /// A readable reason, such as `"control key is 12, expected 34"`.
    public let reason: String

    /// Creates an issue.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// `field: reason`.
    public var description: String { "\(field): \(reason)" }
}

/// Input refused before anything was sent, naming every invalid field.
public struct ValidationError: SanteError, Hashable {
    /// Always ``SanteErrorCode/validation``.
    public var code: SanteErrorCode { .validation }
    /// The operation that refused the input, when known.
    public let operation: String?
    /// Every field that failed, in the order they were checked.
    public let issues: [ValidationIssue]
    /// Always `nil`: nothing was sent.
    public var httpStatus: Int? { nil }
    /// Always `nil`.
    public var underlyingError: (any Error)? { nil }

    /// Creates a validation error.
    public init(operation: String? = nil, issues: [ValidationIssue]) {
        self.operation = operation
        self.issues = issues
    }

    /// Creates a validation error with a single issue.
    public init(operation: String? = nil, field: String, reason: String) {
        self.init(operation: operation, issues: [ValidationIssue(field: field, reason: reason)])
    }

    /// A one-line summary naming every field.
    public var description: String {
        let prefix = operation.map { "\($0): " } ?? ""
        return prefix + "invalid input: " + issues.map(\.description).joined(separator: "; ")
    }
}
