public import Foundation
public import SanteCore

/// Authenticates the bearer tokens the mock's services receive: tokens signed by ``MockSigningKeys`` for
/// this platform.
///
/// The checks, in order:
/// 1. The signature verifies with a `JWSVerifier` over the mock's public keys, allowing ES256 and RS256 only
///    (`none`, HS256 and PS256 are refused).
/// 2. `iss` is the platform's issuer (``MockPlatform/issuerURL``), compared as a string.
/// 3. `exp` is present and in the future on the platform clock (`iat` and `nbf`, when present, must not be
///    in the future), allowing ``leeway``.
/// 4. `token_use` names a kind of token the mock accepts; for `"patient"` (``MockPatientToken``), `aud`
///    contains ``MockPatientToken/audience`` and `ins` is a string.
///
/// ```swift
/// let verifier = try platform.tokenVerifier()
/// let principal = try verifier.verify(authorizationHeader: "Bearer eyJ...")   // .patient(ins: "279035121518989")
/// ```
public struct MockTokenVerifier: Sendable {
    /// The algorithms accepted: ES256 and RS256.
    public static let allowedAlgorithms: Set<JWSAlgorithm> = [.es256, .rs256]

    /// The issuer every token must carry in `iss`.
    public let issuer: String
    /// The clock `exp`, `nbf` and `iat` are checked against: the platform clock.
    public let clock: any SanteClock
    /// The clock skew tolerated on time claims; zero by default, so a token is refused from its `exp` on.
    public let leeway: Duration
    private let signatureVerifier: JWSVerifier

    /// Creates a verifier.
    /// - Parameters:
    ///   - issuer: The issuer tokens must carry, such as ``MockPlatform/issuerURL``.
    ///   - clock: The platform clock.
    ///   - keys: The keys whose public halves verify signatures.
    ///   - leeway: The clock skew tolerated on time claims.
    public init(issuer: URL, clock: any SanteClock, keys: MockSigningKeys, leeway: Duration = .zero) {
        self.issuer = issuer.absoluteString
        self.clock = clock
        self.leeway = leeway
        self.signatureVerifier = JWSVerifier(allowedAlgorithms: Self.allowedAlgorithms, keys: keys.verificationKeys)
    }

    /// Authenticates a compact JWS.
    /// - Parameter token: The token, `header.payload.signature`.
    /// - Returns: Who the token speaks for.
    /// - Throws: ``MockTokenError`` with reason ``MockTokenError/Reason/invalidToken``,
    ///   ``MockTokenError/Reason/wrongIssuer``, ``MockTokenError/Reason/expired``,
    ///   ``MockTokenError/Reason/unsupportedTokenUse``, ``MockTokenError/Reason/wrongAudience`` or
    ///   ``MockTokenError/Reason/missingClaim``.
    public func verify(_ token: some StringProtocol) throws(MockTokenError) -> MockPrincipal {
        let claims: JWTClaims
        do {
            claims = try signatureVerifier.verify(token).claims()
        } catch {
            throw failure(.invalidToken, "the token does not verify: \(error.message)", underlyingError: error)
        }
        guard claims.issuer == issuer else {
            throw failure(.wrongIssuer, "the token's issuer is not \(issuer)")
        }
        do {
            try claims.validateTimes(now: clock.now(), leeway: leeway, requireExpirationTime: true)
        } catch {
            throw failure(.expired, "the token is not valid now: \(error.message)", underlyingError: error)
        }
        switch claims[claim: MockPatientToken.tokenUseClaim]?.stringValue {
        case MockPatientToken.tokenUse:
            return try patient(claims)
        case let other:
            throw failure(.unsupportedTokenUse, "unsupported \(MockPatientToken.tokenUseClaim): \(other ?? "absent")")
        }
    }

    /// Authenticates the value of an `Authorization` header (`Bearer <token>`, scheme in any letter case).
    /// - Parameter authorizationHeader: The header's value, or `nil` when the request has none.
    /// - Returns: Who the token speaks for.
    /// - Throws: ``MockTokenError`` with reason ``MockTokenError/Reason/missingToken`` when there is no
    ///   bearer token, otherwise as ``verify(_:)`` does.
    public func verify(authorizationHeader: String?) throws(MockTokenError) -> MockPrincipal {
        guard let authorizationHeader else {
            throw failure(.missingToken, "the request has no Authorization header")
        }
        let parts = authorizationHeader.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw failure(.missingToken, "the Authorization header does not use the Bearer scheme")
        }
        return try verify(parts[1].trimmingCharacters(in: .whitespaces))
    }

    private func patient(_ claims: JWTClaims) throws(MockTokenError) -> MockPrincipal {
        guard claims.audience?.contains(MockPatientToken.audience) == true else {
            throw failure(.wrongAudience, "a patient token must have the audience \(MockPatientToken.audience)")
        }
        guard let ins = claims[claim: MockPatientToken.insClaim]?.stringValue, !ins.isEmpty else {
            throw failure(.missingClaim, "a patient token must carry the \(MockPatientToken.insClaim) claim")
        }
        return .patient(ins: ins)
    }

    private func failure(
        _ reason: MockTokenError.Reason, _ message: String, underlyingError: (any Error)? = nil
    ) -> MockTokenError {
        MockTokenError(reason, message, operation: "mock.tokens.verify", underlyingError: underlyingError)
    }
}
