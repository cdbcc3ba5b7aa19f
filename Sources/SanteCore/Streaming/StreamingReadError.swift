/// A byte stream that a streaming reader (JSON array elements, CSV rows, file chunks) could not read.
///
/// The ``reason`` is stable and machine-readable; ``byteOffset`` and ``line`` locate the problem in the
/// stream when known. The ``message`` never quotes the data itself, only its position and shape.
public struct StreamingReadError: SanteError, Hashable {
    /// Why the stream could not be read: an extensible set of stable string constants.
    public struct Reason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The stable string form, such as `"malformed_json"`.
        public let rawValue: String
        /// Creates a reason from its string form.
        /// - Parameter rawValue: The stable string form.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The stable string form.
        public var description: String { rawValue }

        /// The JSON is not well formed where the reader looked (a bracket that does not match, a
        /// missing comma or colon).
        public static let malformedJSON = Reason(rawValue: "malformed_json")
        /// The stream ended before the array (or the document) was complete.
        public static let unexpectedEnd = Reason(rawValue: "unexpected_end")
        /// A member named in the key path is not in its object.
        public static let keyPathNotFound = Reason(rawValue: "key_path_not_found")
        /// The value at the key path (or the document) is not of the expected kind (array or object).
        public static let unexpectedValueKind = Reason(rawValue: "unexpected_value_kind")
        /// One element or record is larger than the reader's limit.
        public static let elementTooLarge = Reason(rawValue: "element_too_large")
        /// An element did not decode into the requested type.
        public static let elementDecodingFailed = Reason(rawValue: "element_decoding_failed")
        /// A quoted CSV field is not closed at the end of the stream.
        public static let unterminatedQuote = Reason(rawValue: "unterminated_quote")
        /// The CSV stream has no header row.
        public static let missingHeader = Reason(rawValue: "missing_header")
        /// A local file could not be opened or read.
        public static let fileUnreadable = Reason(rawValue: "file_unreadable")
    }

    /// Why the stream could not be read.
    public let reason: Reason
    /// A readable explanation, giving positions and shapes but never the data.
    public let message: String
    /// The offset in the stream, in bytes from its start, where the problem was found, when known.
    public let byteOffset: Int64?
    /// The 1-based line where the problem was found (CSV), when known.
    public let line: Int?
    /// The 0-based index of the element or data row concerned, when known.
    public let elementIndex: Int?
    /// The operation that was reading, when known.
    public let operation: String?
    /// The lower-level error that caused this one (such as a `DecodingError`), if any.
    public let underlyingError: (any Error)?

    /// Creates an error.
    /// - Parameters:
    ///   - reason: Why the stream could not be read.
    ///   - message: A readable explanation without data.
    ///   - byteOffset: The offset of the problem in the stream.
    ///   - line: The 1-based line of the problem.
    ///   - elementIndex: The 0-based index of the element or row concerned.
    ///   - operation: The operation that was reading.
    ///   - underlyingError: The lower-level error.
    public init(
        reason: Reason,
        message: String,
        byteOffset: Int64? = nil,
        line: Int? = nil,
        elementIndex: Int? = nil,
        operation: String? = nil,
        underlyingError: (any Error)? = nil
    ) {
        self.reason = reason
        self.message = message
        self.byteOffset = byteOffset
        self.line = line
        self.elementIndex = elementIndex
        self.operation = operation
        self.underlyingError = underlyingError
    }

    /// ``SanteErrorCode/decoding`` for malformed data, ``SanteErrorCode/configuration`` for an unreadable file.
    public var code: SanteErrorCode {
        reason == .fileUnreadable ? .configuration : .decoding
    }

    /// Always `nil`: a byte stream has no HTTP status of its own.
    public var httpStatus: Int? { nil }

    /// The same error, recorded as raised by `operation`.
    /// - Parameter operation: The operation that was reading.
    /// - Returns: A copy with ``operation`` set.
    public func withOperation(_ operation: String) -> StreamingReadError {
        StreamingReadError(
            reason: reason, message: message, byteOffset: byteOffset, line: line, elementIndex: elementIndex,
            operation: operation, underlyingError: underlyingError)
    }

    /// A one-line summary: reason, position and message.
    public var description: String {
        var parts = ["StreamingReadError[\(reason.rawValue)]"]
        if let operation { parts.append(operation) }
        if let line { parts.append("line \(line)") }
        if let byteOffset { parts.append("byte \(byteOffset)") }
        if let elementIndex { parts.append("element \(elementIndex)") }
        var text = parts.joined(separator: " ") + ": " + message
        if let underlyingError { text += " (caused by \(String(describing: type(of: underlyingError))))" }
        return text
    }

    /// Compares reason, message and positions (not the underlying error).
    public static func == (lhs: StreamingReadError, rhs: StreamingReadError) -> Bool {
        lhs.reason == rhs.reason && lhs.message == rhs.message && lhs.byteOffset == rhs.byteOffset
            && lhs.line == rhs.line && lhs.elementIndex == rhs.elementIndex && lhs.operation == rhs.operation
    }

    /// Hashes reason, message and positions.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(reason)
        hasher.combine(message)
        hasher.combine(byteOffset)
        hasher.combine(line)
        hasher.combine(elementIndex)
        hasher.combine(operation)
    }
}
