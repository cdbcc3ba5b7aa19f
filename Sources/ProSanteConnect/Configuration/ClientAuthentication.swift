public import SanteCore

/// How the client authenticates to the token, revocation, introspection and backchannel endpoints.
///
/// PSC clients are confidential: the secret, key or certificate lives on a server.
/// - ``clientSecretBasic(_:)``: HTTP Basic with the client id and secret (most integrations);
/// - ``clientSecretPost(_:)``: the id and secret as form fields;
/// - ``privateKeyJWT(signingKey:algorithm:assertionLifetime:)``: a signed client assertion (RFC 7523);
/// - ``tlsClientAuth``: mutual TLS with an IGC-Santé certificate (RFC 8705), required for CIBA in
///   production. The certificate is the transport's job: use the AsyncHTTPClient transport of the
///   `SanteAsyncHTTPClient` product, configured with the certificate (the URLSession transport cannot
///   present one on Linux). With this method the client sends to the `mtls_endpoint_aliases` when the
///   provider advertises them.
///
/// The description never shows a secret or a key.
public struct ClientAuthentication: Sendable, CustomStringConvertible {
    enum Method: Sendable {
        case clientSecretBasic(String)
        case clientSecretPost(String)
        case privateKeyJWT(JWSSigningKey, JWSAlgorithm, Duration)
        case tlsClientAuth
    }

    let method: Method

    /// HTTP Basic authentication with the client secret (`client_secret_basic`).
    /// - Parameter secret: The client secret.
    /// - Returns: The authentication.
    public static func clientSecretBasic(_ secret: String) -> ClientAuthentication {
        ClientAuthentication(method: .clientSecretBasic(secret))
    }

    /// The client secret as a form field (`client_secret_post`).
    /// - Parameter secret: The client secret.
    /// - Returns: The authentication.
    public static func clientSecretPost(_ secret: String) -> ClientAuthentication {
        ClientAuthentication(method: .clientSecretPost(secret))
    }

    /// A client assertion JWT signed with the client's private key (`private_key_jwt`, RFC 7523).
    ///
    /// The assertion has `iss` and `sub` = client id, `aud` = the token endpoint, a random `jti`, `iat`
    /// and `exp`; its header carries the key's `kid`.
    /// - Parameters:
    ///   - signingKey: The private key registered (as a public JWK) with the provider.
    ///   - algorithm: The algorithm; `nil` uses the key's default (RS256 for RSA, ES256 for P-256).
    ///   - assertionLifetime: How long each assertion is valid (default 60 s).
    /// - Returns: The authentication.
    public static func privateKeyJWT(
        signingKey: JWSSigningKey, algorithm: JWSAlgorithm? = nil, assertionLifetime: Duration = .seconds(60)
    ) -> ClientAuthentication {
        ClientAuthentication(
            method: .privateKeyJWT(signingKey, algorithm ?? signingKey.defaultAlgorithm, assertionLifetime))
    }

    /// Mutual TLS (`tls_client_auth`, RFC 8705): the transport presents the client certificate.
    ///
    /// Only the client id is sent in the form; the endpoints come from `mtls_endpoint_aliases` when
    /// advertised. Configure the certificate on an AsyncHTTPClient transport (`SanteAsyncHTTPClient`).
    public static let tlsClientAuth = ClientAuthentication(method: .tlsClientAuth)

    /// The registered method name: `client_secret_basic`, `client_secret_post`, `private_key_jwt` or
    /// `tls_client_auth`.
    public var methodName: String {
        switch method {
        case .clientSecretBasic: "client_secret_basic"
        case .clientSecretPost: "client_secret_post"
        case .privateKeyJWT: "private_key_jwt"
        case .tlsClientAuth: "tls_client_auth"
        }
    }

    /// Whether the endpoints of `mtls_endpoint_aliases` are used.
    public var usesMutualTLS: Bool {
        if case .tlsClientAuth = method { return true }
        return false
    }

    /// The client secret, for the two secret methods.
    var clientSecret: String? {
        switch method {
        case .clientSecretBasic(let secret), .clientSecretPost(let secret): secret
        case .privateKeyJWT, .tlsClientAuth: nil
        }
    }

    /// The method name; never the secret or the key.
    public var description: String { "ClientAuthentication(\(methodName))" }
}
