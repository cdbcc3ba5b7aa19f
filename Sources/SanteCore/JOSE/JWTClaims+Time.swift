public import Foundation

extension JWTClaims {
    /// Checks `exp`, `nbf` and `iat` against `now`, allowing `leeway` for clock skew.
    ///
    /// The caller supplies `now` (from its injected clock); the system clock is never read here.
    /// - `exp`: the token is expired when `now >= exp + leeway`; a missing `exp` fails only when
    ///   `requireExpirationTime` is `true`.
    /// - `nbf`: the token is not yet valid when `now < nbf - leeway`.
    /// - `iat`: the token is refused when `iat > now + leeway`; with `maximumAge`, `iat` is required and
    ///   the token is refused when `now > iat + maximumAge + leeway`.
    /// - Parameters:
    ///   - now: The current instant.
    ///   - leeway: The clock skew tolerated in each direction.
    ///   - requireExpirationTime: Whether `exp` must be present.
    ///   - maximumAge: The oldest `iat` accepted, if the caller bounds it.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/expired``, ``JOSEError/Reason/notYetValid``,
    ///   ``JOSEError/Reason/issuedInFuture``, ``JOSEError/Reason/issuedTooLongAgo`` or
    ///   ``JOSEError/Reason/missingRequiredClaim``.
    public func validateTimes(
        now: Date,
        leeway: Duration = .zero,
        requireExpirationTime: Bool = true,
        maximumAge: Duration? = nil
    ) throws(JOSEError) {
        let current = now.timeIntervalSince1970
        let tolerance = abs(leeway.timeInterval)
        if let expirationTime {
            guard current < expirationTime.secondsSince1970 + tolerance else {
                throw failure(.expired, "the token expired at \(expirationTime)")
            }
        } else if requireExpirationTime {
            throw failure(.missingRequiredClaim, "the token has no \"exp\" claim")
        }
        if let notBefore, current < notBefore.secondsSince1970 - tolerance {
            throw failure(.notYetValid, "the token is not valid before \(notBefore)")
        }
        if let issuedAt, issuedAt.secondsSince1970 > current + tolerance {
            throw failure(.issuedInFuture, "the token claims to be issued at \(issuedAt), in the future")
        }
        if let maximumAge {
            guard let issuedAt else {
                throw failure(.missingRequiredClaim, "the token has no \"iat\" claim")
            }
            guard current <= issuedAt.secondsSince1970 + abs(maximumAge.timeInterval) + tolerance else {
                throw failure(.issuedTooLongAgo, "the token was issued at \(issuedAt), too long ago")
            }
        }
    }

    /// Whether the token is expired at `now`, allowing `leeway`; `false` when there is no `exp`.
    /// - Parameters:
    ///   - now: The current instant.
    ///   - leeway: The clock skew tolerated.
    /// - Returns: `true` when `now >= exp + leeway`.
    public func isExpired(now: Date, leeway: Duration = .zero) -> Bool {
        guard let expirationTime else { return false }
        return now.timeIntervalSince1970 >= expirationTime.secondsSince1970 + abs(leeway.timeInterval)
    }

    private func failure(_ reason: JOSEError.Reason, _ message: String) -> JOSEError {
        JOSEError(reason, message, operation: "jose.claims")
    }
}
