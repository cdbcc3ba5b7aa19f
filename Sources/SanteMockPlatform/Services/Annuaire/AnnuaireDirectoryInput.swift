/// A professional as the directory builder sees one: the seeded ``MockProfessional``s and the generated extras
/// both become this.
struct DirectoryPerson: Sendable {
    let nationalID: String
    let rpps: String?
    let civility: String
    let practiceCivility: String
    let givenName: String
    let familyName: String
    let professionCode: String
    let categoryCode: String
    let specialtyCode: String
    let sites: [DirectorySite]
}

/// One practice of a professional at a structure.
struct DirectorySite: Sendable {
    let modeCode: String
    let genreCode: String
    let structure: DirectoryStructure
}

/// A structure (a geographical entity), with its legal entity when it has one.
struct DirectoryStructure: Sendable {
    let structureID: String
    let name: String
    let finess: String?
    let legalEntityFiness: String?
    let siret: String?
    let sectorCode: String
    let streetNumber: String
    let streetTypeCode: String
    let streetName: String
    let postalCode: String
    let city: String
    let communeCode: String
    let telephone: String
}

extension DirectoryPerson {
    /// A seeded test professional.
    init(_ professional: MockProfessional) {
        self.init(
            nationalID: professional.subjectNameID, rpps: professional.rpps, civility: professional.civilityCode,
            practiceCivility: professional.practiceCivilityCode, givenName: professional.givenName,
            familyName: professional.familyName, professionCode: professional.profession.code,
            categoryCode: professional.profession.categoryCode, specialtyCode: professional.profession.specialtyCode,
            sites: professional.activities.map { activity in
                DirectorySite(
                    modeCode: activity.modeCode, genreCode: activity.genreCode,
                    structure: DirectoryStructure(
                        structureID: activity.structureID, name: activity.structureName, finess: activity.finess,
                        legalEntityFiness: activity.legalEntityFiness, siret: activity.siret,
                        sectorCode: activity.sectorCode, streetNumber: activity.streetNumber,
                        streetTypeCode: activity.streetTypeCode, streetName: activity.streetName,
                        postalCode: activity.postalCode,
                        city: String(activity.city.drop { $0.isNumber || $0 == " " }),
                        communeCode: activity.communeCode, telephone: activity.telephone))
            })
    }
}
