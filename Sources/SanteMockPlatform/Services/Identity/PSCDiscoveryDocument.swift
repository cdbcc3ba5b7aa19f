import Foundation
import SanteCore

/// The provider metadata served at both `I/.well-known/wallet-openid-configuration` (PSC's name) and
/// `I/.well-known/openid-configuration`, shaped like the `esante-wallet` realm's.
///
/// With TLS, it advertises the mutual-TLS listener's endpoints as `mtls_endpoint_aliases` (RFC 8705 §5)
/// and `tls_client_certificate_bound_access_tokens: true`.
enum PSCDiscoveryDocument {
    /// The metadata for these endpoints, and the mutual-TLS ones when the platform has them.
    static func json(_ endpoints: PSCEndpoints, mutualTLS: PSCEndpoints? = nil) -> JSONValue {
        let authMethods: JSONValue = [
            "private_key_jwt", "client_secret_basic", "client_secret_post", "tls_client_auth",
        ]
        let signingAlgorithms: JSONValue = ["RS256", "PS256", "ES256", "HS256"]
        var document: [String: JSONValue] = [
            "issuer": .string(endpoints.issuer.absoluteString),
            "authorization_endpoint": .string(endpoints.authorization.absoluteString),
            "token_endpoint": .string(endpoints.token.absoluteString),
            "userinfo_endpoint": .string(endpoints.userinfo.absoluteString),
            "jwks_uri": .string(endpoints.keySet.absoluteString),
            "end_session_endpoint": .string(endpoints.logout.absoluteString),
            "introspection_endpoint": .string(endpoints.introspection.absoluteString),
            "revocation_endpoint": .string(endpoints.revocation.absoluteString),
            "backchannel_authentication_endpoint": .string(endpoints.backchannelAuthentication.absoluteString),
            "authorization_response_iss_parameter_supported": true,
            "code_challenge_methods_supported": ["plain", "S256"],
            "token_endpoint_auth_methods_supported": authMethods,
            "token_endpoint_auth_signing_alg_values_supported": ["RS256", "PS256", "ES256"],
            "introspection_endpoint_auth_methods_supported": authMethods,
            "revocation_endpoint_auth_methods_supported": authMethods,
            "grant_types_supported": [
                "authorization_code", "refresh_token", "urn:openid:params:grant-type:ciba",
                "urn:ietf:params:oauth:grant-type:token-exchange",
            ],
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "subject_types_supported": ["public"],
            "backchannel_token_delivery_modes_supported": ["poll"],
            "backchannel_user_code_parameter_supported": false,
            "id_token_signing_alg_values_supported": signingAlgorithms,
            "userinfo_signing_alg_values_supported": ["RS256", "ES256"],
            "scopes_supported": [
                "openid", "scope_all", "offline_access", "rpps", "referentiel", "interop", "eidas1",
            ],
            "acr_values_supported": ["eidas1"],
            "claims_supported": [
                "iss", "sub", "aud", "exp", "iat", "auth_time", "acr", "nonce", "at_hash", "sid", "azp",
                "SubjectNameID", "preferred_username", "given_name", "family_name", "name",
            ],
            "claims_parameter_supported": false,
            "request_parameter_supported": false,
            "request_uri_parameter_supported": false,
            "require_pushed_authorization_requests": false,
            "tls_client_certificate_bound_access_tokens": .bool(mutualTLS != nil),
            "backchannel_logout_supported": false,
            "frontchannel_logout_supported": false,
        ]
        if let mutualTLS {
            document["mtls_endpoint_aliases"] = [
                "token_endpoint": .string(mutualTLS.token.absoluteString),
                "userinfo_endpoint": .string(mutualTLS.userinfo.absoluteString),
                "revocation_endpoint": .string(mutualTLS.revocation.absoluteString),
                "introspection_endpoint": .string(mutualTLS.introspection.absoluteString),
                "backchannel_authentication_endpoint": .string(mutualTLS.backchannelAuthentication.absoluteString),
                "end_session_endpoint": .string(mutualTLS.logout.absoluteString),
            ]
        }
        return .object(document)
    }
}
