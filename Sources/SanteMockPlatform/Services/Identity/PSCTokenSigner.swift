import Foundation
import SanteCore

/// Signs the provider's tokens with the platform's current keys, per algorithm:
/// RS256 with the RSA key (its `kid`), PS256 with the RSA key (its PS256 `kid`), ES256 with the P-256 key,
/// HS256 with the UTF-8 bytes of the client secret (no `kid`).
struct PSCTokenSigner: Sendable {
    /// The platform's keys at the time of signing.
    let keys: MockSigningKeys

    /// The key signing `algorithm` for `client`.
    /// - Throws: ``PSCOAuthError`` (`server_error`) for an algorithm the mock does not sign with, or HS256
    ///   without a client secret.
    func signingKey(for algorithm: JWSAlgorithm, client: MockPSCClient) throws(PSCOAuthError) -> JWSSigningKey {
        switch algorithm {
        case .rs256: return keys.rsa
        case .ps256: return keys.ps256
        case .es256: return keys.ellipticCurve
        case .hs256:
            guard let secret = client.clientSecret else {
                throw .serverError("the client \(client.clientID) signs with HS256 but has no client secret")
            }
            return JWSSigningKey(hmacSecret: Data(secret.utf8))
        default:
            throw .serverError("the mock does not sign with \(algorithm)")
        }
    }

    /// Signs claims as a JWT (`typ: JWT`) with `algorithm`.
    /// - Throws: ``PSCOAuthError`` (`server_error`) when signing fails.
    func sign(_ claims: JWTClaims, algorithm: JWSAlgorithm, client: MockPSCClient) throws(PSCOAuthError) -> String {
        let key = try signingKey(for: algorithm, client: client)
        return try sign(claims, key: key, algorithm: algorithm)
    }

    /// Signs claims as a JWT (`typ: JWT`) with a given key.
    /// - Throws: ``PSCOAuthError`` (`server_error`) when signing fails (for example, a short HS256 secret).
    func sign(_ claims: JWTClaims, key: JWSSigningKey, algorithm: JWSAlgorithm) throws(PSCOAuthError) -> String {
        do {
            return try JWS.sign(claims: claims, key: key, algorithm: algorithm).compactSerialization
        } catch {
            throw .serverError("signing with \(algorithm) failed: \(error.message)")
        }
    }
}
