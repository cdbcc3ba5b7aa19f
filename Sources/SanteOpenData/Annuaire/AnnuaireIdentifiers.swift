import SanteCore

/// The identifier systems of the Annuaire Santé (API v2) and helpers to read them from FHIR identifiers.
public enum AnnuaireIdentifierSystem {
    /// RPPS numbers: `https://rpps.esante.gouv.fr`.
    public static let rpps = RPPS.fhirSystem
    /// RPPS numbers in API v1: `http://rpps.fr`.
    public static let rppsVersion1 = "http://rpps.fr"
    /// National professional identifiers (IDNPS): `urn:oid:1.2.250.1.71.4.2.1`.
    public static let nationalProfessional = NationalProfessionalIdentifier.fhirSystem
    /// National structure identifiers (IDNST): `urn:oid:1.2.250.1.71.4.2.2`.
    public static let nationalStructure = NationalStructureIdentifier.fhirSystem
    /// FINESS numbers: `https://finess.esante.gouv.fr`.
    public static let finess = FINESS.fhirSystem
    /// SIRET (and SIREN) numbers in FR Core: `https://sirene.fr`.
    public static let sirene = "https://sirene.fr"
    /// RPPS-rang identifiers: `https://rppsrang.esante.gouv.fr`.
    public static let rppsRang = "https://rppsrang.esante.gouv.fr"
}

extension Array where Element == FHIRIdentifier {
    /// The value of the first identifier in `system`.
    func value(system: String) -> String? {
        first { $0.system == system }?.value
    }

    /// The value of the first identifier whose type has the code `code`.
    func value(typeCode code: String) -> String? {
        first { identifier in identifier.type?.coding.contains { $0.code == code } ?? false }?.value
    }
}
