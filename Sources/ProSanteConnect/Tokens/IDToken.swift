public import Foundation
public import SanteCore

/// A verified, validated ID token.
///
/// A value of this type comes only from the client, after the signature and every OpenID Connect Core
/// §3.1.3.7 check passed. Identify the professional by ``subjectNameID``, never by ``subject``: PSC's `sub`
/// is a technical value (`f:<uuid>:<national id>`) announced to change.
///
/// The ``description`` shows neither the token nor the identity.
public struct IDToken: Sendable, Hashable, CustomStringConvertible {
    /// The token as received, for `id_token_hint` (logout).
    public let compactSerialization: String
    /// The protected header.
    public let header: JWSHeader
    /// Every claim.
    public let claims: JWTClaims

    init(compactSerialization: String, header: JWSHeader, claims: JWTClaims) {
        self.compactSerialization = compactSerialization
        self.header = header
        self.claims = claims
    }

    /// `iss`.
    public var issuer: String { claims.issuer ?? "" }
    /// `sub`: a technical identifier; use ``subjectNameID`` to identify the professional.
    public var subject: String { claims.subject ?? "" }
    /// `aud`.
    public var audiences: [String] { claims.audience?.values ?? [] }
    /// `azp`, if present.
    public var authorizedParty: String? { claims[claim: "azp"]?.stringValue }
    /// `exp`.
    public var expiresAt: Date? { claims.expirationTime?.date }
    /// `iat`.
    public var issuedAt: Date? { claims.issuedAt?.date }
    /// `auth_time`, if present.
    public var authenticationTime: Date? {
        claims[claim: "auth_time"]?.doubleValue.map { Date(timeIntervalSince1970: $0) }
    }
    /// `nonce`, if present.
    public var nonce: String? { claims[claim: "nonce"]?.stringValue }
    /// `acr`: the authentication level (`eidas1`).
    public var authenticationContextClass: String? { claims[claim: "acr"]?.stringValue }
    /// `sid` (or Keycloak's `session_state`), the provider's session id, if present.
    public var sessionID: String? {
        claims[claim: "sid"]?.stringValue ?? claims[claim: "session_state"]?.stringValue
    }
    /// `SubjectNameID`: the professional's national identifier (IDNPS), the key to identify them.
    public var subjectNameID: NationalProfessionalIdentifier? {
        claims[claim: "SubjectNameID"]?.stringValue.flatMap { $0.isEmpty ? nil : NationalProfessionalIdentifier($0) }
    }
    /// `preferred_username` (on PSC, equal to `SubjectNameID`).
    public var preferredUsername: String? { claims[claim: "preferred_username"]?.stringValue }
    /// `given_name`.
    public var givenName: String? { claims[claim: "given_name"]?.stringValue }
    /// `family_name`.
    public var familyName: String? { claims[claim: "family_name"]?.stringValue }
    /// `name`.
    public var name: String? { claims[claim: "name"]?.stringValue }

    /// Decodes a stored token's parts without verifying anything (it was verified when received).
    static func unverified(_ compactSerialization: String) -> IDToken? {
        guard let token = try? JWS.parseUnverified(compactSerialization), let claims = try? token.claims() else {
            return nil
        }
        return IDToken(compactSerialization: compactSerialization, header: token.header, claims: claims)
    }

    /// `IDToken(alg, kid)`: no claim, no token.
    public var description: String {
        "IDToken(alg: \(header.algorithm)\(header.keyID.map { ", kid: \($0)" } ?? ""))"
    }
}
