public import Foundation
public import SanteCore

/// An introspection answer (RFC 7662): whether a token is active, and what it carries.
///
/// PSC adds `SubjectNameID` when an access token is introspected. Unknown members are kept.
public struct TokenIntrospection: Sendable, Hashable, Codable {
    /// `active`: whether the token is currently valid. Every other member is meaningful only when `true`.
    public var active: Bool
    /// `scope`, split on spaces.
    public var scopes: [String]?
    /// `client_id`.
    public var clientID: String?
    /// `username`.
    public var username: String?
    /// `token_type` (Keycloak: `Bearer`, `Refresh`…).
    public var tokenType: String?
    /// `exp`.
    public var expiresAt: Date?
    /// `iat`.
    public var issuedAt: Date?
    /// `nbf`.
    public var notBefore: Date?
    /// `sub`.
    public var subject: String?
    /// `aud`.
    public var audience: JWTAudience?
    /// `iss`.
    public var issuer: String?
    /// `jti`.
    public var tokenID: String?
    /// `SubjectNameID`: the professional's national identifier (for access tokens).
    public var subjectNameID: NationalProfessionalIdentifier?
    /// Members not modelled above.
    public var additionalMembers: [String: JSONValue]

    /// Creates an answer.
    /// - Parameters:
    ///   - active: Whether the token is active.
    ///   - subjectNameID: The professional's national identifier.
    public init(active: Bool, subjectNameID: NationalProfessionalIdentifier? = nil) {
        self.active = active
        self.subjectNameID = subjectNameID
        self.additionalMembers = [:]
    }

    /// Decodes the answer; only `active` is required.
    public init(from decoder: any Decoder) throws {
        var members = try JSONMembers(from: decoder)
        guard let active = try members.takeBool("active") else {
            throw DecodingError.keyNotFound(
                MemberKey("active"), .init(codingPath: decoder.codingPath, debugDescription: "active is missing"))
        }
        self.active = active
        scopes = try members.takeString("scope").map { $0.split(separator: " ").map(String.init) }
        clientID = try members.takeString("client_id")
        username = try members.takeString("username")
        tokenType = try members.takeString("token_type")
        expiresAt = try members.takeInteger("exp").map { Date(timeIntervalSince1970: TimeInterval($0)) }
        issuedAt = try members.takeInteger("iat").map { Date(timeIntervalSince1970: TimeInterval($0)) }
        notBefore = try members.takeInteger("nbf").map { Date(timeIntervalSince1970: TimeInterval($0)) }
        subject = try members.takeString("sub")
        audience = try members.take("aud", as: JWTAudience.self)
        issuer = try members.takeString("iss")
        tokenID = try members.takeString("jti")
        subjectNameID = members.text("SubjectNameID").map(NationalProfessionalIdentifier.init)
        additionalMembers = members.remaining
    }

    /// Encodes every member.
    public func encode(to encoder: any Encoder) throws {
        var members = JSONMembers(additionalMembers)
        members.put("active", active)
        members.put("scope", scopes?.joined(separator: " "))
        members.put("client_id", clientID)
        members.put("username", username)
        members.put("token_type", tokenType)
        members.put("exp", expiresAt.map { Int64($0.timeIntervalSince1970) })
        members.put("iat", issuedAt.map { Int64($0.timeIntervalSince1970) })
        members.put("nbf", notBefore.map { Int64($0.timeIntervalSince1970) })
        members.put("sub", subject)
        try members.put("aud", encoding: audience)
        members.put("iss", issuer)
        members.put("jti", tokenID)
        members.put("SubjectNameID", subjectNameID?.rawValue)
        try members.encode(to: encoder)
    }
}
