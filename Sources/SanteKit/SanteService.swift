public import Foundation

/// A service of France's e-health platform that SanteKit talks to.
public enum SanteService: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Pro Santé Connect, the identity provider of health professionals.
    case proSanteConnect = "pro-sante-connect"
    /// The DMP's FHIR (PDSm) document API.
    case dmp
    /// The data.gouv.fr-compatible open-data catalogue.
    case openData = "open-data"
    /// The Annuaire Santé FHIR directory.
    case annuaire
    /// The Notify-compatible notification API.
    case notify

    /// The service's stable name, such as `"open-data"`.
    public var description: String { rawValue }
}

extension SanteEnvironment {
    /// The endpoint of `service` in this environment, or `nil` when the environment does not offer it.
    ///
    /// For Pro Santé Connect this is the discovery document's URL.
    /// - Parameter service: The service.
    /// - Returns: Its URL, or `nil`.
    public func endpoint(for service: SanteService) -> URL? {
        switch service {
        case .proSanteConnect: proSanteConnectDiscoveryURL
        case .dmp: dmpBaseURL
        case .openData: openDataBaseURL
        case .annuaire: annuaireBaseURL
        case .notify: notifyBaseURL
        }
    }
}
