import Hummingbird

/// The Notify API (GOV.UK Notify v2: notifications, templates, received texts).
///
/// Mounted twice by ``MockRouterBuilder``: under `/notify` and at the root, so that `/notify/v2/...` and
/// `/v2/...` both reach it. Its routes are added by the milestone that implements the
/// service; until then every request under the prefix gets the mock's JSON `404`.
enum NotifyService {
    /// Registers the service's routes on `group`, whose paths are relative to the service prefix.
    /// - Parameters:
    ///   - group: The route group of the service prefix.
    ///   - state: The service's state.
    static func registerRoutes(on group: RouterGroup<MockRequestContext>, state: NotifyServiceState) {
        // No routes yet: the service's milestone adds them here.
    }
}
