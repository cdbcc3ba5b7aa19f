/// The mock Annuaire Santé: every resource, by type, sorted by `_id`.
///
/// Built from the seeded professionals of ``MockIdentities`` (their practice sites become PractitionerRoles and
/// Organizations; a hospital's legal entity becomes a `LEGAL-ENTITY` Organization its site is `partOf`), then the
/// generated ``AnnuaireExtras``. Ids are six digits: Practitioner `1xxxxx`, PractitionerRole `2xxxxx`, Organization
/// `3xxxxx`, HealthcareService `4xxxxx`; the seeded identities get the first ones, whatever the seed.
struct AnnuaireDirectory: Sendable {
    /// The resources of each type, in `_id` order.
    let resources: [String: [AnnuaireResource]]

    /// The resource types served.
    static let types = ["Practitioner", "PractitionerRole", "Organization", "HealthcareService"]

    /// The resource `type/id`, if any.
    func resource(type: String, id: String) -> AnnuaireResource? {
        resources[type]?.first { $0.id == id }
    }

    /// Builds the directory.
    init(identities: MockIdentities, seed: UInt64) {
        let people = identities.professionals.map(DirectoryPerson.init) + AnnuaireExtras.professionals(seed: seed)
        var practitioners: [AnnuaireResource] = []
        var roles: [AnnuaireResource] = []
        var organizations: [AnnuaireResource] = []
        var services: [AnnuaireResource] = []
        var organizationIDs: [String: String] = [:]
        var legalEntityIDs: [String: String] = [:]

        func organizationID(for structure: DirectoryStructure) -> String {
            if let id = organizationIDs[structure.structureID] {
                return id
            }
            var partOf: String?
            if let legal = structure.legalEntityFiness {
                if let existing = legalEntityIDs[legal] {
                    partOf = existing
                } else {
                    let id = String(300_001 + organizations.count)
                    organizations.append(
                        AnnuaireResourceBuilder.legalEntity(
                            finess: legal, name: structure.name, sector: structure.sectorCode, id: id))
                    legalEntityIDs[legal] = id
                    partOf = id
                }
            }
            let id = String(300_001 + organizations.count)
            organizations.append(AnnuaireResourceBuilder.organization(structure, id: id, partOf: partOf))
            organizationIDs[structure.structureID] = id
            if structure.finess != nil {
                let serviceCount = structure.sectorCode == "SA01" ? 3 : 1
                for number in 0..<serviceCount {
                    services.append(
                        AnnuaireResourceBuilder.healthcareService(
                            id: String(400_001 + services.count), organizationID: id,
                            category: structure.sectorCode == "SA01" ? "01" : "05",
                            type: ["04", "07", "11"][number % 3], characteristic: "0\(number + 1)"))
                }
            }
            return id
        }

        for (index, person) in people.enumerated() {
            let practitionerID = String(100_001 + index)
            practitioners.append(AnnuaireResourceBuilder.practitioner(person, id: practitionerID))
            for (number, site) in person.sites.enumerated() {
                let organization = organizationID(for: site.structure)
                roles.append(
                    AnnuaireResourceBuilder.practitionerRole(
                        person, site: site, number: number + 1, id: String(200_001 + roles.count),
                        practitionerID: practitionerID, organizationID: organization))
            }
        }
        resources = [
            "Practitioner": practitioners, "PractitionerRole": roles,
            "Organization": organizations.sorted { $0.id < $1.id }, "HealthcareService": services,
        ]
    }
}
