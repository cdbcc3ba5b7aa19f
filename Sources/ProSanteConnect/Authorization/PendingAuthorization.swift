public import Foundation

/// What the server keeps between sending a professional to PSC and receiving the callback: the one-time
/// `state`, `nonce` and PKCE verifier, and what was requested.
///
/// Keep it in the user's server-side session (it is `Codable`), never in the browser, and use it once.
/// The ``description`` never shows the secrets.
public struct PendingAuthorization: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The `state` sent; the callback must carry exactly this one.
    public let state: String
    /// The `nonce` sent; the ID token must carry exactly this one.
    public let nonce: String
    /// The PKCE verifier whose S256 challenge was sent.
    public let codeVerifier: String
    /// The redirect URI sent.
    public let redirectURI: URL
    /// The scopes requested.
    public let scopes: [String]
    /// The authentication levels requested (`acr_values`).
    public let acrValues: [String]
    /// The `max_age` sent, in seconds, if any.
    public let maximumAuthenticationAgeSeconds: Int64?
    /// The provider's issuer when the request was made; the callback's `iss` must equal it.
    public let issuer: String
    /// When the request was made (on the configured clock).
    public let createdAt: Date

    /// Creates a pending authorization (normally made by
    /// ``ProSanteConnectClient/prepareAuthorization(loginHint:prompt:additionalParameters:)``).
    /// - Parameters:
    ///   - state: The `state` sent.
    ///   - nonce: The `nonce` sent.
    ///   - codeVerifier: The PKCE verifier.
    ///   - redirectURI: The redirect URI sent.
    ///   - scopes: The scopes requested.
    ///   - acrValues: The levels requested.
    ///   - maximumAuthenticationAgeSeconds: The `max_age` sent, if any.
    ///   - issuer: The provider's issuer.
    ///   - createdAt: When the request was made.
    public init(
        state: String,
        nonce: String,
        codeVerifier: String,
        redirectURI: URL,
        scopes: [String],
        acrValues: [String],
        maximumAuthenticationAgeSeconds: Int64?,
        issuer: String,
        createdAt: Date
    ) {
        self.state = state
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.redirectURI = redirectURI
        self.scopes = scopes
        self.acrValues = acrValues
        self.maximumAuthenticationAgeSeconds = maximumAuthenticationAgeSeconds
        self.issuer = issuer
        self.createdAt = createdAt
    }

    /// The `max_age` sent, as a duration.
    var maximumAuthenticationAge: Duration? {
        maximumAuthenticationAgeSeconds.map { .seconds($0) }
    }

    /// Names the type and the creation time only.
    public var description: String { "PendingAuthorization(created \(createdAt))" }

    private enum CodingKeys: String, CodingKey {
        case state, nonce
        case codeVerifier = "code_verifier"
        case redirectURI = "redirect_uri"
        case scopes
        case acrValues = "acr_values"
        case maximumAuthenticationAgeSeconds = "max_age"
        case issuer
        case createdAt = "created_at"
    }
}
