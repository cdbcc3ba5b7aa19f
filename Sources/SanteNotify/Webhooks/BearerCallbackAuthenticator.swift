import Foundation
public import HTTPTypes

/// Checks the `Authorization: Bearer <token>` of a Notify-style callback, in constant time.
///
/// > Warning: This is weaker than a Standard Webhooks signature: the token is the same on every callback,
/// > nothing binds it to the body, and there is no timestamp, so a captured callback can be replayed or
/// > altered. Use it only for senders that cannot sign (GOV.UK Notify callbacks), over HTTPS, with a long
/// > random token.
public struct BearerCallbackAuthenticator: Sendable {
    private let expectedToken: [UInt8]

    /// Creates an authenticator.
    /// - Parameter token: The token configured on the sender's side.
    public init(token: String) {
        expectedToken = Array(token.utf8)
    }

    /// Checks the request's bearer token.
    /// - Parameter headers: The request's header fields.
    /// - Throws: ``WebhookError`` with ``WebhookError/Reason/missingHeader`` without an `Authorization: Bearer`
    ///   header, ``WebhookError/Reason/invalidBearerToken`` when the token differs.
    public func authenticate(headers: HTTPFields) throws(WebhookError) {
        guard let value = headers[.authorization]?.trimmingCharacters(in: .whitespaces),
            value.count > 7, value.prefix(7).lowercased() == "bearer "
        else {
            throw WebhookError(
                .missingHeader, "the Authorization: Bearer header is missing", operation: "webhook.bearer")
        }
        let token = value.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard !expectedToken.isEmpty, ConstantTime.equals(Array(token.utf8), expectedToken) else {
            throw WebhookError(.invalidBearerToken, "the bearer token does not match", operation: "webhook.bearer")
        }
    }
}
