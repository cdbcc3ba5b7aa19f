import Foundation

/// What one ID token must match, beside the fixed rules (issuer, audience, times, type).
struct IDTokenExpectations: Sendable {
    /// The `nonce` sent; when set, the token must carry exactly this one.
    var nonce: String?
    /// The access token issued with the ID token, for `at_hash`.
    var accessToken: String?
    /// The authentication levels requested; when not empty, `acr` must be one of them.
    var acrValues: [String]
    /// The `max_age` sent, if any; `auth_time` is then required and checked.
    var maximumAuthenticationAge: Duration?
    /// For a refreshed ID token, the ID token of the session: `iss`, `sub`, `aud`, `azp` and
    /// `auth_time` must not change, and `nonce` must be absent or unchanged.
    var previous: IDToken?
}
