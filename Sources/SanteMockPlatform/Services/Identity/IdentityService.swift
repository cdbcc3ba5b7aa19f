import Hummingbird

/// The Pro Santé Connect identity provider (OpenID Connect, Keycloak realm `esante-wallet`).
///
/// Mounted under `/psc` by MockRouterBuilder. Its routes are added by the milestone that implements the
/// service; until then every request under the prefix gets the mock's JSON `404`.
enum IdentityService {
    /// The realm path under the service prefix; the issuer is `<base>/psc/auth/realms/esante-wallet`.
    static let realmPath = "auth/realms/esante-wallet"

    /// Registers the service's routes on `group`, whose paths are relative to the service prefix.
    /// - Parameters:
    ///   - group: The route group of the service prefix.
    ///   - state: The service's state.
    static func registerRoutes(on group: RouterGroup<MockRequestContext>, state: IdentityServiceState) {
        // No routes yet: the service's milestone adds them here.
    }
}
