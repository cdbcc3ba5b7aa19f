public import SanteCore

/// A relying party registered with the mock Pro Santé Connect.
///
/// Every platform knows `santekit-demo` (``demo``). Tests register more with
/// ``MockPSCProvider/register(_:)`` or `POST /_mock/psc/clients`.
///
/// ```swift
/// await platform.identityProvider.register(MockPSCClient(
///     clientID: "rp-es256", clientSecret: "a-secret-of-at-least-thirty-two-bytes!",
///     idTokenSignedResponseAlgorithm: .es256, userinfoSignedResponseAlgorithm: .rs256))
/// ```
public struct MockPSCClient: Sendable, Hashable {
    /// How a client authenticates at the token, introspection, revocation and CIBA endpoints.
    public enum AuthenticationMethod: String, Sendable, Hashable, Codable, CaseIterable {
        /// HTTP Basic with the client id and secret (RFC 6749 §2.3.1).
        case clientSecretBasic = "client_secret_basic"
        /// `client_id` and `client_secret` in the form body.
        case clientSecretPost = "client_secret_post"
        /// A JWT signed with one of the client's keys (``MockPSCClient/keySet``), RFC 7523.
        case privateKeyJWT = "private_key_jwt"
        /// Mutual TLS (RFC 8705 §2.1): the client presents, on the mutual-TLS listener, a certificate whose
        /// subject is ``MockPSCClient/tlsClientAuthSubjectDN``.
        case tlsClientAuth = "tls_client_auth"
    }

    /// The algorithms an ID token or a userinfo response may be signed with: RS256, PS256, ES256, HS256.
    public static let signingAlgorithms: Set<JWSAlgorithm> = [.rs256, .ps256, .es256, .hs256]

    /// The client identifier.
    public var clientID: String
    /// The client secret, if the client has one; it also keys HS256.
    public var clientSecret: String?
    /// Redirect URIs accepted exactly (authorization and, for logout, post-logout redirects).
    public var redirectURIs: [String]
    /// Whether any loopback `http` redirect URI is accepted, on any port (RFC 8252 §7.3).
    public var allowsLoopbackRedirects: Bool
    /// Post-logout redirect URIs accepted exactly, in addition to the redirect URIs and loopback ones.
    public var postLogoutRedirectURIs: [String]
    /// The algorithm of the client's ID tokens (`id_token_signed_response_alg`): RS256 by default.
    public var idTokenSignedResponseAlgorithm: JWSAlgorithm
    /// The algorithm of signed userinfo responses (`userinfo_signed_response_alg`), or `nil` for JSON.
    public var userinfoSignedResponseAlgorithm: JWSAlgorithm?
    /// The one authentication method accepted, or `nil` for every method the client can use (the secret
    /// methods with a secret, `private_key_jwt` with a key set).
    public var tokenEndpointAuthMethod: AuthenticationMethod?
    /// The client's public keys, for `private_key_jwt`.
    public var keySet: JWKSet?
    /// The subject of the client's certificate for `tls_client_auth` (RFC 8705 `tls_client_auth_subject_dn`),
    /// as RFC 4514 writes it, such as `"CN=santekit-mtls,O=SanteKit Mock,C=FR"`
    /// (``MockCertificateSubject/distinguishedName``). Tokens issued to the client through mutual TLS are
    /// bound to the certificate it presented (`cnf.x5t#S256`).
    public var tlsClientAuthSubjectDN: String?

    /// Creates a client.
    /// - Parameters:
    ///   - clientID: The client identifier.
    ///   - clientSecret: The secret, if any. HS256 needs at least 32 bytes.
    ///   - redirectURIs: Redirect URIs accepted exactly.
    ///   - allowsLoopbackRedirects: Whether loopback redirect URIs are accepted on any port (default `true`).
    ///   - postLogoutRedirectURIs: Further post-logout redirect URIs accepted exactly.
    ///   - idTokenSignedResponseAlgorithm: RS256 (default), PS256, ES256 or HS256.
    ///   - userinfoSignedResponseAlgorithm: The userinfo JWT algorithm, or `nil` for JSON userinfo.
    ///   - tokenEndpointAuthMethod: The one authentication method accepted, or `nil` for any usable one.
    ///   - keySet: The client's public keys, for `private_key_jwt`.
    ///   - tlsClientAuthSubjectDN: The subject of the client's certificate, for `tls_client_auth`.
    public init(
        clientID: String, clientSecret: String? = nil, redirectURIs: [String] = [],
        allowsLoopbackRedirects: Bool = true, postLogoutRedirectURIs: [String] = [],
        idTokenSignedResponseAlgorithm: JWSAlgorithm = .rs256, userinfoSignedResponseAlgorithm: JWSAlgorithm? = nil,
        tokenEndpointAuthMethod: AuthenticationMethod? = nil, keySet: JWKSet? = nil,
        tlsClientAuthSubjectDN: String? = nil
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURIs = redirectURIs
        self.allowsLoopbackRedirects = allowsLoopbackRedirects
        self.postLogoutRedirectURIs = postLogoutRedirectURIs
        self.idTokenSignedResponseAlgorithm = idTokenSignedResponseAlgorithm
        self.userinfoSignedResponseAlgorithm = userinfoSignedResponseAlgorithm
        self.tokenEndpointAuthMethod = tokenEndpointAuthMethod
        self.keySet = keySet
        self.tlsClientAuthSubjectDN = tlsClientAuthSubjectDN
    }

    /// The seeded `santekit-demo` client (``MockIdentities/demoClient``): its secret, loopback redirects on
    /// any port, RS256 ID tokens, JSON userinfo, `client_secret_basic` or `client_secret_post`.
    public static var demo: MockPSCClient { MockPSCClient(MockIdentities.default.demoClient) }

    /// The Pro Santé Connect registration of an OAuth client of ``MockIdentities``.
    /// - Parameter client: The seeded client.
    public init(_ client: MockOAuthClient) {
        self.init(
            clientID: client.clientID, clientSecret: client.clientSecret, redirectURIs: client.redirectURIs,
            allowsLoopbackRedirects: client.allowsLoopbackRedirects)
    }

    /// The authentication methods the client may use.
    public var allowedAuthenticationMethods: Set<AuthenticationMethod> {
        if let tokenEndpointAuthMethod {
            return [tokenEndpointAuthMethod]
        }
        var methods: Set<AuthenticationMethod> = []
        if clientSecret != nil {
            methods.formUnion([.clientSecretBasic, .clientSecretPost])
        }
        if keySet != nil {
            methods.insert(.privateKeyJWT)
        }
        if tlsClientAuthSubjectDN != nil {
            methods.insert(.tlsClientAuth)
        }
        return methods
    }

    /// Whether `uri` is an acceptable redirect URI: one of ``redirectURIs``, or a loopback `http` URI
    /// (`127.0.0.1`, `[::1]`, `localhost`, any port and path, no fragment) when ``allowsLoopbackRedirects``.
    /// - Parameter uri: The redirect URI of an authorization or token request.
    /// - Returns: `true` when the URI is accepted.
    public func acceptsRedirect(_ uri: String) -> Bool {
        MockOAuthClient(
            clientID: clientID, clientSecret: clientSecret ?? "", allowsLoopbackRedirects: allowsLoopbackRedirects,
            redirectURIs: redirectURIs, scopes: []
        ).acceptsRedirect(uri)
    }

    /// Whether `uri` is an acceptable post-logout redirect URI: one of ``postLogoutRedirectURIs``, or any
    /// URI ``acceptsRedirect(_:)`` accepts.
    /// - Parameter uri: The `post_logout_redirect_uri` of a logout request.
    /// - Returns: `true` when the URI is accepted.
    public func acceptsPostLogoutRedirect(_ uri: String) -> Bool {
        postLogoutRedirectURIs.contains(uri) || acceptsRedirect(uri)
    }

    /// What is wrong with the registration, if anything: an algorithm outside ``signingAlgorithms``, HS256
    /// without a secret of at least 32 bytes, a method the client cannot use.
    public var validationIssues: [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if clientID.isEmpty {
            issues.append(ValidationIssue(field: "client_id", reason: "must not be empty"))
        }
        let secretBytes = clientSecret?.utf8.count ?? 0
        let algorithms = [
            ("id_token_signed_response_alg", Optional(idTokenSignedResponseAlgorithm)),
            ("userinfo_signed_response_alg", userinfoSignedResponseAlgorithm),
        ]
        for case (let field, let algorithm?) in algorithms {
            if !Self.signingAlgorithms.contains(algorithm) {
                issues.append(ValidationIssue(field: field, reason: "must be RS256, PS256, ES256 or HS256"))
            } else if algorithm == .hs256, secretBytes < 32 {
                issues.append(ValidationIssue(field: field, reason: "HS256 needs a client secret of 32 bytes or more"))
            }
        }
        let usesSecret = tokenEndpointAuthMethod == .clientSecretBasic || tokenEndpointAuthMethod == .clientSecretPost
        if usesSecret, clientSecret == nil {
            issues.append(ValidationIssue(field: "client_secret", reason: "is required by the authentication method"))
        }
        if tokenEndpointAuthMethod == .privateKeyJWT || keySet != nil, (keySet?.verificationKeys() ?? []).isEmpty {
            issues.append(ValidationIssue(field: "jwks", reason: "needs a signature key for private_key_jwt"))
        }
        if tokenEndpointAuthMethod == .tlsClientAuth, (tlsClientAuthSubjectDN ?? "").isEmpty {
            issues.append(
                ValidationIssue(field: "tls_client_auth_subject_dn", reason: "is required by tls_client_auth"))
        }
        if allowedAuthenticationMethods.isEmpty {
            issues.append(
                ValidationIssue(
                    field: "client_secret",
                    reason: "a client secret, a jwks or a tls_client_auth_subject_dn is required"))
        }
        return issues
    }
}
