extension MockIdentities {
    /// The documented identities (see ``MockIdentities``); every platform serves these.
    public static let `default` = MockIdentities(
        demoClient: MockOAuthClient(
            clientID: "santekit-demo",
            clientSecret: "santekit-demo-secret-7f3a9c2e5b8d4016",
            allowsLoopbackRedirects: true,
            redirectURIs: [],
            scopes: ["openid", "scope_all", "offline_access"]
        ),
        professionals: [generalPractitioner, cardiologist, nurse, psychologist],
        patients: [
            MockPatient(
                ins: "279035121518989", familyName: "PAT-TROIS", givenNames: ["DOMINIQUE"], gender: "female",
                birthDate: "1979-03-28", birthPlaceCode: "51215"),
            MockPatient(
                ins: "290116912304559", familyName: "DURAND", givenNames: ["LUCIE", "MARIE"], gender: "female",
                birthDate: "1990-11-14", birthPlaceCode: "69123"),
            MockPatient(
                ins: "158027511501292", familyName: "MARTIN", givenNames: ["PAUL", "HENRI"], gender: "male",
                birthDate: "1958-02-03", birthPlaceCode: "75115"),
            MockPatient(
                ins: "172072A00403339", familyName: "ORSINI", givenNames: ["ANTOINE"], gender: "male",
                birthDate: "1972-07-21", birthPlaceCode: "2A004"),
            MockPatient(
                ins: "219064410921023", familyName: "PETIT", givenNames: ["CHLOE", "ANNE"], gender: "female",
                birthDate: "2019-06-09", birthPlaceCode: "44109"),
        ],
        notifyKey: MockNotifyAPIKey(
            name: "santekit_test_key",
            serviceID: "5c7bbe2f-daca-417f-83dc-1dabb7ad5dfa",
            secret: "998898f4-61f3-401b-9a5e-457dc1bcb0b7"
        )
    )

    private static let generalPractitioner = MockProfessional(
        subjectNameID: "899990000012", registry: .rpps, registryNumber: "99990000012",
        civilityCode: "MME", practiceCivilityCode: "DR", givenName: "CAMILLE", familyName: "LEFEBVRE",
        profession: MockProfession(
            code: "10", label: "Médecin", categoryCode: "C", specialtyTypeCode: "S", specialtyCode: "SM54",
            specialtyLabel: "Médecine générale"),
        activities: [
            MockActivity(
                modeCode: "L", sectorCode: "SA07", structureName: "CABINET DU DR LEFEBVRE",
                structureID: "499990000012001", siret: "99999001300016",
                streetNumber: "24", streetTypeCode: "R", streetName: "DE LA CONVENTION", postalCode: "75015",
                city: "75015 PARIS", communeCode: "75115", departmentCode: "75", telephone: "0145000001",
                registrationAuthority: "CNOM/CNOM/CNOM")
        ]
    )

    private static let cardiologist = MockProfessional(
        subjectNameID: "899990000020", registry: .rpps, registryNumber: "99990000020",
        civilityCode: "M", practiceCivilityCode: "PR", givenName: "JULIEN", familyName: "MARCHAND",
        profession: MockProfession(
            code: "10", label: "Médecin", categoryCode: "C", specialtyTypeCode: "S", specialtyCode: "SM04",
            specialtyLabel: "Cardiologie et maladies vasculaires"),
        activities: [
            MockActivity(
                modeCode: "S", sectorCode: "SA01", structureName: "CENTRE HOSPITALIER SANTEKIT",
                structureID: "1750999997", siret: "99999002100019", finess: "750999997",
                legalEntityFiness: "750999989",
                streetNumber: "1", streetTypeCode: "PL", streetName: "DE L HOPITAL", postalCode: "75014",
                city: "75014 PARIS", communeCode: "75114", departmentCode: "75", telephone: "0140000002",
                registrationAuthority: "CNOM/CNOM/CNOM")
        ]
    )

    private static let nurse = MockProfessional(
        subjectNameID: "899990000038", registry: .rpps, registryNumber: "99990000038",
        civilityCode: "MME", practiceCivilityCode: "", givenName: "SOPHIE", familyName: "GIRARD",
        profession: MockProfession(code: "60", label: "Infirmier", categoryCode: "C"),
        activities: [
            MockActivity(
                modeCode: "S", sectorCode: "SA05", structureName: "CENTRE DE SANTE DES TERREAUX",
                structureID: "1690999974", siret: "99999003900011", finess: "690999974",
                streetNumber: "8", streetTypeCode: "R", streetName: "D ALGERIE", postalCode: "69001",
                city: "69001 LYON", communeCode: "69381", departmentCode: "69", telephone: "0478000003",
                registrationAuthority: "ONI/ONI/ONI"),
            MockActivity(
                modeCode: "L", sectorCode: "SA07", structureName: "CABINET INFIRMIER GIRARD",
                structureID: "499990000038001",
                streetNumber: "15", streetTypeCode: "QU", streetName: "DES CELESTINS", postalCode: "69002",
                city: "69002 LYON", communeCode: "69382", departmentCode: "69", telephone: "0478000004",
                registrationAuthority: "ONI/ONI/ONI"),
        ]
    )

    private static let psychologist = MockProfessional(
        subjectNameID: "0759300122", registry: .adeli, registryNumber: "759300122",
        civilityCode: "M", practiceCivilityCode: "", givenName: "THOMAS", familyName: "ROUSSEL",
        profession: MockProfession(code: "93", label: "Psychologue", categoryCode: "C"),
        activities: [
            MockActivity(
                modeCode: "L", sectorCode: "SA07", structureName: "CABINET DE PSYCHOLOGIE ROUSSEL",
                structureID: "0759300122001",
                streetNumber: "7", streetTypeCode: "BD", streetName: "VOLTAIRE", postalCode: "75011",
                city: "75011 PARIS", communeCode: "75111", departmentCode: "75", telephone: "0143000005",
                registrationAuthority: "ARS/ARS/ARS")
        ]
    )
}
