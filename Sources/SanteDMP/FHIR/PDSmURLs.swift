/// Canonical URLs and code systems of PDSm, IHE MHD and the French nomenclatures (NOS) used by the DMP.
public enum PDSmURLs {
    /// The PDSm Comprehensive DocumentReference profile.
    public static let documentReferenceProfile =
        "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-comprehensive-document-reference"
    /// The PDSm Comprehensive Provide Document Bundle profile (ITI-65).
    public static let provideBundleProfile =
        "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-comprehensive-provide-document-bundle"
    /// The PDSm SubmissionSet profile.
    public static let submissionSetProfile =
        "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-submissionset-comprehensive"
    /// The PDSm Folder profile.
    public static let folderProfile =
        "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-folder-comprehensive"
    /// The PDSm simplified publish profile (ITI-105).
    public static let simplifiedPublishProfile =
        "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-simplified-publish"
    /// The `pdsm-ext-is-archived` extension (boolean, on DocumentReference and List).
    public static let isArchivedExtension =
        "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-ext-is-archived"
    /// The `pdsm-ext-intended-recipient` extension (on a submission set).
    public static let intendedRecipientExtension =
        "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-ext-intended-recipient"
    /// IHE MHD `ihe-designationType` (the content type code of a submission set or folder).
    public static let designationTypeExtension =
        "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-designationType"
    /// IHE MHD `ihe-sourceId` (the OID of the sending system).
    public static let sourceIdExtension = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId"
    /// IHE MHD `ihe-authorOrg` (the organisation of a submission set's author).
    public static let authorOrgExtension = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-authorOrg"
    /// The MHD list type code system (`submissionset`, `folder`).
    public static let listTypesSystem = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes"
    /// The identifier system for URIs (`urn:oid:…`, `urn:uuid:…`), used for unique ids.
    public static let uriIdentifierSystem = "urn:ietf:rfc:3986"
    /// The LOINC code system.
    public static let loinc = "http://loinc.org"
    /// HL7 v3 Confidentiality.
    public static let confidentiality = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
    /// TRE_A03-ClasseDocument (DMP document classes).
    public static let documentClassSystem =
        "https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument"
    /// TRE_A07-StatutVisibiliteDocument (DMP visibility).
    public static let visibilitySystem =
        "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument"
    /// TRE_A11-IheFormatCode (IHE format codes).
    public static let iheFormatSystem =
        "https://mos.esante.gouv.fr/NOS/TRE_A11-IheFormatCode/FHIR/TRE-A11-IheFormatCode"
    /// TRE_A06-FormatCodeComplementaire (French CI-SIS format codes).
    public static let complementaryFormatSystem =
        "https://mos.esante.gouv.fr/NOS/TRE_A06-FormatCodeComplementaire/FHIR/TRE-A06-FormatCodeComplementaire"
    /// The IHE format code system used by MHD (`urn:ihe:iti:xds:2017:mimeTypeSufficient`).
    public static let iheFormatCodeSystem = "http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode"
    /// TRE_R02-SecteurActivite (facility types).
    public static let activitySectorSystem =
        "https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite"
    /// TRE_A01-CadreExercice (practice settings).
    public static let practiceSettingSystem =
        "https://mos.esante.gouv.fr/NOS/TRE_A01-CadreExercice/FHIR/TRE-A01-CadreExercice"
    /// IDNPS, the national professional identifier (`8` + RPPS…).
    public static let professionalIdentifierSystem = "urn:oid:1.2.250.1.71.4.2.1"
    /// IDNST, the national structure identifier (`1` + FINESS, `3` + SIRET…).
    public static let structureIdentifierSystem = "urn:oid:1.2.250.1.71.4.2.2"
    /// The bare RPPS number system.
    public static let rppsSystem = "https://rpps.esante.gouv.fr"
}
