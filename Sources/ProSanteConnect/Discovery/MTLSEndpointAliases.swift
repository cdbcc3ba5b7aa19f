public import Foundation
public import SanteCore

/// The endpoints to use with mutual TLS (`mtls_endpoint_aliases`, RFC 8705 §5).
///
/// Used when the client authenticates with ``ClientAuthentication/tlsClientAuth``.
public struct MTLSEndpointAliases: Sendable, Hashable, Codable {
    /// `token_endpoint`.
    public var tokenEndpoint: URL?
    /// `userinfo_endpoint`.
    public var userinfoEndpoint: URL?
    /// `revocation_endpoint`.
    public var revocationEndpoint: URL?
    /// `introspection_endpoint`.
    public var introspectionEndpoint: URL?
    /// `backchannel_authentication_endpoint`.
    public var backchannelAuthenticationEndpoint: URL?
    /// Every other alias, by name.
    public var additionalMembers: [String: JSONValue]

    /// Creates aliases.
    /// - Parameters:
    ///   - tokenEndpoint: `token_endpoint`.
    ///   - userinfoEndpoint: `userinfo_endpoint`.
    ///   - revocationEndpoint: `revocation_endpoint`.
    ///   - introspectionEndpoint: `introspection_endpoint`.
    ///   - backchannelAuthenticationEndpoint: `backchannel_authentication_endpoint`.
    ///   - additionalMembers: Other aliases.
    public init(
        tokenEndpoint: URL? = nil,
        userinfoEndpoint: URL? = nil,
        revocationEndpoint: URL? = nil,
        introspectionEndpoint: URL? = nil,
        backchannelAuthenticationEndpoint: URL? = nil,
        additionalMembers: [String: JSONValue] = [:]
    ) {
        self.tokenEndpoint = tokenEndpoint
        self.userinfoEndpoint = userinfoEndpoint
        self.revocationEndpoint = revocationEndpoint
        self.introspectionEndpoint = introspectionEndpoint
        self.backchannelAuthenticationEndpoint = backchannelAuthenticationEndpoint
        self.additionalMembers = additionalMembers
    }

    /// Decodes the aliases object; unknown members are kept.
    public init(from decoder: any Decoder) throws {
        var members = try JSONMembers(from: decoder)
        tokenEndpoint = try members.takeURL("token_endpoint")
        userinfoEndpoint = try members.takeURL("userinfo_endpoint")
        revocationEndpoint = try members.takeURL("revocation_endpoint")
        introspectionEndpoint = try members.takeURL("introspection_endpoint")
        backchannelAuthenticationEndpoint = try members.takeURL("backchannel_authentication_endpoint")
        additionalMembers = members.remaining
    }

    /// Encodes every alias.
    public func encode(to encoder: any Encoder) throws {
        var members = JSONMembers(additionalMembers)
        members.put("token_endpoint", tokenEndpoint)
        members.put("userinfo_endpoint", userinfoEndpoint)
        members.put("revocation_endpoint", revocationEndpoint)
        members.put("introspection_endpoint", introspectionEndpoint)
        members.put("backchannel_authentication_endpoint", backchannelAuthenticationEndpoint)
        try members.encode(to: encoder)
    }
}
