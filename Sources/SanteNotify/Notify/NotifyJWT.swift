public import Foundation
import SanteCore

/// The JWTs Notify expects on every request: HS256, header `{"alg":"HS256","typ":"JWT"}`, payload
/// `{"iss": <service id>, "iat": <epoch seconds>}`, keyed by the UTF-8 bytes of the key's secret.
///
/// Notify accepts `iat` within ±30 s of its own clock, so a token is minted for every attempt
/// (see ``NotifyTokenProvider``), never cached.
public enum NotifyJWT {
    /// Mints a token.
    /// - Parameters:
    ///   - apiKey: The API key.
    ///   - issuedAt: The `iat` (its whole seconds are used).
    /// - Returns: The compact JWS.
    /// - Throws: ``NotifyError`` with ``NotifyError/Reason/configuration`` when signing fails.
    public static func token(for apiKey: NotifyAPIKey, issuedAt: Date) throws(NotifyError) -> String {
        let seconds = Int64(issuedAt.timeIntervalSince1970.rounded(.down))
        // Written by hand to keep Notify's member order (`iss`, then `iat`) in compact JSON; the service
        // id is a UUID, so it needs no escaping.
        let payload = #"{"iss":"\#(apiKey.serviceID)","iat":\#(seconds)}"#
        do {
            let key = JWSSigningKey(hmacSecret: Data(apiKey.secret.utf8))
            let header = JWSHeader(algorithm: .hs256, type: "JWT")
            return try JWS.sign(payload: Data(payload.utf8), header: header, key: key).compactSerialization
        } catch {
            throw NotifyError(
                .configuration, "the Notify JWT could not be signed", operation: "notify.jwt", isRetryable: false,
                underlyingError: error)
        }
    }
}
