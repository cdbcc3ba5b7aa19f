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
    static func canSee(_ document: DMPStoredDocument, _ principal: MockPrincipal) -> Bool {
        guard document.removal == nil else { return false }
        switch principal {
        case .professional(let subjectNameID):
            return !document.securityCodes.contains(hiddenFromProfessionals) || document.isAuthored(by: subjectNameID)
        case .patient(let ins):
            return document.patient.value == ins && !document.securityCodes.contains(hiddenFromPatient)
        }
    }

    /// Whether `principal` may see `list`.
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
