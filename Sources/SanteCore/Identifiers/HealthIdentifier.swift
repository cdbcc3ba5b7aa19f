/// A national identifier (NIR, RPPS, FINESS, SIRET…) that is read leniently and validated on request.
///
/// Conforming types follow one rule: **reading never loses a value**. ``init(_:)`` keeps whatever
/// it is given (after removing whitespace) and reports each problem in ``diagnostics``; strict
/// checks are a separate call, ``validate(field:)``, that throws a ``ValidationError``.
///
/// Conforming types encode and decode as their plain string (``rawValue``) unless they document
/// otherwise, and decoding never fails on a malformed value.
public protocol HealthIdentifier: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The identifier's short name used in messages, such as `"NIR"` or `"RPPS"`.
    static var identifierName: String { get }

    /// Reads a value, keeping it even when it is malformed or carries a wrong key.
    ///
    /// - Parameter string: The value as written; whitespace is removed.
    init(_ string: String)

    /// The value as read, with whitespace removed (and a Corsican `2a`/`2b` upper-cased where the format has one).
    var rawValue: String { get }

    /// Every problem found in the value; empty when the value is valid.
    var diagnostics: [IdentifierDiagnostic] { get }
}

extension HealthIdentifier {
    /// Whether the value has no diagnostics.
    public var isValid: Bool { diagnostics.isEmpty }

    /// The value as read.
    public var description: String { rawValue }

    /// The issues a strict validation reports, one per diagnostic.
    ///
    /// - Parameter field: The field name to report; defaults to the lower-cased ``identifierName``.
    /// - Returns: One issue per diagnostic, such as `nir: NIR control key is 12, expected 34`.
    public func validationIssues(field: String? = nil) -> [ValidationIssue] {
        let fieldName = field ?? Self.identifierName.lowercased()
        return diagnostics.map { diagnostic in
            ValidationIssue(field: fieldName, reason: "\(Self.identifierName) \(diagnostic)")
        }
    }

    /// Checks the value strictly.
    ///
    /// - Parameter field: The field name to report; defaults to the lower-cased ``identifierName``.
    /// - Throws: ``ValidationError`` naming the field and every problem found.
    public func validate(field: String? = nil) throws(ValidationError) {
        let issues = validationIssues(field: field)
        if !issues.isEmpty {
            throw ValidationError(issues: issues)
        }
    }

    /// Returns the value after checking it strictly.
    ///
    /// - Parameter field: The field name to report; defaults to the lower-cased ``identifierName``.
    /// - Returns: `self`, when valid.
    /// - Throws: ``ValidationError`` naming the field and every problem found.
    public func validated(field: String? = nil) throws(ValidationError) -> Self {
        try validate(field: field)
        return self
    }

    /// Decodes the identifier from a single string; never fails on a malformed value.
    ///
    /// - Throws: `DecodingError` only when the JSON value is not a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode(String.self))
    }

    /// Encodes the identifier as its plain string, ``rawValue``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
