import Foundation
import SanteCore

/// Verifies the signature of ID tokens and signed userinfo responses under the client's policy.
///
/// - `none` and any algorithm outside ``IDTokenSigningPolicy`` are refused before any key is looked at.
/// - HS256 is verified with the UTF-8 client secret, and only when the policy says so.
/// - Asymmetric algorithms are verified with the provider's JWK set (each key suits its own family, and
///   its `alg` when the JWK binds one). An unknown `kid` (or no key for the algorithm) triggers one
///   rate-limited refetch of the set, then the token is refused.
/// - `jku`, `x5u` and embedded `jwk` headers are never used.
struct TokenSignatureVerifier: Sendable {
    let directory: ProviderDirectory
    let policy: IDTokenSigningPolicy
    let clientSecret: String?

    func verify(
        _ compactSerialization: String, operation: String, malformedReason: ProSanteConnectError.Reason
    ) async throws -> VerifiedJWS {
        let token: JWS
        do {
            token = try JWS.parseUnverified(compactSerialization)
        } catch {
            throw ProSanteConnectError(
                malformedReason, "the token is not a compact JWS: \(error.message)", operation: operation,
                underlyingError: error)
        }
        let algorithm = token.header.algorithm
        guard !algorithm.isUnsecured else {
            throw ProSanteConnectError(
                .algorithmNotAllowed, "an unsigned token (alg \"none\") is always refused", operation: operation)
        }
        guard policy.allowedAlgorithms.contains(algorithm) else {
            throw ProSanteConnectError(
                .algorithmNotAllowed, "the algorithm \"\(algorithm)\" is not allowed for this client",
                operation: operation)
        }
        if algorithm == .hs256 {
            guard let clientSecret else {
                throw ProSanteConnectError(
                    .algorithmNotAllowed, "HS256 needs a client secret", operation: operation)
            }
            let key = JWSVerificationKey(hmacSecret: Data(clientSecret.utf8), algorithm: .hs256)
            return try check(token, with: JWSVerifier(allowedAlgorithms: [.hs256], keys: [key]), operation: operation)
        }
        let allowed = policy.asymmetricAlgorithms
        let keys = try await directory.verificationKeys()
        let firstAttempt = Self.attempt(token, allowed: allowed, keys: keys)
        switch firstAttempt {
        case .success(let verified):
            return verified
        case .failure(let error) where error.reason == .unknownKeyID || error.reason == .noMatchingKey:
            guard let refreshed = try await directory.refetchKeySetAfterUnknownKey() else {
                throw Self.mapped(error, operation: operation, refetched: false)
            }
            return try Self.attempt(token, allowed: allowed, keys: refreshed.verificationKeys())
                .mapError { Self.mapped($0, operation: operation, refetched: true) }.get()
        case .failure(let error):
            throw Self.mapped(error, operation: operation, refetched: false)
        }
    }

    private static func attempt(
        _ token: JWS, allowed: Set<JWSAlgorithm>, keys: [JWSVerificationKey]
    ) -> Result<VerifiedJWS, JOSEError> {
        Result { () throws(JOSEError) in try JWSVerifier(allowedAlgorithms: allowed, keys: keys).verify(token) }
    }

    private func check(_ token: JWS, with verifier: JWSVerifier, operation: String) throws -> VerifiedJWS {
        try Result { () throws(JOSEError) in try verifier.verify(token) }
            .mapError { Self.mapped($0, operation: operation, refetched: false) }.get()
    }

    static func mapped(_ error: JOSEError, operation: String, refetched: Bool) -> ProSanteConnectError {
        let reason: ProSanteConnectError.Reason
        let message: String
        switch error.reason {
        case .unsecuredAlgorithm, .algorithmNotAllowed, .unsupportedAlgorithm:
            reason = .algorithmNotAllowed
            message = "the token's algorithm is not allowed"
        case .unknownKeyID:
            reason = .unknownKeyID
            message =
                refetched
                ? "no key of the JWK set has the token's kid, even after fetching it again"
                : "no key of the JWK set has the token's kid (the set was fetched too recently to fetch it again)"
        case .noMatchingKey:
            reason = .noMatchingKey
            message = "no key of the JWK set can verify the token's algorithm"
        case .ambiguousKey:
            reason = .ambiguousKey
            message = "the token has no kid and several keys could verify it"
        case .keyAlgorithmMismatch:
            reason = .keyAlgorithmMismatch
            message = "the key the token names cannot verify its algorithm"
        default:
            reason = .signatureInvalid
            message = "the signature does not verify"
        }
        return ProSanteConnectError(reason, message, operation: operation, underlyingError: error)
    }
}
