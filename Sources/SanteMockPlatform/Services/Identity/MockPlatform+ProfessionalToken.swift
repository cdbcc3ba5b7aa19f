extension MockPlatform {
    /// Mints a TEST-ONLY Pro Santé Connect access token for a seeded professional, as if they had signed in
    /// with the demo client (see ``MockPSCAccessToken``): an RS256 JWT signed by ``MockSigningKeys``, for this
    /// platform's ``issuerURL``, with `typ: "Bearer"`, `SubjectNameID`, `aud`/`azp` `santekit-demo`, scope
    /// `openid scope_all`, and `iat`/`exp` read from ``clock``.
    ///
    /// ``tokenVerifier()`` (hence the mock DMP) accepts it as ``MockPrincipal/professional(subjectNameID:)``.
    /// No session is created: it has no refresh token, and only its `jti` could be revoked.
    ///
    /// ```swift
    /// let token = try await platform.mintProfessionalToken(subjectNameID: "899990000012")
    /// // Authorization: Bearer <token>
    /// ```
    /// - Parameters:
    ///   - subjectNameID: The `SubjectNameID` of one of ``identities``' professionals, such as `"899990000012"`.
    ///   - lifetime: A whole number of seconds, from 1 second to ``MockPatientToken/maximumLifetime``;
    ///     ``MockPSCAccessToken/lifetime`` (120 seconds) by default.
    /// - Returns: The compact JWS, to send as `Authorization: Bearer <token>`.
    /// - Throws: ``MockTokenError`` with ``MockTokenError/Reason/unknownProfessional`` when no seeded
    ///   professional has this id, ``MockTokenError/Reason/invalidLifetime``, or
    ///   ``MockTokenError/Reason/unavailable``.
    public func mintProfessionalToken(
        subjectNameID: String, lifetime: Duration = MockPSCAccessToken.lifetime
    ) async throws(MockTokenError) -> String {
        try services.identity.mintProfessionalToken(subjectNameID: subjectNameID, lifetime: lifetime)
    }
}
