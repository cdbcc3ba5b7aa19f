public import SanteCore

/// A code from a code system, with an optional display: the shape of every DMP value set
/// (document types, classes, formats, facility types, practice settings, security labels).
///
/// Conforming types are extensible structs: their known codes are static members, and any other code
/// from any system can be made with ``init(code:system:display:)``. Two values are equal when their
/// `system` and `code` are equal; the display is informative only.
public protocol DMPCodedValue: Hashable, Sendable, CustomStringConvertible {
    /// The code, such as `"11488-4"`.
    var code: String { get }
    /// The code system's canonical URL, such as `"http://loinc.org"`.
    var system: String { get }
    /// A human-readable label.
    var display: String? { get }
    /// Creates a value.
    /// - Parameters:
    ///   - code: The code.
    ///   - system: The code system's canonical URL.
    ///   - display: A human-readable label.
    init(code: String, system: String, display: String?)
}

extension DMPCodedValue {
    /// Equal when the system and the code are equal (the display is ignored).
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.code == rhs.code && lhs.system == rhs.system
    }

    /// Hashes the system and the code.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(system)
        hasher.combine(code)
    }

    /// `system|code`, as a FHIR search token.
    public var description: String { "\(system)|\(code)" }

    /// The search token `system|code`.
    public var searchToken: String { "\(system)|\(code)" }

    /// The value as a FHIR `Coding`.
    public var coding: FHIRCoding {
        FHIRCoding(system: system, code: code, display: display)
    }

    /// The value as a FHIR `CodeableConcept` with one coding.
    public var codeableConcept: FHIRCodeableConcept {
        FHIRCodeableConcept(coding: [coding])
    }

    /// Reads a FHIR `Coding`.
    /// - Parameter coding: The coding; it needs a code and a system.
    /// - Returns: The value, or `nil` when the coding has no code or no system.
    public init?(coding: FHIRCoding) {
        guard let code = coding.code, !code.isEmpty, let system = coding.system, !system.isEmpty else { return nil }
        self.init(code: code, system: system, display: coding.display)
    }

    /// Reads the first usable coding of a FHIR `CodeableConcept`.
    /// - Parameter concept: The concept.
    /// - Returns: The value, or `nil` when no coding has both a code and a system.
    public init?(concept: FHIRCodeableConcept) {
        guard let value = concept.coding.lazy.compactMap({ Self(coding: $0) }).first else { return nil }
        self = value
    }
}
