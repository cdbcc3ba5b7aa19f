public import Foundation

/// A JWS whose signature a ``JWSVerifier`` checked, with the key that verified it.
///
/// Only the signature, algorithm and key selection are established; claims (issuer, audience, times…)
/// still need the caller's checks.
public struct VerifiedJWS: Sendable {
    /// The verified token.
    public let token: JWS
    /// The key that verified the signature.
    public let key: JWSVerificationKey

    /// The protected header.
    public var header: JWSHeader { token.header }

    /// The payload bytes.
    public var payload: Data { token.payload }

    /// Decodes the payload as JSON into `type`.
    /// - Parameter type: The type to decode.
    /// - Returns: The decoded value.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/invalidPayload``.
    public func decodePayload<Value: Decodable>(as type: Value.Type) throws(JOSEError) -> Value {
        try token.decodePayload(as: type)
    }

    /// The payload decoded as JWT claims.
    /// - Returns: The claims.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/invalidPayload``.
    public func claims() throws(JOSEError) -> JWTClaims {
        try token.claims()
    }
}
