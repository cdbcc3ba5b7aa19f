import SanteCore

/// The claims of a professional as Pro Santé Connect's userinfo endpoint returns them (with `scope_all`).
///
/// Built from the seeded ``MockProfessional``: identity at the top level, then `SubjectRefPro` with one
/// `exercices[]` entry for the profession and one `activities[]` entry per practice site. Values the seed
/// does not know are `""`, as in PSC's own answers.
enum PSCUserInfo {
    /// The OID of `SubjectRole` codes (profession, TRE_G15).
    static let roleOID = "1.2.250.1.213.1.1.5.5"
    /// The OID of `Secteur_Activite` codes (TRE_R02).
    static let sectorOID = "1.2.250.1.71.4.2.4"

    /// The `sub` of a professional: `f:<uuid>:<SubjectNameID>`, the UUID stable for the professional.
    static func subject(of professional: MockProfessional) -> String {
        subject(forSubjectNameID: professional.subjectNameID)
    }

    /// The `sub` for a national id: `f:<uuid>:<SubjectNameID>`.
    static func subject(forSubjectNameID subjectNameID: String) -> String {
        "f:\(StableUUID.make(from: "santekit-mock-psc:\(subjectNameID)")):\(subjectNameID)"
    }

    /// The full userinfo object.
    static func claims(of professional: MockProfessional) -> [String: JSONValue] {
        let firstActivity = professional.activities.first
        return [
            "sub": .string(subject(of: professional)),
            "SubjectNameID": .string(professional.subjectNameID),
            "preferred_username": .string(professional.subjectNameID),
            "given_name": .string(professional.givenName),
            "family_name": .string(professional.familyName),
            "email_verified": .bool(false),
            "codeCivilite": .string(professional.civilityCode),
            "otherIds": [
                [
                    "identifiant": .string(professional.subjectNameID),
                    "origine": .string(professional.registry.rawValue),
                    "qualite": .integer(1),
                ]
            ],
            "SubjectOrganization": .string(firstActivity?.structureName ?? ""),
            "SubjectOrganizationID": .string(firstActivity?.structureID ?? ""),
            "SubjectRole": [.string("\(professional.profession.code)^\(roleOID)")],
            "Secteur_Activite": .string(firstActivity.map { "\($0.sectorCode)^\(sectorOID)" } ?? ""),
            "codeGenreActivite": .string(firstActivity?.genreCode ?? ""),
            "Palier_Authentification": "APPPRIP3^1.2.250.1.213.1.5.1.1.1",
            "Mode_Acces_Raison": "",
            "Acces_Regulation_Medicale": "FAUX",
            "UITVersion": "1.0",
            "PSI_Locale": "1.2.250.1.213.1.3.1.1",
            "SubjectRefPro": [
                "codeCivilite": .string(professional.civilityCode),
                "exercices": [exercise(of: professional)],
            ],
        ]
    }

    private static func exercise(of professional: MockProfessional) -> JSONValue {
        let profession = professional.profession
        return [
            "codeProfession": .string(profession.code),
            "codeCategorieProfessionnelle": .string(profession.categoryCode),
            "codeCiviliteDexercice": .string(professional.practiceCivilityCode),
            "nomDexercice": .string(professional.familyName),
            "prenomDexercice": .string(professional.givenName),
            "codeTypeSavoirFaire": .string(profession.specialtyTypeCode),
            "codeSavoirFaire": .string(profession.specialtyCode),
            "activities": .array(professional.activities.map(activity)),
        ]
    }

    private static func activity(_ site: MockActivity) -> JSONValue {
        [
            "codeModeExercice": .string(site.modeCode),
            "codeSecteurDactivite": .string(site.sectorCode),
            "codeSectionPharmacien": "",
            "codeRole": "",
            "codeGenreActivite": .string(site.genreCode),
            "numeroSiretSite": .string(site.siret ?? ""),
            "numeroSirenSite": .string(site.siren ?? ""),
            "numeroFinessSite": .string(site.finess ?? ""),
            "numeroFinessetablissementJuridique": .string(site.legalEntityFiness ?? ""),
            "identifiantTechniqueDeLaStructure": .string(site.structureID),
            "raisonSocialeSite": .string(site.structureName),
            "enseigneCommercialeSite": "",
            "complementDestinataire": "",
            "complementPointGeographique": "",
            "numeroVoie": .string(site.streetNumber),
            "indiceRepetitionVoie": "",
            "codeTypeDeVoie": .string(site.streetTypeCode),
            "libelleVoie": .string(site.streetName),
            "mentionDistribution": "",
            "bureauCedex": .string(site.city),
            "codePostal": .string(site.postalCode),
            "codeCommune": .string(site.communeCode),
            "codePays": "99000",
            "telephone": .string(site.telephone),
            "telephone2": "",
            "telecopie": "",
            "adresseEMail": "",
            "codeDepartement": .string(site.departmentCode),
            "ancienIdentifiantDeLaStructure": .string(site.structureID),
            "autoriteDenregistrement": .string(site.registrationAuthority),
        ]
    }
}
