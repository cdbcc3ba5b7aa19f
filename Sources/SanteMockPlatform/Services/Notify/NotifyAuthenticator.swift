import Foundation
import SanteCore

/// Checks the `Authorization: Bearer <JWT>` of a Notify request: an HS256 JWT whose `iss` is the API key's
/// service identifier, signed with the key's secret (its UTF-8 bytes), issued within ±30 seconds of the
/// platform clock.
struct NotifyAuthenticator: Sendable {
    /// The tolerated difference between `iat` and the platform clock: 30 seconds.
    static let tolerance: TimeInterval = 30

    /// The accepted API keys.
    let keys: [MockNotifyAPIKey]
    /// The platform clock.
    let clock: any SanteClock

    /// Authenticates a request by its `Authorization` header value.
    /// - Returns: The API key the token was made with.
    /// - Throws: ``NotifyAPIError``: `401 AuthError` without a bearer token, `403 AuthError` otherwise.
    func authenticate(authorization: String?) throws(NotifyAPIError) -> MockNotifyAPIKey {
        guard let authorization, !authorization.isEmpty else {
            throw .unauthorized("Unauthorized: authentication token must be provided")
        }
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw .unauthorized("Unauthorized: authentication bearer scheme must be used")
        }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard let unverified = try? JWS.parseUnverified(token), let claims = try? unverified.claims() else {
            throw .forbidden("Invalid token: signature, api token is not valid")
        }
        guard let issuer = claims.issuer else {
            throw .forbidden("Invalid token: iss field not provided")
        }
        guard let key = keys.first(where: { $0.serviceID == issuer }) else {
            throw .forbidden("Invalid token: API key not found")
        }
        let verifier = JWSVerifier(
            allowedAlgorithms: [.hs256], keys: [JWSVerificationKey(hmacSecret: Data(key.secret.utf8))])
        guard (try? verifier.verify(unverified)) != nil else {
            throw .forbidden("Invalid token: API key not found")
        }
        guard let issuedAt = claims.issuedAt else {
            throw .forbidden("Invalid token: iat field not provided")
        }
        let skew = issuedAt.secondsSince1970 - clock.now().timeIntervalSince1970
        guard abs(skew) <= Self.tolerance else {
            throw .forbidden("Error: Your system clock must be accurate to within 30 seconds")
        }
        return key
    }
}
