/// A test patient, identified by a test INS.
public struct MockPatient: Sendable, Hashable, Encodable {
    /// The OID of test INS-NIR values: `1.2.250.1.213.1.4.10`.
    public static let testINSOID = "1.2.250.1.213.1.4.10"

    /// The INS matricule: 15 characters, the 13-character NIR followed by its 2-digit key,
    /// `97 − (NIR mod 97)` with `2A`→`19` and `2B`→`18`.
    public let ins: String
    /// The OID of the INS's assigning authority; ``testINSOID`` for every mock patient.
    public let insOID: String
    /// The birth family name, in upper case.
    public let familyName: String
    /// The birth given names, in order; the first one is the usual given name.
    public let givenNames: [String]
    /// The administrative gender, as FHIR writes it: `female` or `male`.
    public let gender: String
    /// The birth date, `YYYY-MM-DD`.
    public let birthDate: String
    /// The INSEE code of the birthplace.
    public let birthPlaceCode: String
    /// The identity status (RNIV): `QUAL` (qualified) for every mock patient, so the INS may be conveyed.
    public let identityStatus: String

    /// Creates a patient.
    /// - Parameters:
    ///   - ins: The 15-character INS matricule.
    ///   - insOID: The OID of the assigning authority.
    ///   - familyName: The birth family name.
    ///   - givenNames: The birth given names.
    ///   - gender: `female` or `male`.
    ///   - birthDate: The birth date, `YYYY-MM-DD`.
    ///   - birthPlaceCode: The INSEE code of the birthplace.
    ///   - identityStatus: The identity status.
    public init(
        ins: String, insOID: String = MockPatient.testINSOID, familyName: String, givenNames: [String],
        gender: String, birthDate: String, birthPlaceCode: String, identityStatus: String = "QUAL"
    ) {
        self.ins = ins
        self.insOID = insOID
        self.familyName = familyName
        self.givenNames = givenNames
        self.gender = gender
        self.birthDate = birthDate
        self.birthPlaceCode = birthPlaceCode
        self.identityStatus = identityStatus
    }

    /// The 13-character NIR, without its key.
    public var nir: String { String(ins.prefix(13)) }

    /// The 2-digit key.
    public var insKey: String { String(ins.suffix(2)) }

    /// The first given name.
    public var givenName: String { givenNames.first ?? "" }
}
