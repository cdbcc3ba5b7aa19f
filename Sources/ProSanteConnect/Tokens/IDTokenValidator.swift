import Foundation
import SanteCore

/// The claim checks of OpenID Connect Core §3.1.3.7 and §12.2, run on an ID token whose signature
/// verified. Each failure has its own ``ProSanteConnectError/Reason``.
struct IDTokenValidator: Sendable {
    let clientID: String
    let trustedAudiences: Set<String>
    let leeway: Duration

    func validate(
        _ verified: VerifiedJWS, compactSerialization: String, issuer: String, now: Date,
        expectations: IDTokenExpectations, operation: String
    ) throws -> IDToken {
        func failure(_ reason: ProSanteConnectError.Reason, _ message: String) -> ProSanteConnectError {
            ProSanteConnectError(reason, message, operation: operation)
        }
        let claims: JWTClaims
        do {
            claims = try verified.claims()
        } catch {
            throw ProSanteConnectError(
                .idTokenMalformed, "the ID token's claims are not a valid JSON object", operation: operation,
                underlyingError: error)
        }
        let token = IDToken(compactSerialization: compactSerialization, header: verified.header, claims: claims)

        if let type = claims[claim: "typ"], type != .string("ID") {
            throw failure(.idTokenInvalidType, "the token's typ claim is not \"ID\": it is not an ID token")
        }
        guard claims.issuer == issuer else {
            throw failure(.idTokenInvalidIssuer, "the ID token's iss is not the provider's issuer")
        }
        try checkAudience(token, failure: failure)
        guard let subject = claims.subject, !subject.isEmpty else {
            throw failure(.idTokenMissingSubject, "the ID token has no sub")
        }
        try checkTimes(claims, now: now, failure: failure)
        if let nonce = expectations.nonce {
            guard let received = token.nonce, ConstantTime.equals(received, nonce) else {
                throw failure(.nonceMismatch, "the ID token's nonce is missing or is not the one sent")
            }
        }
        if !expectations.acrValues.isEmpty {
            guard let acr = token.authenticationContextClass, expectations.acrValues.contains(acr) else {
                throw failure(.acrMismatch, "the ID token's acr is missing or is not the level requested")
            }
        }
        if let maximumAge = expectations.maximumAuthenticationAge {
            guard let authenticationTime = token.authenticationTime else {
                throw failure(.idTokenMissingAuthTime, "max_age was sent but the ID token has no auth_time")
            }
            let limit = authenticationTime + maximumAge.timeInterval + leeway.timeInterval
            guard now <= limit else {
                throw failure(.authenticationTooOld, "the authentication is older than max_age allows")
            }
        }
        if let accessTokenHash = claims[claim: "at_hash"], let accessToken = expectations.accessToken {
            let expected = try? JWTTokenHash.compute(for: accessToken, algorithm: verified.header.algorithm)
            guard let received = accessTokenHash.stringValue, let expected, ConstantTime.equals(received, expected)
            else {
                throw failure(.accessTokenHashMismatch, "the ID token's at_hash does not match the access token")
            }
        }
        if let previous = expectations.previous {
            try checkContinuity(token, previous: previous, failure: failure)
        }
        return token
    }

    private func checkAudience(
        _ token: IDToken, failure: (ProSanteConnectError.Reason, String) -> ProSanteConnectError
    ) throws {
        let audiences = token.audiences
        guard audiences.contains(clientID) else {
            throw failure(.idTokenInvalidAudience, "the ID token's aud is missing or does not list this client")
        }
        let authorizedParty = token.claims[claim: "azp"]
        if audiences.count > 1, authorizedParty == nil {
            throw failure(.idTokenInvalidAuthorizedParty, "the ID token has several audiences but no azp")
        }
        if let authorizedParty, authorizedParty != .string(clientID) {
            throw failure(.idTokenInvalidAuthorizedParty, "the ID token's azp is not this client")
        }
        let untrusted = audiences.filter { $0 != clientID && !trustedAudiences.contains($0) }
        guard untrusted.isEmpty else {
            throw failure(.idTokenInvalidAudience, "the ID token lists an audience this client does not trust")
        }
    }

    private func checkTimes(
        _ claims: JWTClaims, now: Date, failure: (ProSanteConnectError.Reason, String) -> ProSanteConnectError
    ) throws {
        let tolerance = leeway.timeInterval
        guard let expirationTime = claims.expirationTime else {
            throw failure(.idTokenMissingExpiration, "the ID token has no exp")
        }
        guard now.timeIntervalSince1970 < expirationTime.secondsSince1970 + tolerance else {
            throw failure(.idTokenExpired, "the ID token is expired")
        }
        guard let issuedAt = claims.issuedAt else {
            throw failure(.idTokenMissingIssuedAt, "the ID token has no iat")
        }
        guard issuedAt.secondsSince1970 <= now.timeIntervalSince1970 + tolerance else {
            throw failure(.idTokenIssuedInFuture, "the ID token's iat is in the future")
        }
        if let notBefore = claims.notBefore, now.timeIntervalSince1970 < notBefore.secondsSince1970 - tolerance {
            throw failure(.idTokenNotYetValid, "the ID token is not valid yet (nbf)")
        }
    }

    /// OpenID Connect Core §12.2: a refreshed ID token keeps the session's identity.
    private func checkContinuity(
        _ token: IDToken, previous: IDToken, failure: (ProSanteConnectError.Reason, String) -> ProSanteConnectError
    ) throws {
        var changed: [String] = []
        if token.issuer != previous.issuer { changed.append("iss") }
        if token.subject != previous.subject { changed.append("sub") }
        if Set(token.audiences) != Set(previous.audiences) { changed.append("aud") }
        if token.authorizedParty != previous.authorizedParty { changed.append("azp") }
        if token.claims[claim: "auth_time"] != previous.claims[claim: "auth_time"] { changed.append("auth_time") }
        if let nonce = token.nonce, nonce != previous.nonce { changed.append("nonce") }
        guard changed.isEmpty else {
            throw failure(
                .refreshedIDTokenMismatch,
                "the refreshed ID token changed \(changed.joined(separator: ", ")) from the session's ID token")
        }
    }
}
