/// One confidentiality or visibility label of a DMP document (XDS `confidentialityCode`, FHIR
/// `DocumentReference.securityLabel`).
///
/// A document carries a **set** of labels: an HL7 v3-Confidentiality level (`N`, `R`, `V`) and any
/// combination of the TRE_A07 visibility flags (``hiddenFromProfessionals``, ``invisibleToPatient``,
/// ``invisibleToLegalRepresentatives``). Value sets JDV_J08 (generic) and JDV_J58 (DMP).
public struct DMPSecurityLabel: DMPCodedValue {
    /// The code.
    public let code: String
    /// The code system.
    public let system: String
    /// A human-readable label.
    public let display: String?

    /// Creates a label.
    /// - Parameters:
    ///   - code: The code.
    ///   - system: The code system.
    ///   - display: A human-readable label.
    public init(code: String, system: String, display: String? = nil) {
        self.code = code
        self.system = system
        self.display = display
    }

    /// v3-Confidentiality `N`: normal.
    public static let normal = DMPSecurityLabel(code: "N", system: PDSmURLs.confidentiality, display: "normal")
    /// v3-Confidentiality `R`: restricted.
    public static let restricted = DMPSecurityLabel(
        code: "R", system: PDSmURLs.confidentiality, display: "restricted")
    /// v3-Confidentiality `V`: very restricted.
    public static let veryRestricted = DMPSecurityLabel(
        code: "V", system: PDSmURLs.confidentiality, display: "very restricted")
    /// TRE_A07 `MASQUE_PS`: hidden from health professionals (except its author).
    public static let hiddenFromProfessionals = DMPSecurityLabel(
        code: "MASQUE_PS", system: PDSmURLs.visibilitySystem, display: "Masqué aux professionnels de santé")
    /// TRE_A07 `INVISIBLE_PATIENT`: not visible to the patient (for example before an announcement).
    public static let invisibleToPatient = DMPSecurityLabel(
        code: "INVISIBLE_PATIENT", system: PDSmURLs.visibilitySystem, display: "Invisible au patient")
    /// TRE_A07 `INVISIBLE_REPRESENTANTS_LEGAUX`: not visible to a minor patient's legal representatives.
    public static let invisibleToLegalRepresentatives = DMPSecurityLabel(
        code: "INVISIBLE_REPRESENTANTS_LEGAUX", system: PDSmURLs.visibilitySystem,
        display: "Invisible aux représentants légaux")

    /// The known labels.
    public static let known: [DMPSecurityLabel] = [
        .normal, .restricted, .veryRestricted, .hiddenFromProfessionals, .invisibleToPatient,
        .invisibleToLegalRepresentatives,
    ]

    /// Whether the label is a TRE_A07 visibility flag.
    public var isVisibilityFlag: Bool { system == PDSmURLs.visibilitySystem }
}
