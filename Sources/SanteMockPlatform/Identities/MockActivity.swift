/// One practice site of a professional (an entry of `SubjectRefPro.exercices[].activities[]`).
public struct MockActivity: Sendable, Hashable, Encodable {
    /// The mode of practice (`codeModeExercice`): `L` liberal, `S` salaried, `B` volunteer.
    public let modeCode: String
    /// The sector (`codeSecteurDactivite`, TRE_R02), such as `SA07` (individual practice) or `SA01` (public hospital).
    public let sectorCode: String
    /// The kind of activity (`codeGenreActivite`), such as `GENR01` (health care).
    public let genreCode: String
    /// The structure's name (`raisonSocialeSite`).
    public let structureName: String
    /// The structure's technical id (IDNST): `1` + FINESS, `3` + SIRET, or `4` + RPPS + rank for a practice.
    public let structureID: String
    /// The site's SIRET (14 digits, Luhn key), if any.
    public let siret: String?
    /// The site's SIREN (the first 9 digits of the SIRET, Luhn key), if any.
    public let siren: String?
    /// The site's FINESS (9 characters, Luhn key), if any.
    public let finess: String?
    /// The FINESS of the legal entity running the site, if any.
    public let legalEntityFiness: String?
    /// The street number, such as `"12"`.
    public let streetNumber: String
    /// The street type code, such as `R` (rue) or `BD` (boulevard).
    public let streetTypeCode: String
    /// The street name, in upper case.
    public let streetName: String
    /// The postal code.
    public let postalCode: String
    /// The city, as printed on mail (`bureauCedex`), such as `"75015 PARIS"`.
    public let city: String
    /// The INSEE commune code.
    public let communeCode: String
    /// The département code.
    public let departmentCode: String
    /// The telephone number, digits only; empty when none.
    public let telephone: String
    /// The registration authority, such as `"CNOM/CNOM/CNOM"`.
    public let registrationAuthority: String

    /// Creates a practice site.
    /// - Parameters:
    ///   - modeCode: The mode of practice.
    ///   - sectorCode: The sector.
    ///   - genreCode: The kind of activity.
    ///   - structureName: The structure's name.
    ///   - structureID: The structure's technical id.
    ///   - siret: The SIRET, if any.
    ///   - finess: The site's FINESS, if any.
    ///   - legalEntityFiness: The legal entity's FINESS, if any.
    ///   - streetNumber: The street number.
    ///   - streetTypeCode: The street type code.
    ///   - streetName: The street name.
    ///   - postalCode: The postal code.
    ///   - city: The city as printed on mail.
    ///   - communeCode: The INSEE commune code.
    ///   - departmentCode: The département code.
    ///   - telephone: The telephone number, or empty.
    ///   - registrationAuthority: The registration authority.
    public init(
        modeCode: String, sectorCode: String, genreCode: String = "GENR01", structureName: String,
        structureID: String, siret: String? = nil, finess: String? = nil, legalEntityFiness: String? = nil,
        streetNumber: String, streetTypeCode: String, streetName: String, postalCode: String, city: String,
        communeCode: String, departmentCode: String, telephone: String = "", registrationAuthority: String
    ) {
        self.modeCode = modeCode
        self.sectorCode = sectorCode
        self.genreCode = genreCode
        self.structureName = structureName
        self.structureID = structureID
        self.siret = siret
        self.siren = siret.map { String($0.prefix(9)) }
        self.finess = finess
        self.legalEntityFiness = legalEntityFiness
        self.streetNumber = streetNumber
        self.streetTypeCode = streetTypeCode
        self.streetName = streetName
        self.postalCode = postalCode
        self.city = city
        self.communeCode = communeCode
        self.departmentCode = departmentCode
        self.telephone = telephone
        self.registrationAuthority = registrationAuthority
    }
}
