import Foundation
import Hummingbird
import SanteCore

/// The Pro Santé Connect identity provider (OpenID Connect, Keycloak realm `esante-wallet`).
///
/// Mounted under `/psc` by MockRouterBuilder. So far it serves only the realm's key set, where Keycloak serves
/// it: `GET /psc/auth/realms/esante-wallet/protocol/openid-connect/certs` (``MockSigningKeys/keySet``). The
/// rest of the provider (discovery, authorization, token, userinfo) comes with its milestone; until then any
/// other request under the prefix gets the mock's JSON `404`.
enum IdentityService {
    /// The realm path under the service prefix; the issuer is `<base>/psc/auth/realms/esante-wallet`.
    static let realmPath = "auth/realms/esante-wallet"

    /// The path of the JWKS under the realm (Keycloak's `jwks_uri`).
    static let keySetPath = "protocol/openid-connect/certs"

    /// The issuer of a platform listening at `serverBaseURL`: `<serverBaseURL>/psc/auth/realms/esante-wallet`.
    /// - Parameter serverBaseURL: The root URL of the server, such as `http://127.0.0.1:49152`.
    /// - Returns: The issuer URL.
    static func issuerURL(serverBaseURL: URL) -> URL {
        serverBaseURL.appending(path: String(MockService.identity.pathPrefix.dropFirst())).appending(path: realmPath)
    }

    /// Registers the service's routes on `group`, whose paths are relative to the service prefix.
    /// - Parameters:
    ///   - group: The route group of the service prefix.
    ///   - state: The service's state.
    static func registerRoutes(on group: RouterGroup<MockRequestContext>, state: IdentityServiceState) {
        group.get(RouterPath("\(realmPath)/\(keySetPath)")) { _, _ in
            try keySetResponse()
        }
    }

    /// The public key set as JSON, without caching (keys of a restarted `sante-mock` differ).
    private static func keySetResponse() throws -> Response {
        let data = try MockSigningKeys.shared().keySet.jsonData()
        var response = MockJSON.response(bytes: data)
        response.headers[.cacheControl] = "no-cache"
        return response
    }
}
