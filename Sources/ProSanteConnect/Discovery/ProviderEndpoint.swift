import Foundation

/// The endpoints that may have a mutual-TLS alias (RFC 8705 §5).
enum ProviderEndpoint: String, Sendable {
    case token = "token_endpoint"
    case userinfo = "userinfo_endpoint"
    case revocation = "revocation_endpoint"
    case introspection = "introspection_endpoint"
    case backchannelAuthentication = "backchannel_authentication_endpoint"
}

extension ProviderMetadata {
    /// The URL of `endpoint`: its `mtls_endpoint_aliases` entry when `mutualTLS` and advertised, else the
    /// plain one; `nil` when the provider advertises neither.
    func url(of endpoint: ProviderEndpoint, mutualTLS: Bool) -> URL? {
        if mutualTLS, let aliases = mtlsEndpointAliases {
            let alias: URL? =
                switch endpoint {
                case .token: aliases.tokenEndpoint
                case .userinfo: aliases.userinfoEndpoint
                case .revocation: aliases.revocationEndpoint
                case .introspection: aliases.introspectionEndpoint
                case .backchannelAuthentication: aliases.backchannelAuthenticationEndpoint
                }
            if let alias { return alias }
        }
        switch endpoint {
        case .token: return tokenEndpoint
        case .userinfo: return userinfoEndpoint
        case .revocation: return revocationEndpoint
        case .introspection: return introspectionEndpoint
        case .backchannelAuthentication: return backchannelAuthenticationEndpoint
        }
    }
}
