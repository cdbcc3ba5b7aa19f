public import Foundation
public import SanteCore

/// Authenticates the bearer tokens the mock's services receive: tokens signed by this platform's keys.
///
/// The checks, in order:
/// 1. The signature verifies with a `JWSVerifier` over the platform's public keys (``MockSigningKeys``, or
///    the keys of its last rotation), allowing ES256 and RS256 only (`none`, HS256 and PS256 are refused).
/// 2. `iss` is the platform's issuer (``MockPlatform/issuerURL``), compared as a string.
/// 3. `exp` is present and in the future on the platform clock (`iat` and `nbf`, when present, must not be
///    in the future), allowing ``leeway``.
/// 4. The kind of token:
///    - `token_use: "patient"` (``MockPatientToken``): `aud` contains ``MockPatientToken/audience`` and `ins`
///      is a string → ``MockPrincipal/patient(ins:)``;
///    - no `token_use` and `typ: "Bearer"` (a Pro Santé Connect access token, ``MockPSCAccessToken``, or a
///      token obtained from it by token exchange): `SubjectNameID` is a string, and the token's `jti` was
///      not revoked on the platform (revocation, logout) → ``MockPrincipal/professional(subjectNameID:)``.
///      The audience is not checked: any client's access token is accepted.
///    - anything else (an ID token, `typ: "ID"`, included) is refused.
/// 5. A certificate-bound token (`cnf: {"x5t#S256": …}`, issued through mutual TLS, RFC 8705 §3) is accepted
///    only with the certificate of that thumbprint: the one the request's connection presented on the
///    platform's mutual-TLS listener (``verify(_:)``), or the one given
///    (``verify(_:presentedCertificateThumbprint:)``). Otherwise
///    ``MockTokenError/Reason/certificateBindingMismatch``.
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
    private let keySource: KeySource
    private let revokedTokens: MockRevokedTokens?

    private enum KeySource: Sendable {
        case fixed(MockSigningKeys)
        case ring(MockKeyRing)
    }

    /// Creates a verifier over fixed keys; it knows nothing of a platform's revocations.
    ///
    /// ``MockPlatform/tokenVerifier()`` gives a verifier that follows the platform's key rotations and
    /// revocations.
    /// - Parameters:
    ///   - issuer: The issuer tokens must carry, such as ``MockPlatform/issuerURL``.
    ///   - clock: The platform clock.
    ///   - keys: The keys whose public halves verify signatures.
    ///   - leeway: The clock skew tolerated on time claims.
    public init(issuer: URL, clock: any SanteClock, keys: MockSigningKeys, leeway: Duration = .zero) {
        self.issuer = issuer.absoluteString
        self.clock = clock
        self.leeway = leeway
        self.keySource = .fixed(keys)
        self.revokedTokens = nil
    }

    /// Creates a verifier over a platform's current keys and revocations.
    init(
        issuer: URL, clock: any SanteClock, keyRing: MockKeyRing, revokedTokens: MockRevokedTokens,
        leeway: Duration = .zero
    ) {
        self.issuer = issuer.absoluteString
        self.clock = clock
        self.leeway = leeway
        self.keySource = .ring(keyRing)
        self.revokedTokens = revokedTokens
    }

    /// Authenticates a compact JWS.
    /// - Parameter token: The token, `header.payload.signature`.
    /// - Returns: Who the token speaks for.
    /// - Throws: ``MockTokenError`` with reason ``MockTokenError/Reason/invalidToken``,
    ///   ``MockTokenError/Reason/wrongIssuer``, ``MockTokenError/Reason/expired``,
    ///   ``MockTokenError/Reason/unsupportedTokenUse``, ``MockTokenError/Reason/wrongAudience``,
    ///   ``MockTokenError/Reason/missingClaim``, ``MockTokenError/Reason/revoked``,
    ///   ``MockTokenError/Reason/unavailable`` or ``MockTokenError/Reason/certificateBindingMismatch``.
    public func verify(_ token: some StringProtocol) throws(MockTokenError) -> MockPrincipal {
        try verify(token, presentedCertificateThumbprint: PresentedClientCertificate.current?.thumbprint)
    }

    /// Authenticates a compact JWS presented over a connection with this client certificate.
    /// - Parameters:
    ///   - token: The token, `header.payload.signature`.
    ///   - presentedCertificateThumbprint: The `x5t#S256` of the client certificate the request came with
    ///     (``MockIssuedCertificate/certificateThumbprint``), or `nil` without one.
    /// - Returns: Who the token speaks for.
    /// - Throws: ``MockTokenError``, as ``verify(_:)`` does.
    public func verify(
        _ token: some StringProtocol, presentedCertificateThumbprint: String?
    ) throws(MockTokenError) -> MockPrincipal {
        let claims = try verifiedClaims(token)
        if let bound = Self.boundCertificateThumbprint(claims), bound != presentedCertificateThumbprint {
            let presented = presentedCertificateThumbprint == nil ? "without a client certificate" : "with another one"
            throw failure(
                .certificateBindingMismatch,
                "the token is bound to a client certificate (cnf x5t#S256) and was presented \(presented)")
        }
        switch claims[claim: MockPatientToken.tokenUseClaim]?.stringValue {
        case MockPatientToken.tokenUse:
            return try patient(claims)
        case nil where claims[claim: MockPSCAccessToken.typeClaim]?.stringValue == MockPSCAccessToken.type:
            return try professional(claims)
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
        try verify(Self.bearerToken(authorizationHeader))
    }

    /// The token of an `Authorization: Bearer` header value.
    static func bearerToken(_ authorizationHeader: String?) throws(MockTokenError) -> String {
        guard let authorizationHeader else {
            throw MockTokenError(
                .missingToken, "the request has no Authorization header", operation: "mock.tokens.verify")
        }
        let parts = authorizationHeader.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw MockTokenError(
                .missingToken, "the Authorization header does not use the Bearer scheme",
                operation: "mock.tokens.verify")
        }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// The certificate thumbprint a token is bound to (`cnf.x5t#S256`), if any.
    static func boundCertificateThumbprint(_ claims: JWTClaims) -> String? {
        claims[claim: MockPSCAccessToken.confirmationClaim]?[MockPSCAccessToken.certificateThumbprintMember]?
            .stringValue
    }

    /// Checks the signature, the issuer and the times, and returns the claims (steps 1 to 3 above).
    func verifiedClaims(_ token: some StringProtocol) throws(MockTokenError) -> JWTClaims {
        let keys: MockSigningKeys
        switch keySource {
        case .fixed(let fixed):
            keys = fixed
        case .ring(let ring):
            do {
                keys = try ring.current()
            } catch {
                throw failure(.unavailable, "the mock's signing keys are unavailable", underlyingError: error)
            }
        }
        let claims: JWTClaims
        do {
            let verifier = JWSVerifier(allowedAlgorithms: Self.allowedAlgorithms, keys: keys.verificationKeys)
            claims = try verifier.verify(token).claims()
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
        return claims
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

    private func professional(_ claims: JWTClaims) throws(MockTokenError) -> MockPrincipal {
        let claimName = MockPSCAccessToken.subjectNameIDClaim
        guard let subjectNameID = claims[claim: claimName]?.stringValue, !subjectNameID.isEmpty else {
            throw failure(.missingClaim, "a Pro Santé Connect access token must carry the \(claimName) claim")
        }
        if let revokedTokens, let tokenID = claims.jwtID, revokedTokens.contains(tokenID) {
            throw failure(.revoked, "the access token was revoked")
        }
        return .professional(subjectNameID: subjectNameID)
    }

    private func failure(
        _ reason: MockTokenError.Reason, _ message: String, underlyingError: (any Error)? = nil
    ) -> MockTokenError {
        MockTokenError(reason, message, operation: "mock.tokens.verify", underlyingError: underlyingError)
    }
}

extension MockTokenError.Reason {
    /// The token is bound to a client certificate (`cnf.x5t#S256`, RFC 8705) and the request did not come
    /// with that certificate (none, or another one).
    public static let certificateBindingMismatch = MockTokenError.Reason(rawValue: "certificate_binding_mismatch")
}
