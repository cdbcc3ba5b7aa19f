import ArgumentParser
import SanteKit

/// `--from` values: who a document is hidden from.
enum DMPAudience: String, CaseIterable, ExpressibleByArgument {
    /// Health professionals other than the author (`MASQUE_PS`).
    case professionals
    /// The patient (`INVISIBLE_PATIENT`).
    case patient
    /// A minor's legal representatives (`INVISIBLE_REPRESENTANTS_LEGAUX`).
    case legalRepresentatives = "legal-representatives"

    /// The client's audience.
    var audience: DMPVisibilityAudience {
        switch self {
        case .professionals: .professionals
        case .patient: .patient
        case .legalRepresentatives: .legalRepresentatives
        }
    }
}
