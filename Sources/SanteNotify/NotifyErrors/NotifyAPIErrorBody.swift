public import SanteCore

/// The Notify error body: `{"status_code": 403, "errors": [{"error": "AuthError", "message": "…"}]}`.
///
/// Branch on ``NotifyError/reason`` or on ``Item/error``, never on ``Item/message``, as Notify's
/// documentation says.
public struct NotifyAPIErrorBody: Sendable, Hashable, Codable {
    /// One error of the list.
    public struct Item: Sendable, Hashable, Codable {
        /// The error class, such as `"AuthError"`, `"ValidationError"` or `"RateLimitError"`.
        public var error: String
        /// The human-readable message.
        public var message: String?

        /// Creates an item.
        /// - Parameters:
        ///   - error: The error class.
        ///   - message: The message.
        public init(error: String, message: String? = nil) {
            self.error = error
            self.message = message
        }
    }

    /// The HTTP status the body repeats.
    public var statusCode: Int?
    /// The errors.
    public var errors: [Item]
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a body.
    /// - Parameters:
    ///   - statusCode: The status.
    ///   - errors: The errors.
    public init(statusCode: Int?, errors: [Item]) {
        self.statusCode = statusCode
        self.errors = errors
    }

    /// Decodes the body, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        statusCode = try object.optional("status_code")
        errors = try object.array("errors")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the body with its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(statusCode, "status_code")
        try object.encode(errors, "errors")
        try object.finish(with: additionalMembers)
    }

    /// Whether one of the errors is of class `name`.
    /// - Parameter name: The error class, such as `"RateLimitError"`.
    /// - Returns: `true` when an error of that class is listed.
    public func contains(_ name: String) -> Bool {
        errors.contains { $0.error == name }
    }
}
