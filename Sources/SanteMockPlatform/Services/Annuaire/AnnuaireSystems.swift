import Foundation

/// The code systems, identifier systems and profiles of Annuaire Santé API v2 resources.
enum AnnuaireSystems {
    static let identifierType = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203"
    static let idnps = "urn:oid:1.2.250.1.71.4.2.1"
    static let idnst = "urn:oid:1.2.250.1.71.4.2.2"
    static let rpps = "https://rpps.esante.gouv.fr"
    static let finess = "https://finess.esante.gouv.fr"
    static let siret = "https://sirene.fr"
    static let organizationTypeSystem = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-3307"
    static let organizationTypesExtension =
        "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-organization-types"
    static let emailType = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-contact-point-email-type"
    static let messagingType = "https://mos.esante.gouv.fr/NOS/TRE_R256-TypeMessagerie/FHIR/TRE-R256-TypeMessagerie"
    static let inseeCode = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code"
    static let commune = "https://mos.esante.gouv.fr/NOS/TRE_R13-Commune/FHIR/TRE-R13-Commune"
    static let source = "https://annuaire.esante.gouv.fr"
    static let lastUpdated = "2024-01-15T08:00:00.000+01:00"

    /// `https://mos.esante.gouv.fr/NOS/TRE_R22-GenreActivite/FHIR/TRE-R22-GenreActivite` for `TRE_R22-GenreActivite`.
    static func nos(_ table: String) -> String {
        let dashed = table.replacingOccurrences(of: "_", with: "-")
        return "https://mos.esante.gouv.fr/NOS/\(table)/FHIR/\(dashed)"
    }

    /// The FR Core and Annuaire (public data) profiles of a resource type.
    static func profiles(frCore: String?, annuaire: String) -> [String] {
        var profiles: [String] = []
        if let frCore {
            profiles.append("https://hl7.fr/ig/fhir/core/StructureDefinition/\(frCore)|2.2.0")
        }
        profiles.append(
            "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/\(annuaire)|1.2.0-snapshot-2")
        return profiles
    }
}
