import Hummingbird

/// The Annuaire Santé FHIR API (Practitioner, PractitionerRole, Organization).
///
/// Mounted under `/annuaire/fhir/v2` by MockRouterBuilder. Its routes are added by the milestone that implements the
/// service; until then every request under the prefix gets the mock's JSON `404`.
enum AnnuaireService {
    /// Registers the service's routes on `group`, whose paths are relative to the service prefix.
    /// - Parameters:
    ///   - group: The route group of the service prefix.
    ///   - state: The service's state.
    static func registerRoutes(on group: RouterGroup<MockRequestContext>, state: AnnuaireServiceState) {
        // No routes yet: the service's milestone adds them here.
    }
}
