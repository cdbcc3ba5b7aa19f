/// Someone a DMP document can be hidden from, with the TRE_A07 label that hides it.
public enum DMPVisibilityAudience: Sendable, Hashable, CaseIterable {
    /// Health professionals other than the author (`MASQUE_PS`).
    case professionals
    /// The patient (`INVISIBLE_PATIENT`).
    case patient
    /// A minor patient's legal representatives (`INVISIBLE_REPRESENTANTS_LEGAUX`).
    case legalRepresentatives

    /// The label that hides a document from this audience.
    public var label: DMPSecurityLabel {
        switch self {
        case .professionals: .hiddenFromProfessionals
        case .patient: .invisibleToPatient
        case .legalRepresentatives: .invisibleToLegalRepresentatives
        }
    }
}
