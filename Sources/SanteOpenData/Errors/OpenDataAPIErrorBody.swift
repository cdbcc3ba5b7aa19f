public import SanteCore

/// The error body of data.gouv.fr (udata) and of the tabular API, decoded.
///
/// - udata: `{"message": "Input payload validation failed", "errors": {"page_size": "…"}}` (400),
///   `{"message": "Invalid API token"}` (401), `{"message": "The requested URL was not found…"}` (404);
/// - tabular API: `{"errors": [{"code": …, "title": "…", "detail": "…"}]}`.
///
/// Members not modelled here are kept in ``additionalMembers``.
public struct OpenDataAPIErrorBody: Hashable, Sendable, Codable {
    /// One item of the tabular API's `errors` list.
    public struct Item: Hashable, Sendable, Codable {
        /// The error code, when given (often an event id or `null`).
        public var code: String?
        /// A short title, such as `"Invalid query string"`.
        public var title: String?
        /// The detail.
        public var detail: String?

        /// Creates an item.
        /// - Parameters:
        ///   - code: The error code.
        ///   - title: A short title.
        ///   - detail: The detail.
        public init(code: String? = nil, title: String? = nil, detail: String? = nil) {
            self.code = code
            self.title = title
            self.detail = detail
        }

        /// Decodes an item, reading a numeric code as text.
        public init(from decoder: any Decoder) throws {
            var object = try FHIRObjectDecoder(decoder)
            code = try object.optional("code", as: JSONValue.self).flatMap(Self.text)
            title = try object.optional("title", as: JSONValue.self).flatMap(Self.text)
            detail = try object.optional("detail", as: JSONValue.self).flatMap(Self.text)
        }

        private static func text(_ value: JSONValue) -> String? {
            switch value {
            case .string(let text): text
            case .integer(let number): String(number)
            case .number(let number): String(number)
            case .null: nil
            default: String(describing: value)
            }
        }
    }

    /// The server's message.
    public var message: String?
    /// udata's per-field validation errors (`errors` as an object), such as `["page_size": "…"]`.
    public var fieldErrors: [String: String]
    /// The tabular API's error list (`errors` as an array).
    public var errors: [Item]
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue]

    /// Creates a body.
    /// - Parameters:
    ///   - message: The server's message.
    ///   - fieldErrors: Per-field validation errors.
    ///   - errors: The tabular API's error list.
    ///   - additionalMembers: Other members.
    public init(
        message: String? = nil,
        fieldErrors: [String: String] = [:],
        errors: [Item] = [],
        additionalMembers: [String: JSONValue] = [:]
    ) {
        self.message = message
        self.fieldErrors = fieldErrors
        self.errors = errors
        self.additionalMembers = additionalMembers
    }

    /// Decodes either format.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        message = try object.optional("message", as: String.self)
        fieldErrors = [:]
        errors = []
        switch try object.optional("errors", as: JSONValue.self) {
        case .object(let members):
            for (field, value) in members {
                fieldErrors[field] = value.stringValue ?? String(describing: value)
            }
        case .array:
            object = try FHIRObjectDecoder(decoder)
            _ = try object.optional("message", as: String.self)
            errors = try object.array("errors", of: Item.self)
        default:
            break
        }
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the body with its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(message, "message")
        if !fieldErrors.isEmpty {
            try object.encode(fieldErrors, "errors")
        } else {
            try object.encode(errors, "errors")
        }
        try object.finish(with: additionalMembers)
    }
}
