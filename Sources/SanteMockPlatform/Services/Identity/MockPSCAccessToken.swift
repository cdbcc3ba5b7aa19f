public import SanteCore

/// The access tokens of the mock Pro Santé Connect: how they look, for the services that accept them.
///
/// > Warning: **TEST-ONLY.** They are signed by the mock's test keys (``MockSigningKeys``).
///
/// An RS256 JWT (header `alg: RS256`, `typ: JWT`, `kid` of the platform's RSA key) with the claims:
///
/// | Claim | Value |
/// |---|---|
/// | `iss` | ``MockPlatform/issuerURL`` |
/// | `sub` | `f:<uuid>:<SubjectNameID>`, as in the ID token and userinfo |
/// | `aud`, `azp` | the client id (for an exchanged token, `aud` is the requested audience, ``exchangedAudience`` by default) |
/// | `iat`, `exp` | whole seconds on the platform clock; ``lifetime`` (``exchangedLifetime`` once exchanged) |
/// | `jti` | a random UUID, the handle of revocation |
/// | `typ` | ``type``: `"Bearer"`, as Keycloak writes it; what ``MockTokenVerifier`` recognises |
/// | `scope`, `acr`, `sid` | the granted scope, `"eidas1"`, and the session id (no `sid` once exchanged) |
/// | `SubjectNameID` | the professional's national id |
/// | `act` | token exchange only (RFC 8693): `{"sub": <client id or actor token's sub>}` |
/// | `cnf` | tokens issued through mutual TLS to a `tls_client_auth` client (RFC 8705 §3.1): `{"x5t#S256": <certificate thumbprint>}` |
public enum MockPSCAccessToken {
    /// The name of the claim that marks a Pro Santé Connect access token: `"typ"`.
    public static let typeClaim = "typ"
    /// The `typ` claim of an access token: `"Bearer"`.
    public static let type = "Bearer"
    /// The name of the claim holding the professional's national id: `"SubjectNameID"`.
    public static let subjectNameIDClaim = "SubjectNameID"
    /// The lifetime of an access token issued by the token endpoint: 120 seconds, as Pro Santé Connect's.
    public static let lifetime: Duration = .seconds(120)
    /// The lifetime of a refresh token: 30 minutes, as Pro Santé Connect's.
    public static let refreshLifetime: Duration = .seconds(1_800)
    /// The lifetime of a token obtained by token exchange: 4 hours, as in the ANS sample.
    public static let exchangedLifetime: Duration = .seconds(14_400)
    /// The `aud` of an exchanged token when the request names no `audience`: `"santekit-dmp"`, the mock DMP.
    public static let exchangedAudience = "santekit-dmp"
    /// The name of the confirmation claim of a certificate-bound token: `"cnf"` (RFC 7800).
    public static let confirmationClaim = "cnf"
    /// The member of ``confirmationClaim`` holding the certificate thumbprint: `"x5t#S256"` (RFC 8705 §3.1).
    public static let certificateThumbprintMember = "x5t#S256"

    /// The `cnf` claim binding a token to a certificate.
    /// - Parameter certificateThumbprint: The base64url SHA-256 of the certificate's DER encoding.
    /// - Returns: `{"x5t#S256": certificateThumbprint}`.
    public static func confirmation(certificateThumbprint: String) -> JSONValue {
        .object([certificateThumbprintMember: .string(certificateThumbprint)])
    }
}
