import Foundation

/// The URLs of the mock Pro Santé Connect, for a server listening at `serverBaseURL` (`B`).
///
/// The issuer `I` is `B/psc/auth/realms/esante-wallet`; the endpoints follow Keycloak's layout under
/// `I/protocol/openid-connect/`; the authorization endpoint is `B/psc/wallet/auth`, apart from the issuer
/// as PSC's login page lives on another host.
struct PSCEndpoints: Sendable {
    /// The paths of the endpoints under the realm (relative to the issuer).
    enum RealmPath {
        static let discovery = ".well-known/wallet-openid-configuration"
        static let standardDiscovery = ".well-known/openid-configuration"
        static let token = "protocol/openid-connect/token"
        static let userinfo = "protocol/openid-connect/userinfo"
        static let keySet = "protocol/openid-connect/certs"
        static let logout = "protocol/openid-connect/logout"
        static let introspection = "protocol/openid-connect/token/introspect"
        static let revocation = "protocol/openid-connect/revoke"
        static let backchannelAuthentication = "protocol/openid-connect/ext/ciba/auth"
    }

    /// The path of the authorization endpoint under the service prefix.
    static let authorizationPath = "wallet/auth"

    /// The server's root URL (`B`).
    let serverBaseURL: URL

    /// The issuer (`I`).
    var issuer: URL { IdentityService.issuerURL(serverBaseURL: serverBaseURL) }
    /// `B/psc/wallet/auth`.
    var authorization: URL {
        serverBaseURL.appending(path: String(MockService.identity.pathPrefix.dropFirst()))
            .appending(path: Self.authorizationPath)
    }
    /// `I/protocol/openid-connect/token`.
    var token: URL { issuer.appending(path: RealmPath.token) }
    /// `I/protocol/openid-connect/userinfo`.
    var userinfo: URL { issuer.appending(path: RealmPath.userinfo) }
    /// `I/protocol/openid-connect/certs`.
    var keySet: URL { issuer.appending(path: RealmPath.keySet) }
    /// `I/protocol/openid-connect/logout`.
    var logout: URL { issuer.appending(path: RealmPath.logout) }
    /// `I/protocol/openid-connect/token/introspect`.
    var introspection: URL { issuer.appending(path: RealmPath.introspection) }
    /// `I/protocol/openid-connect/revoke`.
    var revocation: URL { issuer.appending(path: RealmPath.revocation) }
    /// `I/protocol/openid-connect/ext/ciba/auth`.
    var backchannelAuthentication: URL { issuer.appending(path: RealmPath.backchannelAuthentication) }
}
