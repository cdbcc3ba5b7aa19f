public import Foundation
public import SanteCore

/// Everything a ``ProSanteConnectClient`` needs to know about the provider and about itself.
///
/// ```swift
/// let configuration = ProSanteConnectConfiguration(
///     environment: .sandbox,
///     clientID: "mon-cabinet",
///     clientAuthentication: .clientSecretBasic(secret),
///     redirectURI: URL(string: "https://api.mon-cabinet.fr/psc/callback")!)
/// ```
///
/// The defaults follow PSC: scopes `openid scope_all`, `acr_values=eidas1`, ID tokens signed RS256,
/// PS256 or ES256, a 60 s leeway for clock skew.
public struct ProSanteConnectConfiguration: Sendable {
    /// The provider: discovery URL and expected issuer.
    public var environment: ProSanteConnectEnvironment
    /// The client id registered with PSC.
    public var clientID: String
    /// How the client authenticates to the provider's endpoints.
    public var clientAuthentication: ClientAuthentication
    /// The redirect URI registered with PSC; callbacks must match it exactly (scheme, host, port, path).
    public var redirectURI: URL
    /// The scopes requested (default `openid scope_all`); `openid` is required.
    public var scopes: [String]
    /// The authentication levels requested (`acr_values`, default `eidas1`). The ID token's `acr` must be
    /// one of them; an empty list sends none and checks none.
    public var acrValues: [String]
    /// The signature algorithms accepted on ID tokens and signed userinfo responses.
    public var idTokenSigning: IDTokenSigningPolicy
    /// The clock skew tolerated on `exp`, `iat`, `nbf` and `auth_time` (default 60 s).
    public var clockLeeway: Duration
    /// The `max_age` sent with authorization requests, if any; `auth_time` is then required and checked.
    public var maximumAuthenticationAge: Duration?
    /// Audiences besides the client id that an ID token may list (default: none, so that any extra
    /// audience is refused).
    public var additionalTrustedAudiences: Set<String>
    /// The clock for token lifetimes, caches and CIBA polling (default `SystemClock`; tests inject a
    /// `TestClock`). HTTP timeouts and retry back-off use the pipeline's own clock.
    public var clock: any SanteClock
    /// How long the discovery document is reused before it is fetched again (default 1 h).
    public var discoveryCacheLifetime: Duration
    /// How long the JWK set is reused before it is fetched again (default 1 h).
    public var keySetCacheLifetime: Duration
    /// The shortest time between two JWK set fetches caused by an unknown `kid` (default 30 s), so that
    /// tokens naming random key ids cannot make the client hammer the provider.
    public var keySetRefetchInterval: Duration
    /// The largest response bodies read.
    public var responseSizeLimits: ResponseSizeLimits

    /// Creates a configuration.
    /// - Parameters:
    ///   - environment: The provider.
    ///   - clientID: The registered client id.
    ///   - clientAuthentication: How the client authenticates.
    ///   - redirectURI: The registered redirect URI.
    ///   - scopes: The scopes (default `["openid", "scope_all"]`).
    ///   - acrValues: The authentication levels requested (default `["eidas1"]`).
    ///   - idTokenSigning: The accepted signature algorithms (default ``IDTokenSigningPolicy/asymmetric``).
    ///   - clockLeeway: The clock skew tolerated (default 60 s).
    ///   - maximumAuthenticationAge: The `max_age` to send, if any.
    ///   - additionalTrustedAudiences: Extra audiences an ID token may list (default none).
    ///   - clock: The clock (default `SystemClock`).
    ///   - discoveryCacheLifetime: How long discovery is cached (default 1 h).
    ///   - keySetCacheLifetime: How long the JWK set is cached (default 1 h).
    ///   - keySetRefetchInterval: The shortest time between refetches on an unknown `kid` (default 30 s).
    ///   - responseSizeLimits: The largest response bodies read.
    public init(
        environment: ProSanteConnectEnvironment,
        clientID: String,
        clientAuthentication: ClientAuthentication,
        redirectURI: URL,
        scopes: [String] = ["openid", "scope_all"],
        acrValues: [String] = ["eidas1"],
        idTokenSigning: IDTokenSigningPolicy = .asymmetric,
        clockLeeway: Duration = .seconds(60),
        maximumAuthenticationAge: Duration? = nil,
        additionalTrustedAudiences: Set<String> = [],
        clock: any SanteClock = SystemClock(),
        discoveryCacheLifetime: Duration = .seconds(3600),
        keySetCacheLifetime: Duration = .seconds(3600),
        keySetRefetchInterval: Duration = .seconds(30),
        responseSizeLimits: ResponseSizeLimits = .default
    ) {
        self.environment = environment
        self.clientID = clientID
        self.clientAuthentication = clientAuthentication
        self.redirectURI = redirectURI
        self.scopes = scopes
        self.acrValues = acrValues
        self.idTokenSigning = idTokenSigning
        self.clockLeeway = clockLeeway
        self.maximumAuthenticationAge = maximumAuthenticationAge
        self.additionalTrustedAudiences = additionalTrustedAudiences
        self.clock = clock
        self.discoveryCacheLifetime = discoveryCacheLifetime
        self.keySetCacheLifetime = keySetCacheLifetime
        self.keySetRefetchInterval = keySetRefetchInterval
        self.responseSizeLimits = responseSizeLimits
    }

    /// Checks that the configuration can work.
    /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/invalidConfiguration`` or
    ///   ``ProSanteConnectError/Reason/insecureEndpoint``, naming the problem.
    public func validate() throws(ProSanteConnectError) {
        func invalid(_ message: String) -> ProSanteConnectError {
            ProSanteConnectError(.invalidConfiguration, message, operation: "psc.configuration")
        }
        guard !clientID.isEmpty else { throw invalid("the client id is empty") }
        guard let scheme = redirectURI.scheme, !scheme.isEmpty, redirectURI.host() != nil else {
            throw invalid("the redirect URI must be absolute, with a scheme and a host")
        }
        guard scopes.contains("openid") else { throw invalid("the scopes must include \"openid\"") }
        guard scopes.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else {
            throw invalid("a scope is empty or contains a space")
        }
        guard clockLeeway >= .zero else { throw invalid("the clock leeway is negative") }
        if let maximumAuthenticationAge, maximumAuthenticationAge < .zero {
            throw invalid("the maximum authentication age is negative")
        }
        let signing = idTokenSigning
        guard signing.asymmetricAlgorithms.isSubset(of: IDTokenSigningPolicy.permittedAsymmetricAlgorithms) else {
            throw invalid("only RS256, PS256 and ES256 may be listed as asymmetric ID token algorithms")
        }
        guard !signing.allowedAlgorithms.isEmpty else { throw invalid("no ID token algorithm is accepted") }
        if signing.acceptsHS256WithClientSecret {
            guard let secret = clientAuthentication.clientSecret else {
                throw invalid("HS256 ID tokens need a client secret authentication method")
            }
            guard secret.utf8.count >= 32 else {
                throw invalid("HS256 needs a client secret of at least 32 bytes")
            }
        }
        try EndpointSecurity.check(environment.discoveryURL, name: "discovery URL", operation: "psc.configuration")
    }
}
