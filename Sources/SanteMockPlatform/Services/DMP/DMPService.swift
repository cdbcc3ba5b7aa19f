import Hummingbird

/// The DMP FHIR API (PDSm: DocumentReference, Binary, Patient).
///
/// Mounted under `/dmp/fhir` by MockRouterBuilder. Its routes are added by the milestone that implements the
/// service; until then every request under the prefix gets the mock's JSON `404`.
enum DMPService {
    /// Registers the service's routes on `group`, whose paths are relative to the service prefix.
    /// - Parameters:
    ///   - group: The route group of the service prefix.
    ///   - state: The service's state.
    static func registerRoutes(on group: RouterGroup<MockRequestContext>, state: DMPServiceState) {
        // No routes yet: the service's milestone adds them here.
    }
}
