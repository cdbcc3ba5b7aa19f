import Foundation
import SanteCore

/// Fetches and caches the discovery document and the JWK set.
///
/// - Both are reused for their cache lifetime, measured on the configured clock; concurrent callers
///   share one fetch.
/// - The discovery `issuer` must equal the environment's expected issuer, when one is configured, and
///   every endpoint must be HTTPS (or loopback).
/// - ``refetchKeySetAfterUnknownKey()`` fetches the JWK set again at most once per
///   `keySetRefetchInterval` (whatever the regular fetches), so that tokens naming unknown keys cannot
///   make the client hammer the provider.
actor ProviderDirectory {
    private let environment: ProSanteConnectEnvironment
    private let clock: any SanteClock
    private let http: ProviderHTTP
    private let limits: ResponseSizeLimits
    private let discoveryLifetime: Duration
    private let keySetLifetime: Duration
    private let refetchInterval: Duration

    private var cachedMetadata: (value: ProviderMetadata, fetchedAt: Date)?
    private var metadataFetch: Task<ProviderMetadata, any Error>?
    private var cachedKeySet: (value: JWKSet, fetchedAt: Date)?
    /// The verification keys of ``cachedKeySet``, converted once per fetch rather than once per token.
    private var cachedVerificationKeys: [JWSVerificationKey] = []
    private var keySetFetch: Task<JWKSet, any Error>?
    private var lastRefetchAfterUnknownKey: Date?

    init(configuration: ProSanteConnectConfiguration, http: ProviderHTTP) {
        environment = configuration.environment
        clock = configuration.clock
        self.http = http
        limits = configuration.responseSizeLimits
        discoveryLifetime = configuration.discoveryCacheLifetime
        keySetLifetime = configuration.keySetCacheLifetime
        refetchInterval = configuration.keySetRefetchInterval
    }

    /// The provider metadata, from the cache while it is fresh.
    func metadata() async throws -> ProviderMetadata {
        if let cachedMetadata, !isStale(cachedMetadata.fetchedAt, lifetime: discoveryLifetime) {
            return cachedMetadata.value
        }
        if let metadataFetch { return try await metadataFetch.value }
        let task = Task { try await fetchMetadata() }
        metadataFetch = task
        defer { metadataFetch = nil }
        let metadata = try await task.value
        cachedMetadata = (metadata, clock.now())
        return metadata
    }

    /// The JWK set, from the cache while it is fresh.
    func keySet() async throws -> JWKSet {
        if let cachedKeySet, !isStale(cachedKeySet.fetchedAt, lifetime: keySetLifetime) {
            return cachedKeySet.value
        }
        return try await fetchKeySetShared()
    }

    /// The verification keys of the JWK set (symmetric keys left out), from the cache while it is fresh.
    func verificationKeys() async throws -> [JWSVerificationKey] {
        if let cachedKeySet, !isStale(cachedKeySet.fetchedAt, lifetime: keySetLifetime) {
            return cachedVerificationKeys
        }
        // Converted from the set this call got: a joined fetch may resume before the cache is filled.
        return try await fetchKeySetShared().verificationKeys()
    }

    /// Fetches the JWK set again because a token names a key it lacks, unless such a refetch happened
    /// less than the refetch interval ago; then returns `nil` (the caller rejects the token). A fetch
    /// already in flight is joined.
    func refetchKeySetAfterUnknownKey() async throws -> JWKSet? {
        if let keySetFetch { return try await keySetFetch.value }
        let now = clock.now()
        if let lastRefetchAfterUnknownKey, now >= lastRefetchAfterUnknownKey,
            now < lastRefetchAfterUnknownKey + refetchInterval.timeInterval
        {
            return nil
        }
        lastRefetchAfterUnknownKey = now
        return try await fetchKeySetShared()
    }

    /// Forgets both documents (the next call fetches them again).
    func invalidate() {
        cachedMetadata = nil
        cachedKeySet = nil
        cachedVerificationKeys = []
    }

    private func isStale(_ fetchedAt: Date, lifetime: Duration) -> Bool {
        let now = clock.now()
        return now >= fetchedAt + lifetime.timeInterval || now < fetchedAt
    }

    private func fetchKeySetShared() async throws -> JWKSet {
        if let keySetFetch { return try await keySetFetch.value }
        let task = Task { try await fetchKeySet() }
        keySetFetch = task
        defer { keySetFetch = nil }
        let keySet = try await task.value
        cachedKeySet = (keySet, clock.now())
        cachedVerificationKeys = keySet.verificationKeys()
        return keySet
    }

    private func fetchMetadata() async throws -> ProviderMetadata {
        let operation = "psc.discovery"
        let (_, data) = try await http.get(
            environment.discoveryURL, accept: "application/json", operation: operation, limit: limits.discovery)
        let metadata: ProviderMetadata
        do {
            metadata = try JSONDecoder().decode(ProviderMetadata.self, from: data)
        } catch {
            throw ProSanteConnectError(
                .discoveryInvalid, "the discovery document is not valid provider metadata", operation: operation,
                underlyingError: error)
        }
        if let expected = environment.expectedIssuer, metadata.issuer != expected {
            throw ProSanteConnectError(
                .discoveryIssuerMismatch, "the discovery document announces another issuer than the expected one",
                operation: operation)
        }
        try Self.checkEndpoints(of: metadata, operation: operation)
        return metadata
    }

    private static func checkEndpoints(of metadata: ProviderMetadata, operation: String) throws {
        var endpoints: [(String, URL?)] = [
            ("authorization_endpoint", metadata.authorizationEndpoint),
            ("token_endpoint", metadata.tokenEndpoint),
            ("jwks_uri", metadata.jwksURI),
            ("userinfo_endpoint", metadata.userinfoEndpoint),
            ("end_session_endpoint", metadata.endSessionEndpoint),
            ("introspection_endpoint", metadata.introspectionEndpoint),
            ("revocation_endpoint", metadata.revocationEndpoint),
            ("backchannel_authentication_endpoint", metadata.backchannelAuthenticationEndpoint),
        ]
        if let aliases = metadata.mtlsEndpointAliases {
            endpoints += [
                ("mtls token_endpoint", aliases.tokenEndpoint),
                ("mtls userinfo_endpoint", aliases.userinfoEndpoint),
                ("mtls revocation_endpoint", aliases.revocationEndpoint),
                ("mtls introspection_endpoint", aliases.introspectionEndpoint),
                ("mtls backchannel_authentication_endpoint", aliases.backchannelAuthenticationEndpoint),
            ]
        }
        for case (let name, let url?) in endpoints {
            try EndpointSecurity.check(url, name: name, operation: operation)
        }
    }

    private func fetchKeySet() async throws -> JWKSet {
        let operation = "psc.jwks"
        let metadata = try await metadata()
        let (_, data) = try await http.get(
            metadata.jwksURI, accept: "application/jwk-set+json, application/json", operation: operation,
            limit: limits.keySet)
        do {
            return try JWKSet(jsonData: data)
        } catch {
            throw ProSanteConnectError(
                .jwksInvalid, "the JWK set is not valid: \(error.message)", operation: operation,
                underlyingError: error)
        }
    }
}
