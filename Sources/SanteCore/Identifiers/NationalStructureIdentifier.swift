/// The national identifier of a health structure (IDNST): a one-character type prefix followed by
/// the underlying identifier.
///
/// | Prefix | Form | Case |
/// |---|---|---|
/// | `1` | `1` + FINESS | ``finess(_:)`` |
/// | `2` | `2` + SIREN | ``siren(_:)`` |
/// | `3` | `3` + SIRET | ``siret(_:)`` |
/// | `4` | `4` + RPPS-rang (cabinet) identifier | ``rppsRang(_:)`` |
///
/// Anything else is kept in ``unrecognized(_:)``. Its FHIR identifier system is ``fhirSystem``.
public enum NationalStructureIdentifier: HealthIdentifier {
    /// `1` + FINESS number.
    case finess(FINESS)
    /// `2` + SIREN number.
    case siren(SIREN)
    /// `3` + SIRET number.
    case siret(SIRET)
    /// `4` + RPPS-rang (cabinet) identifier.
    case rppsRang(String)
    /// A value that matches none of the known forms, kept as read.
    case unrecognized(String)

    /// `"IDNST"`.
    public static let identifierName = "IDNST"
    /// The FHIR `Identifier.system` of the national structure identifier (OID `1.2.250.1.71.4.2.2`).
    public static let fhirSystem = "urn:oid:1.2.250.1.71.4.2.2"

    /// Parses a national structure identifier, keeping unrecognized values.
    ///
    /// - Parameter string: Such as `"1010780195"` (FINESS `010780195`).
    public init(_ string: String) {
        let value = IdentifierText.withoutWhitespace(string)
        let rest = String(value.dropFirst())
        switch value.first {
        case "1": self = .finess(FINESS(rest))
        case "2": self = .siren(SIREN(rest))
        case "3": self = .siret(SIRET(rest))
        case "4" where !rest.isEmpty: self = .rppsRang(rest)
        default: self = .unrecognized(value)
        }
    }

    /// The identifier as a single string, prefix included.
    public var rawValue: String {
        switch self {
        case .finess(let finess): "1" + finess.rawValue
        case .siren(let siren): "2" + siren.rawValue
        case .siret(let siret): "3" + siret.rawValue
        case .rppsRang(let value): "4" + value
        case .unrecognized(let value): value
        }
    }

    /// Problems of the underlying identifier, or an unrecognized form.
    public var diagnostics: [IdentifierDiagnostic] {
        switch self {
        case .finess(let finess): finess.diagnostics
        case .siren(let siren): siren.diagnostics
        case .siret(let siret): siret.diagnostics
        case .rppsRang: []
        case .unrecognized(let value):
            [.unrecognizedFormat(value.isEmpty ? "empty value" : "expected 1+FINESS, 2+SIREN, 3+SIRET or 4+RPPS-rang")]
        }
    }
}
