import SanteCore

/// Reads and writes `DocumentReference.author` and the contained resources it points to.
enum AuthorMapping {
    /// The prefix of the contained resources the SDK writes for authors.
    static let containedPrefix = "author-"

    static func authors(of resource: PDSmDocumentReference) -> [DMPAuthor] {
        resource.author.map { author(for: $0, contained: resource.contained) }
    }

    static func author(for reference: FHIRReference, contained: [AnyFHIRResource]) -> DMPAuthor {
        guard let target = reference.reference, target.hasPrefix("#"),
            let resource = contained.first(where: { "#" + ($0.id ?? "") == target })
        else {
            return DMPAuthor(professional: nil, reference: reference)
        }
        func lookup(_ child: JSONValue?) -> AnyFHIRResource? {
            guard let ref = child?["reference"]?.stringValue, ref.hasPrefix("#") else { return nil }
            return contained.first { "#" + ($0.id ?? "") == ref }
        }
        switch resource.resourceType {
        case "Practitioner":
            // A contained PractitionerRole linking this practitioner to an organisation gives the institution.
            let role = contained.first {
                $0.resourceType == "PractitionerRole" && $0[member: "practitioner"]?["reference"]?.stringValue == target
            }
            let organization = lookup(role?[member: "organization"])
            return DMPAuthor(
                professional: DMPProfessional(resource: resource.json),
                organization: organization.map { DMPOrganization(resource: $0.json) })
        case "Organization":
            return DMPAuthor(professional: nil, organization: DMPOrganization(resource: resource.json))
        case "PractitionerRole":
            let practitioner = lookup(resource[member: "practitioner"])
            let organization = lookup(resource[member: "organization"])
            var professional = practitioner.map { DMPProfessional(resource: $0.json) }
            if professional == nil, resource[member: "identifier"] != nil {
                professional = DMPProfessional(resource: resource.json)
            }
            return DMPAuthor(
                professional: professional, organization: organization.map { DMPOrganization(resource: $0.json) })
        default:
            return DMPAuthor(professional: nil, reference: reference)
        }
    }

    /// Replaces the authors: removes the contained resources the SDK wrote for the old ones, then writes
    /// each new author as a contained Practitioner (and Organization + PractitionerRole when it has one).
    static func setAuthors(_ authors: [DMPAuthor], on resource: inout PDSmDocumentReference) {
        resource.contained.removeAll { ($0.id ?? "").hasPrefix(containedPrefix) }
        var references: [FHIRReference] = []
        for (offset, author) in authors.enumerated() {
            let base = "\(containedPrefix)\(offset + 1)"
            if let reference = author.reference, author.professional == nil, author.organization == nil {
                references.append(reference)
                continue
            }
            if let professional = author.professional,
                let practitioner = try? AnyFHIRResource(json: professional.practitionerJSON(id: base))
            {
                resource.contained.append(practitioner)
                references.append(FHIRReference(reference: "#\(base)"))
            }
            if let organization = author.organization,
                let org = try? AnyFHIRResource(json: organization.organizationJSON(id: base + "-organization"))
            {
                resource.contained.append(org)
                if author.professional != nil {
                    let role: JSONValue = .object([
                        "resourceType": "PractitionerRole", "id": .string(base + "-role"),
                        "practitioner": .object(["reference": .string("#\(base)")]),
                        "organization": .object(["reference": .string("#\(base)-organization")]),
                    ])
                    if let roleResource = try? AnyFHIRResource(json: role) {
                        resource.contained.append(roleResource)
                    }
                } else {
                    references.append(FHIRReference(reference: "#\(base)-organization"))
                }
            }
        }
        resource.author = references
    }
}
