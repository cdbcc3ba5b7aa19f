/// The class of a DMP document (XDS `classCode`, FHIR `DocumentReference.category`): TRE_A03-ClasseDocument
/// (value set JDV_J57 for the DMP).
public struct DMPDocumentClass: DMPCodedValue {
    /// The code.
    public let code: String
    /// The code system.
    public let system: String
    /// A human-readable label.
    public let display: String?

    /// Creates a document class.
    /// - Parameters:
    ///   - code: The code.
    ///   - system: The code system (TRE_A03 by default).
    ///   - display: A human-readable label.
    public init(code: String, system: String = PDSmURLs.documentClassSystem, display: String? = nil) {
        self.code = code
        self.system = system
        self.display = display
    }

    /// `10`: compte rendu (report).
    public static let report = DMPDocumentClass(code: "10", display: "Compte rendu")
    /// `11`: synthèse (summary).
    public static let summary = DMPDocumentClass(code: "11", display: "Synthèse")
    /// `31`: imagerie médicale (imaging).
    public static let imaging = DMPDocumentClass(code: "31", display: "Imagerie médicale")
    /// `42`: prescription.
    public static let prescription = DMPDocumentClass(code: "42", display: "Prescription")
    /// `43`: dispensation.
    public static let dispensation = DMPDocumentClass(code: "43", display: "Dispensation")
    /// `44`: plan de soins (care plan).
    public static let carePlan = DMPDocumentClass(code: "44", display: "Plan de soins")
    /// `45`: traitement administré (administered treatment).
    public static let administeredTreatment = DMPDocumentClass(code: "45", display: "Traitement administré")
    /// `52`: certificat (certificate).
    public static let certificate = DMPDocumentClass(code: "52", display: "Certificat")
    /// `90`: document déposé par le patient (added by the patient).
    public static let patientDocument = DMPDocumentClass(code: "90", display: "Document déposé par le patient")
    /// `95`: gestion (administrative).
    public static let administrative = DMPDocumentClass(code: "95", display: "Gestion")

    /// The known classes.
    public static let known: [DMPDocumentClass] = [
        .report, .summary, .imaging, .prescription, .dispensation, .carePlan, .administeredTreatment,
        .certificate, .patientDocument, .administrative,
    ]

    /// The class of a document type, from the official concept map ASS_X16 (TRE_A05/LOINC type → TRE_A03
    /// class), for the entries this SDK knows.
    ///
    /// - Parameter type: The document type.
    /// - Returns: The class, or `nil` when the map has no entry for this type (set the class yourself).
    public static func forType(_ type: DMPDocumentType) -> DMPDocumentClass? {
        guard type.system == PDSmURLs.loinc else { return nil }
        return typeToClass[type.code]
    }

    /// ASS_X16 entries: LOINC type code → TRE_A03 class.
    static let typeToClass: [String: DMPDocumentClass] = [
        "11488-4": .report,
        "34133-9": .summary,
        "18748-4": .imaging,
        "57833-6": .prescription,
    ]
}
