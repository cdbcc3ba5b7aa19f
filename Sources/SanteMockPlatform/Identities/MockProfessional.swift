/// A health professional known to the mock identity provider and directory.
///
/// The fields follow the Pro Santé Connect userinfo (`SubjectNameID`, `SubjectRefPro.exercices[]` and
/// their `activities[]`), with Swift names.
public struct MockProfessional: Sendable, Hashable, Encodable {
    /// The national registry a professional's identifier comes from.
    public enum Registry: String, Sendable, Hashable, Encodable {
        /// RPPS: an 11-digit number whose last digit is a Luhn key; the national id is `8` + RPPS.
        case rpps = "RPPS"
        /// ADELI: a 9-digit number; the national id is `0` + ADELI.
        case adeli = "ADELI"
    }

    /// The Pro Santé Connect `SubjectNameID` (the national professional id, IDNPS): `8` + RPPS or `0` + ADELI.
    public let subjectNameID: String
    /// The registry of ``registryNumber``.
    public let registry: Registry
    /// The RPPS or ADELI number, without the leading `8` or `0`.
    public let registryNumber: String
    /// The civility code (TRE_R81): `M` or `MME`.
    public let civilityCode: String
    /// The civility used in practice (TRE_R11), such as `DR` or `PR`; empty when none.
    public let practiceCivilityCode: String
    /// The given name, in upper case as the registry publishes it.
    public let givenName: String
    /// The family name, in upper case as the registry publishes it.
    public let familyName: String
    /// The profession.
    public let profession: MockProfession
    /// The practice sites, one per activity.
    public let activities: [MockActivity]

    /// Creates a professional.
    /// - Parameters:
    ///   - subjectNameID: The national professional id (`8` + RPPS or `0` + ADELI).
    ///   - registry: The registry of `registryNumber`.
    ///   - registryNumber: The RPPS or ADELI number.
    ///   - civilityCode: The civility code.
    ///   - practiceCivilityCode: The civility used in practice, or empty.
    ///   - givenName: The given name.
    ///   - familyName: The family name.
    ///   - profession: The profession.
    ///   - activities: The practice sites.
    public init(
        subjectNameID: String, registry: Registry, registryNumber: String, civilityCode: String,
        practiceCivilityCode: String, givenName: String, familyName: String, profession: MockProfession,
        activities: [MockActivity]
    ) {
        self.subjectNameID = subjectNameID
        self.registry = registry
        self.registryNumber = registryNumber
        self.civilityCode = civilityCode
        self.practiceCivilityCode = practiceCivilityCode
        self.givenName = givenName
        self.familyName = familyName
        self.profession = profession
        self.activities = activities
    }

    /// The RPPS number, when the professional is registered in RPPS.
    public var rpps: String? { registry == .rpps ? registryNumber : nil }
}

/// A profession and its specialty.
public struct MockProfession: Sendable, Hashable, Encodable {
    /// The profession code (TRE_G15), such as `10` (médecin) or `60` (infirmier).
    public let code: String
    /// The profession's label.
    public let label: String
    /// The professional category (TRE_R09): `C` civil, `M` military, `E` student.
    public let categoryCode: String
    /// The kind of specialty (`codeTypeSavoirFaire`), such as `S` for a specialty; empty when none.
    public let specialtyTypeCode: String
    /// The specialty (`codeSavoirFaire`, TRE_R38), such as `SM54`; empty when none.
    public let specialtyCode: String
    /// The specialty's label; empty when none.
    public let specialtyLabel: String

    /// Creates a profession.
    /// - Parameters:
    ///   - code: The profession code.
    ///   - label: The profession's label.
    ///   - categoryCode: The professional category.
    ///   - specialtyTypeCode: The kind of specialty, or empty.
    ///   - specialtyCode: The specialty, or empty.
    ///   - specialtyLabel: The specialty's label, or empty.
    public init(
        code: String, label: String, categoryCode: String, specialtyTypeCode: String = "",
        specialtyCode: String = "", specialtyLabel: String = ""
    ) {
        self.code = code
        self.label = label
        self.categoryCode = categoryCode
        self.specialtyTypeCode = specialtyTypeCode
        self.specialtyCode = specialtyCode
        self.specialtyLabel = specialtyLabel
    }
}
