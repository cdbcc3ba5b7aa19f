/// Who may see and change what in the mock DMP.
///
/// - A professional sees every document except those labelled `MASQUE_PS` that they did not author.
/// - A patient sees only the documents whose subject INS is theirs, never those labelled `INVISIBLE_PATIENT`.
/// - A document entered in error or deleted is seen by nobody.
enum DMPAccess {
    /// The `securityLabel` code hiding a document from professionals.
    static let hiddenFromProfessionals = "MASQUE_PS"
    /// The `securityLabel` code hiding a document from the patient.
    static let hiddenFromPatient = "INVISIBLE_PATIENT"

    /// Whether `principal` may see `document`.
    /// - Parameters:
    ///   - document: The document.
    ///   - principal: Who asks.
    ///   - ignoringRemoval: Whether to answer as if the document were not removed (to tell "gone" from "hidden").
    static func canSee(
        _ document: DMPStoredDocument, _ principal: MockPrincipal, ignoringRemoval: Bool = false
    ) -> Bool {
        canSee(
            securityCodes: document.securityCodes, authorIDs: document.authorIDs, patientINS: document.patient.value,
            isRemoved: !ignoringRemoval && document.removal != nil, principal)
    }

    /// The rules above on plain values, for services that only have a document's event (FHIR subscriptions).
    static func canSee(
        securityCodes: Set<String>, authorIDs: Set<String>, patientINS: String, isRemoved: Bool,
        _ principal: MockPrincipal
    ) -> Bool {
        guard !isRemoved else { return false }
        switch principal {
        case .professional(let subjectNameID):
            return !securityCodes.contains(hiddenFromProfessionals) || isAuthor(subjectNameID, among: authorIDs)
        case .patient(let ins):
            return patientINS == ins && !securityCodes.contains(hiddenFromPatient)
        }
    }

    /// Whether a professional with this `SubjectNameID` is one of `authorIDs` (`8`+RPPS, `0`+ADELI or the same id).
    static func isAuthor(_ subjectNameID: String, among authorIDs: Set<String>) -> Bool {
        authorIDs.contains { $0 == subjectNameID || "8" + $0 == subjectNameID || "0" + $0 == subjectNameID }
    }

    /// Whether `principal` may see `list` at all (its patient); ``DMPServiceState`` also requires that a List
    /// of documents shows at least one document the principal may see, since it carries their titles.
    static func canSee(_ list: DMPStoredList, _ principal: MockPrincipal) -> Bool {
        switch principal {
        case .professional: true
        case .patient(let ins): list.patient?.value == ins
        }
    }

    /// Whether `principal` is an author of `document`.
    static func isAuthor(_ principal: MockPrincipal, of document: DMPStoredDocument) -> Bool {
        if case .professional(let subjectNameID) = principal {
            return document.isAuthored(by: subjectNameID)
        }
        return false
    }

    /// Whether `principal` is the patient of `document`.
    static func isPatient(_ principal: MockPrincipal, of document: DMPStoredDocument) -> Bool {
        if case .patient(let ins) = principal {
            return document.patient.value == ins
        }
        return false
    }
}
