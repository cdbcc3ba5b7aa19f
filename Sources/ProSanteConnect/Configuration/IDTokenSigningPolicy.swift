public import SanteCore

/// Which signature algorithms this client accepts on ID tokens and signed userinfo responses.
///
/// The token's header never chooses: a token whose `alg` is outside this policy is refused, and `none`
/// always is. Asymmetric algorithms (RS256, PS256, ES256) are verified with the provider's JWK set;
/// HS256 is accepted only when ``acceptsHS256WithClientSecret`` is set, keyed with the UTF-8 bytes of the
/// client secret (the secret must then be at least 32 bytes). PSC does not document its algorithm; set
/// the one registered for your client (its `id_token_signed_response_alg`) when you know it.
public struct IDTokenSigningPolicy: Sendable, Hashable {
    /// The asymmetric algorithms accepted, verified with the JWK set (RS256, PS256 and ES256 only).
    public var asymmetricAlgorithms: Set<JWSAlgorithm>
    /// Whether HS256 keyed with the client secret is accepted.
    public var acceptsHS256WithClientSecret: Bool

    /// Creates a policy.
    /// - Parameters:
    ///   - asymmetricAlgorithms: The asymmetric algorithms accepted.
    ///   - acceptsHS256WithClientSecret: Whether HS256 keyed with the client secret is accepted
    ///     (default `false`).
    public init(asymmetricAlgorithms: Set<JWSAlgorithm>, acceptsHS256WithClientSecret: Bool = false) {
        self.asymmetricAlgorithms = asymmetricAlgorithms
        self.acceptsHS256WithClientSecret = acceptsHS256WithClientSecret
    }

    /// RS256, PS256 and ES256 with the JWK set; never HS256. The default.
    public static let asymmetric = IDTokenSigningPolicy(asymmetricAlgorithms: [.rs256, .ps256, .es256])

    /// Exactly one asymmetric algorithm, such as the client's registered `id_token_signed_response_alg`.
    /// - Parameter algorithm: RS256, PS256 or ES256.
    /// - Returns: The policy.
    public static func only(_ algorithm: JWSAlgorithm) -> IDTokenSigningPolicy {
        IDTokenSigningPolicy(asymmetricAlgorithms: [algorithm])
    }

    /// HS256 keyed with the UTF-8 client secret only (a client registered for HS256).
    public static let hs256WithClientSecret = IDTokenSigningPolicy(
        asymmetricAlgorithms: [], acceptsHS256WithClientSecret: true)

    /// Every algorithm the policy accepts.
    public var allowedAlgorithms: Set<JWSAlgorithm> {
        acceptsHS256WithClientSecret ? asymmetricAlgorithms.union([.hs256]) : asymmetricAlgorithms
    }

    /// The algorithms that may appear in ``asymmetricAlgorithms``.
    static let permittedAsymmetricAlgorithms: Set<JWSAlgorithm> = [.rs256, .ps256, .es256]
}
