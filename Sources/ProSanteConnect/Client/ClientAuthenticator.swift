import Foundation
import HTTPTypes
import SanteCore

/// Adds the client's authentication to a form request for a provider endpoint.
struct ClientAuthenticator: Sendable {
    let clientID: String
    let authentication: ClientAuthentication

    /// The form fields and header fields for one request.
    /// - Parameters:
    ///   - fields: The request's own form fields.
    ///   - metadata: The provider metadata (the assertion's audience is its token endpoint).
    ///   - now: The current instant, for assertions.
    ///   - operation: The operation, for errors.
    func authenticate(
        _ fields: [(String, String)], metadata: ProviderMetadata, now: Date, operation: String
    ) throws -> (fields: [(String, String)], headerFields: HTTPFields) {
        var fields = fields
        var headerFields = HTTPFields()
        switch authentication.method {
        case .clientSecretBasic(let secret):
            headerFields[.authorization] =
                "Basic " + FormEncoding.basicCredentials(clientID: clientID, secret: secret)
        case .clientSecretPost(let secret):
            fields += [("client_id", clientID), ("client_secret", secret)]
        case .privateKeyJWT(let key, let algorithm, let lifetime):
            let assertion = try makeAssertion(
                key: key, algorithm: algorithm, lifetime: lifetime, audience: metadata.tokenEndpoint.absoluteString,
                now: now, operation: operation)
            fields += [
                ("client_id", clientID),
                ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                ("client_assertion", assertion),
            ]
        case .tlsClientAuth:
            fields.append(("client_id", clientID))
        }
        return (fields, headerFields)
    }

    private func makeAssertion(
        key: JWSSigningKey, algorithm: JWSAlgorithm, lifetime: Duration, audience: String, now: Date,
        operation: String
    ) throws -> String {
        let claims = JWTClaims(
            issuer: clientID,
            subject: clientID,
            audience: .single(audience),
            expirationTime: NumericDate(
                secondsSince1970: (now + lifetime.timeInterval).timeIntervalSince1970.rounded()),
            issuedAt: NumericDate(secondsSince1970: now.timeIntervalSince1970.rounded(.down)),
            jwtID: SecureRandom.token(byteCount: 16))
        do {
            return try JWS.sign(claims: claims, key: key, algorithm: algorithm).compactSerialization
        } catch {
            throw ProSanteConnectError(
                .invalidConfiguration, "the client assertion could not be signed: \(error.message)",
                operation: operation, underlyingError: error)
        }
    }
}
