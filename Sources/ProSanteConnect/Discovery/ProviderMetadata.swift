public import Foundation
public import SanteCore

/// The provider metadata published in the discovery document (OpenID Connect Discovery §3, RFC 8414).
///
/// Only what the client acts on is typed; every other member is kept in ``additionalMembers``. PSC's
/// `claims_supported` and `acr_values_supported` are Keycloak defaults that omit PSC's own claims: the
/// client does not rely on them.
public struct ProviderMetadata: Sendable, Hashable, Codable {
    /// `issuer`: every token must carry it, byte for byte.
    public var issuer: String
    /// `authorization_endpoint` (on PSC, the `wallet.*` host).
    public var authorizationEndpoint: URL
    /// `token_endpoint`.
    public var tokenEndpoint: URL
    /// `jwks_uri`.
    public var jwksURI: URL
    /// `userinfo_endpoint`.
    public var userinfoEndpoint: URL?
    /// `end_session_endpoint` (RP-initiated logout).
    public var endSessionEndpoint: URL?
    /// `introspection_endpoint`.
    public var introspectionEndpoint: URL?
    /// `revocation_endpoint`.
    public var revocationEndpoint: URL?
    /// `backchannel_authentication_endpoint` (CIBA).
    public var backchannelAuthenticationEndpoint: URL?
    /// `mtls_endpoint_aliases` (RFC 8705).
    public var mtlsEndpointAliases: MTLSEndpointAliases?
    /// `authorization_response_iss_parameter_supported` (RFC 9207): when `true`, every redirect must carry `iss`.
    public var authorizationResponseIssuerParameterSupported: Bool
    /// `code_challenge_methods_supported`.
    public var codeChallengeMethodsSupported: [String]
    /// `token_endpoint_auth_methods_supported`.
    public var tokenEndpointAuthMethodsSupported: [String]
    /// `grant_types_supported`.
    public var grantTypesSupported: [String]
    /// `id_token_signing_alg_values_supported`.
    public var idTokenSigningAlgorithmsSupported: [String]
    /// `backchannel_token_delivery_modes_supported`.
    public var backchannelTokenDeliveryModesSupported: [String]
    /// `scopes_supported`.
    public var scopesSupported: [String]
    /// Every other member, by name.
    public var additionalMembers: [String: JSONValue]

    /// Creates metadata.
    /// - Parameters:
    ///   - issuer: `issuer`.
    ///   - authorizationEndpoint: `authorization_endpoint`.
    ///   - tokenEndpoint: `token_endpoint`.
    ///   - jwksURI: `jwks_uri`.
    ///   - userinfoEndpoint: `userinfo_endpoint`.
    ///   - endSessionEndpoint: `end_session_endpoint`.
    ///   - introspectionEndpoint: `introspection_endpoint`.
    ///   - revocationEndpoint: `revocation_endpoint`.
    ///   - backchannelAuthenticationEndpoint: `backchannel_authentication_endpoint`.
    ///   - mtlsEndpointAliases: `mtls_endpoint_aliases`.
    ///   - authorizationResponseIssuerParameterSupported: `authorization_response_iss_parameter_supported`.
    ///   - codeChallengeMethodsSupported: `code_challenge_methods_supported`.
    ///   - tokenEndpointAuthMethodsSupported: `token_endpoint_auth_methods_supported`.
    ///   - grantTypesSupported: `grant_types_supported`.
    ///   - idTokenSigningAlgorithmsSupported: `id_token_signing_alg_values_supported`.
    ///   - backchannelTokenDeliveryModesSupported: `backchannel_token_delivery_modes_supported`.
    ///   - scopesSupported: `scopes_supported`.
    ///   - additionalMembers: Other members.
    public init(
        issuer: String,
        authorizationEndpoint: URL,
        tokenEndpoint: URL,
        jwksURI: URL,
        userinfoEndpoint: URL? = nil,
        endSessionEndpoint: URL? = nil,
        introspectionEndpoint: URL? = nil,
        revocationEndpoint: URL? = nil,
        backchannelAuthenticationEndpoint: URL? = nil,
        mtlsEndpointAliases: MTLSEndpointAliases? = nil,
        authorizationResponseIssuerParameterSupported: Bool = false,
        codeChallengeMethodsSupported: [String] = [],
        tokenEndpointAuthMethodsSupported: [String] = [],
        grantTypesSupported: [String] = [],
        idTokenSigningAlgorithmsSupported: [String] = [],
        backchannelTokenDeliveryModesSupported: [String] = [],
        scopesSupported: [String] = [],
        additionalMembers: [String: JSONValue] = [:]
    ) {
        self.issuer = issuer
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.jwksURI = jwksURI
        self.userinfoEndpoint = userinfoEndpoint
        self.endSessionEndpoint = endSessionEndpoint
        self.introspectionEndpoint = introspectionEndpoint
        self.revocationEndpoint = revocationEndpoint
        self.backchannelAuthenticationEndpoint = backchannelAuthenticationEndpoint
        self.mtlsEndpointAliases = mtlsEndpointAliases
        self.authorizationResponseIssuerParameterSupported = authorizationResponseIssuerParameterSupported
        self.codeChallengeMethodsSupported = codeChallengeMethodsSupported
        self.tokenEndpointAuthMethodsSupported = tokenEndpointAuthMethodsSupported
        self.grantTypesSupported = grantTypesSupported
        self.idTokenSigningAlgorithmsSupported = idTokenSigningAlgorithmsSupported
        self.backchannelTokenDeliveryModesSupported = backchannelTokenDeliveryModesSupported
        self.scopesSupported = scopesSupported
        self.additionalMembers = additionalMembers
    }

    /// Decodes a discovery document; `issuer`, `authorization_endpoint`, `token_endpoint` and `jwks_uri`
    /// are required, unknown members are kept.
    public init(from decoder: any Decoder) throws {
        var members = try JSONMembers(from: decoder)
        issuer = try members.requireString("issuer")
        authorizationEndpoint = try members.requireURL("authorization_endpoint")
        tokenEndpoint = try members.requireURL("token_endpoint")
        jwksURI = try members.requireURL("jwks_uri")
        userinfoEndpoint = try members.takeURL("userinfo_endpoint")
        endSessionEndpoint = try members.takeURL("end_session_endpoint")
        introspectionEndpoint = try members.takeURL("introspection_endpoint")
        revocationEndpoint = try members.takeURL("revocation_endpoint")
        backchannelAuthenticationEndpoint = try members.takeURL("backchannel_authentication_endpoint")
        mtlsEndpointAliases = try members.take("mtls_endpoint_aliases", as: MTLSEndpointAliases.self)
        authorizationResponseIssuerParameterSupported =
            try members.takeBool("authorization_response_iss_parameter_supported") ?? false
        codeChallengeMethodsSupported = try members.takeStrings("code_challenge_methods_supported") ?? []
        tokenEndpointAuthMethodsSupported = try members.takeStrings("token_endpoint_auth_methods_supported") ?? []
        grantTypesSupported = try members.takeStrings("grant_types_supported") ?? []
        idTokenSigningAlgorithmsSupported = try members.takeStrings("id_token_signing_alg_values_supported") ?? []
        backchannelTokenDeliveryModesSupported =
            try members.takeStrings("backchannel_token_delivery_modes_supported") ?? []
        scopesSupported = try members.takeStrings("scopes_supported") ?? []
        additionalMembers = members.remaining
    }

    /// Encodes the document with every member.
    public func encode(to encoder: any Encoder) throws {
        var members = JSONMembers(additionalMembers)
        members.put("issuer", issuer)
        members.put("authorization_endpoint", authorizationEndpoint)
        members.put("token_endpoint", tokenEndpoint)
        members.put("jwks_uri", jwksURI)
        members.put("userinfo_endpoint", userinfoEndpoint)
        members.put("end_session_endpoint", endSessionEndpoint)
        members.put("introspection_endpoint", introspectionEndpoint)
        members.put("revocation_endpoint", revocationEndpoint)
        members.put("backchannel_authentication_endpoint", backchannelAuthenticationEndpoint)
        try members.put("mtls_endpoint_aliases", encoding: mtlsEndpointAliases)
        members.put(
            "authorization_response_iss_parameter_supported", authorizationResponseIssuerParameterSupported)
        members.put("code_challenge_methods_supported", codeChallengeMethodsSupported)
        members.put("token_endpoint_auth_methods_supported", tokenEndpointAuthMethodsSupported)
        members.put("grant_types_supported", grantTypesSupported)
        members.put("id_token_signing_alg_values_supported", idTokenSigningAlgorithmsSupported)
        members.put("backchannel_token_delivery_modes_supported", backchannelTokenDeliveryModesSupported)
        members.put("scopes_supported", scopesSupported)
        try members.encode(to: encoder)
    }
}
