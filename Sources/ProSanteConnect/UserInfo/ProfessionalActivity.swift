public import SanteCore

/// One practice site of an exercise (`SubjectRefPro.exercices[].activities[]`): mode, sector, role,
/// structure identifiers, address and contact.
///
/// Every member of the PSC reference is typed; PSC writes many as `""`, which decode as `nil`. Unknown
/// members are kept in ``additionalMembers``.
public struct ProfessionalActivity: Sendable, Hashable, Codable {
    /// `codeModeExercice`: the practice mode (`L` liberal, `S` salaried, `B` volunteer).
    public var practiceModeCode: String?
    /// `codeSecteurDactivite`: the activity sector, such as `SA07`.
    public var activitySectorCode: String?
    /// `codeSectionPharmacien`: the pharmacists' order section.
    public var pharmacistSectionCode: String?
    /// `codeRole`: the role in the structure.
    public var roleCode: String?
    /// `codeGenreActivite`: the activity genre, such as `GENR01`.
    public var activityGenreCode: String?
    /// `numeroSiretSite`: the site's SIRET.
    public var siteSIRET: String?
    /// `numeroSirenSite`: the site's SIREN.
    public var siteSIREN: String?
    /// `numeroFinessSite`: the site's FINESS (geographical establishment).
    public var siteFINESS: String?
    /// `numeroFinessetablissementJuridique`: the FINESS of the legal entity.
    public var legalEntityFINESS: String?
    /// `identifiantTechniqueDeLaStructure`: the structure's technical identifier.
    public var structureTechnicalIdentifier: String?
    /// `raisonSocialeSite`: the site's corporate name.
    public var siteCorporateName: String?
    /// `enseigneCommercialeSite`: the site's trade name.
    public var siteTradeName: String?
    /// `complementDestinataire`: addressee details.
    public var recipientComplement: String?
    /// `complementPointGeographique`: location details (building, floor…).
    public var geographicalPointComplement: String?
    /// `numeroVoie`: the street number.
    public var streetNumber: String?
    /// `indiceRepetitionVoie`: the street number's repetition index (`B`, `T`…).
    public var streetNumberRepetitionIndex: String?
    /// `codeTypeDeVoie`: the street type code (`R` rue, `AV` avenue…).
    public var streetTypeCode: String?
    /// `libelleVoie`: the street name.
    public var streetName: String?
    /// `mentionDistribution`: the distribution mention (`BP`…).
    public var distributionMention: String?
    /// `bureauCedex`: the delivery office line, such as `75015 PARIS`.
    public var cedexOffice: String?
    /// `codePostal`: the postal code.
    public var postalCode: String?
    /// `codeCommune`: the INSEE municipality code.
    public var municipalityCode: String?
    /// `codePays`: the country code (`99000` for France in INSEE's nomenclature).
    public var countryCode: String?
    /// `telephone`: the first phone number.
    public var telephone: String?
    /// `telephone2`: the second phone number.
    public var telephone2: String?
    /// `telecopie`: the fax number.
    public var fax: String?
    /// `adresseEMail`: the e-mail address.
    public var email: String?
    /// `codeDepartement`: the département code.
    public var departmentCode: String?
    /// `ancienIdentifiantDeLaStructure`: the structure's former identifier.
    public var formerStructureIdentifier: String?
    /// `autoriteDenregistrement`: the registration authority, such as `CNOM/CNOM/CNOM`.
    public var registrationAuthority: String?
    /// Members not modelled above.
    public var additionalMembers: [String: JSONValue]

    /// Creates an empty activity; set the members you need.
    public init() {
        additionalMembers = [:]
    }

    /// The site's SIRET, parsed, when present.
    public var siret: SIRET? { siteSIRET.map(SIRET.init) }
    /// The site's SIREN, parsed, when present.
    public var siren: SIREN? { siteSIREN.map(SIREN.init) }
    /// The site's FINESS, parsed, when present.
    public var finess: FINESS? { siteFINESS.map(FINESS.init) }

    /// The JSON member name of each typed property.
    private static var members: [(name: String, property: WritableKeyPath<ProfessionalActivity, String?>)] {
        [
            ("codeModeExercice", \.practiceModeCode),
            ("codeSecteurDactivite", \.activitySectorCode),
            ("codeSectionPharmacien", \.pharmacistSectionCode),
            ("codeRole", \.roleCode),
            ("codeGenreActivite", \.activityGenreCode),
            ("numeroSiretSite", \.siteSIRET),
            ("numeroSirenSite", \.siteSIREN),
            ("numeroFinessSite", \.siteFINESS),
            ("numeroFinessetablissementJuridique", \.legalEntityFINESS),
            ("identifiantTechniqueDeLaStructure", \.structureTechnicalIdentifier),
            ("raisonSocialeSite", \.siteCorporateName),
            ("enseigneCommercialeSite", \.siteTradeName),
            ("complementDestinataire", \.recipientComplement),
            ("complementPointGeographique", \.geographicalPointComplement),
            ("numeroVoie", \.streetNumber),
            ("indiceRepetitionVoie", \.streetNumberRepetitionIndex),
            ("codeTypeDeVoie", \.streetTypeCode),
            ("libelleVoie", \.streetName),
            ("mentionDistribution", \.distributionMention),
            ("bureauCedex", \.cedexOffice),
            ("codePostal", \.postalCode),
            ("codeCommune", \.municipalityCode),
            ("codePays", \.countryCode),
            ("telephone", \.telephone),
            ("telephone2", \.telephone2),
            ("telecopie", \.fax),
            ("adresseEMail", \.email),
            ("codeDepartement", \.departmentCode),
            ("ancienIdentifiantDeLaStructure", \.formerStructureIdentifier),
            ("autoriteDenregistrement", \.registrationAuthority),
        ]
    }

    /// Decodes leniently: empty strings become `nil`, unknown members are kept.
    public init(from decoder: any Decoder) throws {
        var members = try JSONMembers(from: decoder)
        self.init()
        for member in Self.members {
            self[keyPath: member.property] = members.text(member.name)
        }
        additionalMembers = members.remaining
    }

    /// Encodes every member present.
    public func encode(to encoder: any Encoder) throws {
        var members = JSONMembers(additionalMembers)
        for member in Self.members {
            members.put(member.name, self[keyPath: member.property])
        }
        try members.encode(to: encoder)
    }
}
