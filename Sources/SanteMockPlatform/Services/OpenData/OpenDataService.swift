import Hummingbird

/// Open data: the data.gouv.fr catalogue, the tabular API and dataset files.
///
/// Mounted under `/data` by MockRouterBuilder. Its routes are added by the milestone that implements the
/// service; until then every request under the prefix gets the mock's JSON `404`.
enum OpenDataService {
    /// Registers the service's routes on `group`, whose paths are relative to the service prefix.
    /// - Parameters:
    ///   - group: The route group of the service prefix.
    ///   - state: The service's state.
    static func registerRoutes(on group: RouterGroup<MockRequestContext>, state: OpenDataServiceState) {
        // No routes yet: the service's milestone adds them here.
    }
}
