/// A PSC coded value written `code^OID`, such as `10^1.2.250.1.213.1.1.5.5` (profession 10, médecin, in
/// the nomenclature with that OID).
///
/// A value without `^` keeps its whole text as ``code`` and has no ``oid``. It encodes back to the text
/// it was read from.
public struct CodeWithOID: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The code, such as `"10"` or `"SA07"`.
    public let code: String
    /// The OID of the nomenclature, such as `"1.2.250.1.213.1.1.5.5"`, if written.
    public let oid: String?

    /// Creates a coded value.
    /// - Parameters:
    ///   - code: The code.
    ///   - oid: The nomenclature's OID.
    public init(code: String, oid: String?) {
        self.code = code
        self.oid = oid
    }

    /// Parses `code^OID` (or a bare code).
    /// - Parameter text: The text.
    public init(parsing text: String) {
        if let caret = text.firstIndex(of: "^") {
            code = String(text[..<caret])
            let rest = text[text.index(after: caret)...]
            oid = rest.isEmpty ? nil : String(rest)
        } else {
            code = text
            oid = nil
        }
    }

    /// Parses a string literal.
    public init(stringLiteral value: String) { self.init(parsing: value) }

    /// The text form, `code^OID` or the bare code.
    public var rawValue: String {
        oid.map { "\(code)^\($0)" } ?? code
    }

    /// The text form.
    public var description: String { rawValue }

    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
        self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
