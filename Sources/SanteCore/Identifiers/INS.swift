/// A patient's INS (identifiant national de santé): a NIR or NIA matricule, its assigning
/// ``System`` and, when known, the ``QualificationStatus`` of the identity.
///
/// Reading keeps any value (see ``HealthIdentifier``). The control key is checked for every
/// system, test (`…4.10`) and demo (`…4.11`) included: the ANS test patients carry valid keys, and
/// a wrong key stays a separate, tolerable diagnostic (``IdentifierDiagnostic/isKeyMismatch``) so
/// that official fixtures with invalid keys still load.
///
/// Before any request to a national service, call ``validateForSending(field:)``: it requires a
/// well-formed matricule with the right key, a known system and the status `QUAL`.
///
/// INS encodes as an object `{"value": …, "system": "urn:oid:…", "status": "QUAL"}` (a plain
/// string would lose the system and status); it also decodes from a plain string (system NIR,
/// status unknown).
public struct INS: HealthIdentifier, CustomDebugStringConvertible, CustomReflectable {
    /// `"INS"`.
    public static let identifierName = "INS"

    /// The matricule, a NIR or NIA.
    public var matricule: NIR
    /// The assigning authority.
    public var system: System
    /// The identity's qualification status, `nil` when not known.
    public var status: QualificationStatus?

    /// Creates an INS.
    ///
    /// - Parameters:
    ///   - matricule: The NIR or NIA.
    ///   - system: The assigning authority; ``System/nir`` by default.
    ///   - status: The identity's qualification status, if known.
    public init(matricule: NIR, system: System = .nir, status: QualificationStatus? = nil) {
        self.matricule = matricule
        self.system = system
        self.status = status
    }

    /// Reads an INS matricule, keeping it even when malformed.
    ///
    /// - Parameters:
    ///   - value: The matricule, spaces allowed.
    ///   - system: The assigning authority; ``System/nir`` by default.
    ///   - status: The identity's qualification status, if known.
    public init(_ value: String, system: System = .nir, status: QualificationStatus? = nil) {
        self.init(matricule: NIR(value), system: system, status: status)
    }

    /// Reads an INS matricule under the INS-NIR system, status unknown.
    ///
    /// - Parameter string: The matricule, spaces allowed.
    public init(_ string: String) {
        self.init(matricule: NIR(string))
    }

    /// Reads an INS from a FHIR `Identifier`, keeping unknown systems.
    ///
    /// - Parameters:
    ///   - fhirSystem: `Identifier.system`, such as `"urn:oid:1.2.250.1.213.1.4.8"`.
    ///   - value: `Identifier.value`.
    ///   - status: The identity's qualification status, if known.
    public init(fhirSystem: String, value: String, status: QualificationStatus? = nil) {
        self.init(matricule: NIR(value), system: System(fhirSystem), status: status)
    }

    /// The matricule as read.
    public var rawValue: String { matricule.rawValue }

    /// The matricule's length, character and key problems.
    public var diagnostics: [IdentifierDiagnostic] { matricule.diagnostics }

    /// The FHIR `Identifier.system`, such as `"urn:oid:1.2.250.1.213.1.4.8"`.
    public var fhirSystem: String { system.urn }

    /// The FHIR `Identifier.value`, the matricule.
    public var fhirValue: String { matricule.rawValue }

    /// The FHIR `Identifier` pair.
    public var fhirIdentifier: (system: String, value: String) { (fhirSystem, fhirValue) }

    /// The FHIR search token `system|value`, as used in `patient.identifier=`.
    public var fhirSearchToken: String { "\(fhirSystem)|\(fhirValue)" }

    /// The XDS `CX` form, `<matricule>^^^&<OID>&ISO^NH`.
    public var xdsCX: String { "\(matricule.rawValue)^^^&\(system.rawValue)&ISO^NH" }

    /// Everything that forbids sending this INS to a national service: matricule problems
    /// (key included), an unknown system, a status other than `QUAL`.
    ///
    /// - Parameter field: The field name to report; `"ins"` by default. System and status issues
    ///   are reported under `<field>.system` and `<field>.status`.
    /// - Returns: The issues, empty when the INS may be sent.
    public func sendingIssues(field: String = "ins") -> [ValidationIssue] {
        var issues = validationIssues(field: field)
        if !system.isKnown {
            issues.append(
                ValidationIssue(field: "\(field).system", reason: "INS system \(system.urn) is not an INS authority")
            )
        }
        switch status {
        case .qualified:
            break
        case .some(let other):
            issues.append(
                ValidationIssue(field: "\(field).status", reason: "identity status is \(other.code), expected QUAL")
            )
        case .none:
            issues.append(
                ValidationIssue(field: "\(field).status", reason: "identity status is unknown, expected QUAL")
            )
        }
        return issues
    }

    /// Checks that this INS may be sent: valid matricule and key, known system, status `QUAL`.
    ///
    /// - Parameter field: The field name to report; `"ins"` by default.
    /// - Throws: ``ValidationError`` listing every problem.
    public func validateForSending(field: String = "ins") throws(ValidationError) {
        let issues = sendingIssues(field: field)
        if !issues.isEmpty {
            throw ValidationError(issues: issues)
        }
    }

    /// The masked matricule followed by the system, such as `INS(*************46, INS-NIR, QUAL)`.
    ///
    /// The matricule identifies a person, so only its key is shown (see ``NIR/masked``); use
    /// ``fhirValue`` or ``rawValue`` on the wire.
    public var description: String {
        let statusText = status.map { ", \($0.code)" } ?? ""
        return "INS(\(matricule.masked), \(system)\(statusText))"
    }

    /// The masked form, like ``description``.
    public var debugDescription: String { description }

    /// A mirror that shows the masked matricule, the system and the status, so that `dump` does not print the NIR.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["matricule": matricule, "system": system, "status": status as Any],
            displayStyle: .struct)
    }

    private enum CodingKeys: String, CodingKey {
        case value, system, status
    }

    /// Decodes `{"value", "system", "status"}` or a plain matricule string; never fails on a malformed matricule.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let string = try? single.decode(String.self) {
            self.init(string)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let value = try container.decode(String.self, forKey: .value)
        let system = try container.decodeIfPresent(System.self, forKey: .system) ?? .nir
        let status = try container.decodeIfPresent(QualificationStatus.self, forKey: .status)
        self.init(value, system: system, status: status)
    }

    /// Encodes `{"value", "system", "status"}`; the system as its `urn:oid:` form, `status` omitted when unknown.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(matricule.rawValue, forKey: .value)
        try container.encode(system, forKey: .system)
        try container.encodeIfPresent(status, forKey: .status)
    }
}
