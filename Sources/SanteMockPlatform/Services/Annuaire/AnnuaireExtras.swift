import SanteCore

/// The directory's generated professionals and structures, drawn from the platform seed (the seeded
/// ``MockIdentities`` come first and never depend on it).
///
/// RPPS numbers are `99991` followed by five digits and a Luhn key, SIRETs start with `99999`, FINESS numbers
/// with the département and `99`: none can collide with a real registry entry.
enum AnnuaireExtras {
    /// How many generated professionals there are.
    static let professionalCount = 60

    /// The generated professionals, with their practice sites.
    static func professionals(seed: UInt64) -> [DirectoryPerson] {
        let structures = structures(seed: seed)
        return (0..<professionalCount).map { index in
            var draws = SeededDraws(seed: seed, key: "annuaire-professional", index: index)
            let profession = draws.pick(professions)
            let rpps = RPPS.withComputedKey(payload: "99991\(five(10_000 + index))")?.rawValue ?? "99991\(five(index))0"
            let female = draws.chance(0.55)
            let siteCount = draws.chance(0.3) ? 2 : 1
            var sites: [DirectorySite] = []
            for _ in 0..<siteCount {
                let structure = draws.pick(structures)
                guard !sites.contains(where: { $0.structure.structureID == structure.structureID }) else { continue }
                let mode = structure.finess != nil ? "S" : "L"
                sites.append(DirectorySite(modeCode: mode, genreCode: "GENR01", structure: structure))
            }
            return DirectoryPerson(
                nationalID: "8\(rpps)", rpps: rpps, civility: female ? "MME" : "M",
                practiceCivility: profession.code == "10" ? "DR" : "",
                givenName: draws.pick(female ? femaleNames : maleNames), familyName: draws.pick(familyNames),
                professionCode: profession.code, categoryCode: "C", specialtyCode: profession.specialty,
                sites: sites)
        }
    }

    /// The generated structures: practices, pharmacies and hospitals in several départements.
    static func structures(seed: UInt64) -> [DirectoryStructure] {
        var structures: [DirectoryStructure] = []
        let places: [(department: String, city: String, postalCode: String, commune: String)] = [
            ("13", "MARSEILLE", "13005", "13205"), ("31", "TOULOUSE", "31000", "31555"),
            ("33", "BORDEAUX", "33000", "33063"), ("44", "NANTES", "44000", "44109"),
            ("59", "LILLE", "59000", "59350"), ("67", "STRASBOURG", "67000", "67482"),
            ("69", "LYON", "69003", "69383"), ("75", "PARIS", "75012", "75112"),
        ]
        for index in 0..<20 {
            var draws = SeededDraws(seed: seed, key: "annuaire-structure", index: index)
            let place = places[index % places.count]
            let kind = index % 5
            let streetNumber = String(draws.int(in: 1...140))
            let streetType = draws.pick(["R", "AV", "BD", "PL"])
            let streetName = draws.pick(["DE LA REPUBLIQUE", "VICTOR HUGO", "JEAN JAURES", "PASTEUR", "GAMBETTA"])
            let telephone = "0\(draws.int(in: 1...5))\(draws.int(in: 10_000_000...99_999_999))"
            switch kind {
            case 0:
                let finess = FINESS.withComputedKey(payload: "\(place.department)99\(four(index))")?.rawValue
                let legal = FINESS.withComputedKey(payload: "\(place.department)98\(four(index))")?.rawValue
                structures.append(
                    DirectoryStructure(
                        structureID: "1\(finess ?? "")", name: "CENTRE HOSPITALIER DE \(place.city) \(index)",
                        finess: finess, legalEntityFiness: legal, siret: nil, sectorCode: "SA01",
                        streetNumber: streetNumber, streetTypeCode: streetType, streetName: streetName,
                        postalCode: place.postalCode, city: place.city, communeCode: place.commune,
                        telephone: telephone))
            case 1:
                let finess = FINESS.withComputedKey(payload: "\(place.department)97\(four(index))")?.rawValue
                structures.append(
                    DirectoryStructure(
                        structureID: "1\(finess ?? "")", name: "PHARMACIE \(streetName)", finess: finess,
                        legalEntityFiness: nil, siret: siret(index), sectorCode: "SA33", streetNumber: streetNumber,
                        streetTypeCode: streetType, streetName: streetName, postalCode: place.postalCode,
                        city: place.city, communeCode: place.commune, telephone: telephone))
            default:
                let siret = siret(index)
                structures.append(
                    DirectoryStructure(
                        structureID: "3\(siret ?? "")", name: "CABINET MEDICAL \(streetName)", finess: nil,
                        legalEntityFiness: nil, siret: siret, sectorCode: "SA07", streetNumber: streetNumber,
                        streetTypeCode: streetType, streetName: streetName, postalCode: place.postalCode,
                        city: place.city, communeCode: place.commune, telephone: telephone))
            }
        }
        return structures
    }

    private static func siret(_ index: Int) -> String? {
        SIRET.withComputedKey(payload: "99999\(four(index))\(four(100 + index))")?.rawValue
    }

    private static let professions: [(code: String, specialty: String)] = [
        ("10", "SM54"), ("10", "SM54"), ("10", "SM04"), ("10", "SM40"), ("21", ""), ("60", ""), ("60", ""),
        ("40", ""), ("50", ""), ("70", ""),
    ]

    private static let femaleNames = [
        "MARIE", "LEA", "CAMILLE", "MANON", "CHLOE", "JULIE", "SARAH", "EMMA", "LUCIE", "CLARA", "INES", "ANNE",
    ]
    private static let maleNames = [
        "THOMAS", "NICOLAS", "JULIEN", "PIERRE", "ANTOINE", "LUCAS", "HUGO", "MAXIME", "PAUL", "LOUIS", "MARC",
    ]
    private static let familyNames = [
        "MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU",
        "SIMON", "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER",
        "MOREL", "GIRARD", "ANDRE", "MERCIER", "DUPONT", "LAMBERT", "BONNET", "FRANCOIS", "MARTINEZ", "LEGRAND",
    ]

    private static func four(_ value: Int) -> String { padded(value, 4) }
    private static func five(_ value: Int) -> String { padded(value, 5) }

    private static func padded(_ value: Int, _ width: Int) -> String {
        var bytes: [UInt8] = []
        ASCII.appendPadded(value % 100_000, width: width, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
