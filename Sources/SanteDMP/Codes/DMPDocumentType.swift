/// The kind of a DMP document (XDS `typeCode`, FHIR `DocumentReference.type`): mostly LOINC codes
/// (value set JDV_J66 for the DMP), a few from TRE_A05.
///
/// ```swift
/// let type = DMPDocumentType.consultationReport          // LOINC 11488-4
/// let other = DMPDocumentType(code: "34749-2", system: PDSmURLs.loinc, display: nil)
/// ```
public struct DMPDocumentType: DMPCodedValue {
    /// The code.
    public let code: String
    /// The code system.
    public let system: String
    /// A human-readable label.
    public let display: String?

    /// Creates a document type.
    /// - Parameters:
    ///   - code: The code.
    ///   - system: The code system (LOINC by default).
    ///   - display: A human-readable label.
    public init(code: String, system: String = PDSmURLs.loinc, display: String? = nil) {
        self.code = code
        self.system = system
        self.display = display
    }

    /// LOINC 11488-4: consultation report (compte rendu de consultation).
    public static let consultationReport = DMPDocumentType(code: "11488-4", display: "CR de consultation")
    /// LOINC 34133-9: summary of episode note (synthèse d'épisode de soins).
    public static let episodeSummary = DMPDocumentType(code: "34133-9", display: "Synthèse d'épisode de soins")
    /// LOINC 11490-0: discharge summary (lettre de liaison de sortie).
    public static let dischargeSummary = DMPDocumentType(code: "11490-0", display: "Lettre de liaison de sortie")
    /// LOINC 57833-6: prescription for medication (prescription de produits de santé).
    public static let medicationPrescription = DMPDocumentType(
        code: "57833-6", display: "Prescription de produits de santé")
    /// LOINC 60591-5: patient summary (volet de synthèse médicale).
    public static let patientSummary = DMPDocumentType(code: "60591-5", display: "Synthèse médicale")
    /// LOINC 11369-6: history of immunization (historique des vaccinations).
    public static let immunizationHistory = DMPDocumentType(code: "11369-6", display: "Historique des vaccinations")
    /// LOINC 18748-4: diagnostic imaging study (compte rendu d'imagerie médicale).
    public static let imagingReport = DMPDocumentType(code: "18748-4", display: "CR d'imagerie médicale")
    /// LOINC 11502-2: laboratory report (compte rendu d'examens biologiques).
    public static let laboratoryReport = DMPDocumentType(code: "11502-2", display: "CR d'examens biologiques")
    /// LOINC 11526-1: pathology study (compte rendu d'anatomie et de cytologie pathologiques).
    public static let pathologyReport = DMPDocumentType(code: "11526-1", display: "CR d'anatomie pathologique")
    /// LOINC 11504-8: surgical operation note (compte rendu opératoire).
    public static let operativeReport = DMPDocumentType(code: "11504-8", display: "CR opératoire")

    /// The known document types.
    public static let known: [DMPDocumentType] = [
        .consultationReport, .episodeSummary, .dischargeSummary, .medicationPrescription, .patientSummary,
        .immunizationHistory, .imagingReport, .laboratoryReport, .pathologyReport, .operativeReport,
    ]
}
