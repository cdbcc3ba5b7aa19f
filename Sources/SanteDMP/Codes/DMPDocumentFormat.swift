/// The format of a DMP document's content (XDS `formatCode`, FHIR `DocumentReference.content.format`):
/// TRE_A11 (IHE formats) and TRE_A06 (French CI-SIS formats), value set JDV_J60 for the DMP.
public struct DMPDocumentFormat: DMPCodedValue {
    /// The code.
    public let code: String
    /// The code system.
    public let system: String
    /// A human-readable label.
    public let display: String?

    /// Creates a format.
    /// - Parameters:
    ///   - code: The code, such as `urn:ihe:iti:xds-sd:pdf:2008`.
    ///   - system: The code system (TRE_A11 by default).
    ///   - display: A human-readable label.
    public init(code: String, system: String = PDSmURLs.iheFormatSystem, display: String? = nil) {
        self.code = code
        self.system = system
        self.display = display
    }

    /// TRE_A11 `urn:ihe:iti:xds-sd:pdf:2008`: unstructured PDF/A-1 body (CDA with a PDF body).
    public static let pdf = DMPDocumentFormat(
        code: "urn:ihe:iti:xds-sd:pdf:2008", display: "Document à corps non structuré en Pdf/A-1")
    /// TRE_A11 `urn:ihe:iti:xds-sd:text:2008`: unstructured plain-text body.
    public static let text = DMPDocumentFormat(
        code: "urn:ihe:iti:xds-sd:text:2008", display: "Document à corps non structuré en texte brut")
    /// TRE_A11 `urn:ihe:lab:xd-lab:2008`: structured laboratory report.
    public static let laboratoryReport = DMPDocumentFormat(
        code: "urn:ihe:lab:xd-lab:2008", display: "Compte rendu structuré d'examens de biologie médicale")
    /// TRE_A11 `urn:ihe:pcc:ips:2020`: International Patient Summary.
    public static let internationalPatientSummary = DMPDocumentFormat(
        code: "urn:ihe:pcc:ips:2020", display: "International Patient Summary")
    /// TRE_A06 `urn:asip:ci-sis:vsm:2012`: volet de synthèse médicale.
    public static let medicalSummary = DMPDocumentFormat(
        code: "urn:asip:ci-sis:vsm:2012", system: PDSmURLs.complementaryFormatSystem,
        display: "Volet de synthèse médicale")
    /// TRE_A06 `urn:asip:ci-sis:vac:2019`: vaccination note.
    public static let vaccinationNote = DMPDocumentFormat(
        code: "urn:asip:ci-sis:vac:2019", system: PDSmURLs.complementaryFormatSystem,
        display: "Note de vaccination")
    /// IHE `urn:ihe:iti:xds:2017:mimeTypeSufficient`: the MIME type says it all.
    public static let mimeTypeSufficient = DMPDocumentFormat(
        code: "urn:ihe:iti:xds:2017:mimeTypeSufficient", system: PDSmURLs.iheFormatCodeSystem,
        display: "mimeType Sufficient")

    /// The known formats.
    public static let known: [DMPDocumentFormat] = [
        .pdf, .text, .laboratoryReport, .internationalPatientSummary, .medicalSummary, .vaccinationNote,
        .mimeTypeSufficient,
    ]
}
