public import Foundation

/// A JWS in compact serialization (`header.payload.signature`, RFC 7515 §7.1), split into its parts.
///
/// A `JWS` value says nothing about trust: one from ``parseUnverified(_:)`` has **not** been checked.
/// Verify with a ``JWSVerifier``, which returns a ``VerifiedJWS``. Its description, debug description and
/// mirror show only the algorithm and key identifier, so that tokens do not end up in logs.
public struct JWS: Hashable, Sendable {
    /// The decoded protected header.
    public let header: JWSHeader
    /// The payload bytes.
    public let payload: Data
    /// The signature bytes (empty for an unsecured JWS, which is never accepted).
    public let signature: Data
    /// The header part exactly as it appears in the token (base64url).
    public let encodedHeader: String
    /// The payload part exactly as it appears in the token (base64url).
    public let encodedPayload: String
    /// The signature part exactly as it appears in the token (base64url).
    public let encodedSignature: String

    /// The bytes the signature covers: the ASCII of `encodedHeader + "." + encodedPayload`.
    public var signingInput: Data {
        Data("\(encodedHeader).\(encodedPayload)".utf8)
    }

    /// The token in compact serialization.
    public var compactSerialization: String {
        "\(encodedHeader).\(encodedPayload).\(encodedSignature)"
    }

    /// Splits and decodes a compact JWS **without verifying anything**.
    ///
    /// Use it to read the header (for example `kid`) before choosing keys, or in tests. Never trust
    /// the result; verify with ``JWSVerifier``.
    /// - Parameter compactSerialization: The token, `header.payload.signature`.
    /// - Returns: The parts, decoded.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/malformedCompactSerialization`` (not three parts, or
    ///   an empty header), ``JOSEError/Reason/invalidBase64URL`` (a part is not base64url) or
    ///   ``JOSEError/Reason/invalidHeader`` (the header is not a JSON object with a string `alg`).
    public static func parseUnverified(_ compactSerialization: some StringProtocol) throws(JOSEError) -> JWS {
        let parts = compactSerialization.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            let detail =
                parts.count == 5
                ? "five parts: this is a JWE (encrypted), which is not supported" : "\(parts.count) parts, expected 3"
            throw JOSEError(.malformedCompactSerialization, "malformed compact JWS: \(detail)", operation: "jose.parse")
        }
        guard !parts[0].isEmpty else {
            throw JOSEError(
                .malformedCompactSerialization, "malformed compact JWS: empty header", operation: "jose.parse")
        }
        let headerBytes: Data
        let payload: Data
        let signature: Data
        do throws(JOSEError) {
            headerBytes = try Base64URL.decode(parts[0])
            payload = try Base64URL.decode(parts[1])
            signature = try Base64URL.decode(parts[2])
        } catch {
            throw JOSEError(
                .invalidBase64URL, "a part of the JWS is not base64url: \(error.message)", operation: "jose.parse")
        }
        let header: JWSHeader
        do throws(JOSEError) {
            header = try JOSEJSON.decode(JWSHeader.self, from: headerBytes, reason: .invalidHeader, what: "JWS header")
        } catch {
            throw error.attributed(to: "jose.parse")
        }
        return JWS(
            header: header, payload: payload, signature: signature, encodedHeader: String(parts[0]),
            encodedPayload: String(parts[1]), encodedSignature: String(parts[2]))
    }

    /// Decodes the payload as JSON into `type`.
    ///
    /// NumericDate fields typed as `Date` decode from seconds since 1970.
    /// - Parameter type: The type to decode, such as ``JWTClaims``.
    /// - Returns: The decoded value.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/invalidPayload``.
    public func decodePayload<Value: Decodable>(as type: Value.Type) throws(JOSEError) -> Value {
        do throws(JOSEError) {
            return try JOSEJSON.decode(type, from: payload, reason: .invalidPayload, what: "JWS payload")
        } catch {
            throw error.attributed(to: "jose.decode")
        }
    }

    /// The payload decoded as JWT claims.
    /// - Returns: The claims.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/invalidPayload``.
    public func claims() throws(JOSEError) -> JWTClaims {
        try decodePayload(as: JWTClaims.self)
    }
}
