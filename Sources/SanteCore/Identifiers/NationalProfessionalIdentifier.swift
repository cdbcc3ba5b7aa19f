/// The national identifier of a health professional (IDNPS, `IdNat_PS`), the Pro Santé Connect
/// `SubjectNameID`: a one-character type prefix followed by the underlying identifier.
///
/// | Prefix | Form | Case |
/// |---|---|---|
/// | `8` | `8` + RPPS (12 characters) | ``rpps(_:)`` |
/// | `0` | `0` + ADELI (10 characters) | ``adeli(_:)`` |
/// | `1` | `1` + cabinet id + `/` + local id | ``cabinetStaff(cabinet:localIdentifier:)`` |
/// | `3` | `3` + FINESS + `/` + local id | ``finessStaff(_:localIdentifier:)`` |
/// | `4` | `4` + SIREN + `/` + local id | ``sirenStaff(_:localIdentifier:)`` |
/// | `5` | `5` + SIRET + `/` + local id | ``siretStaff(_:localIdentifier:)`` |
/// | `6` | `6` + RPPS cabinet id + `/` + local id | ``rppsCabinetStaff(cabinet:localIdentifier:)`` |
/// | `ANS` | EDIT test identity (Pro Santé Connect sandbox) | ``editTestIdentity(_:)`` |
///
/// Anything else is kept in ``unrecognized(_:)``. Parsing never loses the value: ``rawValue``
/// gives back the string as read (whitespace removed). Its FHIR identifier system is ``fhirSystem``.
public enum NationalProfessionalIdentifier: HealthIdentifier {
    /// `8` + RPPS number.
    case rpps(RPPS)
    /// `0` + ADELI number.
    case adeli(ADELI)
    /// `1` + cabinet identifier + `/` + the person's local identifier.
    case cabinetStaff(cabinet: String, localIdentifier: String)
    /// `3` + FINESS + `/` + the person's local identifier in that establishment.
    case finessStaff(FINESS, localIdentifier: String)
    /// `4` + SIREN + `/` + the person's local identifier in that legal unit.
    case sirenStaff(SIREN, localIdentifier: String)
    /// `5` + SIRET + `/` + the person's local identifier in that establishment.
    case siretStaff(SIRET, localIdentifier: String)
    /// `6` + RPPS cabinet identifier + `/` + the person's local identifier.
    case rppsCabinetStaff(cabinet: String, localIdentifier: String)
    /// An EDIT test identity of the Pro Santé Connect sandbox, starting with `ANS`.
    case editTestIdentity(String)
    /// A value that matches none of the known forms, kept as read.
    case unrecognized(String)

    /// `"IDNPS"`.
    public static let identifierName = "IDNPS"
    /// The FHIR `Identifier.system` of the national professional identifier (OID `1.2.250.1.71.4.2.1`).
    public static let fhirSystem = "urn:oid:1.2.250.1.71.4.2.1"

    /// Parses a national professional identifier, keeping unrecognized values.
    ///
    /// - Parameter string: Such as `"810003618186"` or `"500000001815646/CPAT00045"`.
    public init(_ string: String) {
        let value = IdentifierText.withoutWhitespace(string)
        if value.hasPrefix("ANS") {
            self = .editTestIdentity(value)
            return
        }
        guard let prefix = value.first else {
            self = .unrecognized(value)
            return
        }
        let rest = String(value.dropFirst())
        switch prefix {
        case "8": self = .rpps(RPPS(rest))
        case "0": self = .adeli(ADELI(rest))
        default: self = Self.staffIdentifier(prefix: prefix, rest: rest) ?? .unrecognized(value)
        }
    }

    /// Parses the `<prefix><structure>/<local>` forms.
    private static func staffIdentifier(prefix: Character, rest: String) -> Self? {
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let structure = String(rest[..<slash])
        let local = String(rest[rest.index(after: slash)...])
        switch prefix {
        case "1": return .cabinetStaff(cabinet: structure, localIdentifier: local)
        case "3": return .finessStaff(FINESS(structure), localIdentifier: local)
        case "4": return .sirenStaff(SIREN(structure), localIdentifier: local)
        case "5": return .siretStaff(SIRET(structure), localIdentifier: local)
        case "6": return .rppsCabinetStaff(cabinet: structure, localIdentifier: local)
        default: return nil
        }
    }

    /// The identifier as a single string, prefix included.
    public var rawValue: String {
        switch self {
        case .rpps(let rpps): "8" + rpps.rawValue
        case .adeli(let adeli): "0" + adeli.rawValue
        case .cabinetStaff(let cabinet, let local): "1\(cabinet)/\(local)"
        case .finessStaff(let finess, let local): "3\(finess.rawValue)/\(local)"
        case .sirenStaff(let siren, let local): "4\(siren.rawValue)/\(local)"
        case .siretStaff(let siret, let local): "5\(siret.rawValue)/\(local)"
        case .rppsCabinetStaff(let cabinet, let local): "6\(cabinet)/\(local)"
        case .editTestIdentity(let value), .unrecognized(let value): value
        }
    }

    /// The RPPS number, for the ``rpps(_:)`` form.
    public var rppsNumber: RPPS? {
        if case .rpps(let rpps) = self { return rpps }
        return nil
    }

    /// Problems of the underlying identifier, a missing part, or an unrecognized form.
    ///
    /// EDIT test identities have no diagnostics: their format is not published.
    public var diagnostics: [IdentifierDiagnostic] {
        switch self {
        case .rpps(let rpps): rpps.diagnostics
        case .adeli(let adeli): adeli.diagnostics
        case .cabinetStaff(let cabinet, let local), .rppsCabinetStaff(let cabinet, let local):
            Self.partDiagnostics(structure: cabinet, local: local)
        case .finessStaff(let finess, let local):
            Self.partDiagnostics(structure: finess.rawValue, local: local) + finess.diagnostics
        case .sirenStaff(let siren, let local):
            Self.partDiagnostics(structure: siren.rawValue, local: local) + siren.diagnostics
        case .siretStaff(let siret, let local):
            Self.partDiagnostics(structure: siret.rawValue, local: local) + siret.diagnostics
        case .editTestIdentity:
            []
        case .unrecognized(let value):
            [
                .unrecognizedFormat(
                    value.isEmpty
                        ? "empty value"
                        : "expected 8+RPPS, 0+ADELI, 1/3/4/5/6+structure/local identifier, or ANS… (test)"
                )
            ]
        }
    }

    /// Diagnostics for an empty structure or local part.
    private static func partDiagnostics(structure: String, local: String) -> [IdentifierDiagnostic] {
        var diagnostics: [IdentifierDiagnostic] = []
        if structure.isEmpty {
            diagnostics.append(.unrecognizedFormat("missing structure identifier before '/'"))
        }
        if local.isEmpty {
            diagnostics.append(.unrecognizedFormat("missing local identifier after '/'"))
        }
        return diagnostics
    }
}
