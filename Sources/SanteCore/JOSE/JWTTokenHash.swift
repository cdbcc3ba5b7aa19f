import Crypto
import Foundation

/// The OpenID Connect token hashes (`at_hash`, `c_hash`, `s_hash`): the base64url of the left half of
/// the hash of the ASCII value, with the hash function of the JWS algorithm (SHA-256 for `*256`,
/// SHA-384 for `*384`, SHA-512 for `*512`).
///
/// Comparing the result with the claim is the identity client's job.
public enum JWTTokenHash {
    /// Computes the hash claim value for `value` under `algorithm`.
    /// - Parameters:
    ///   - value: The access token, authorization code or state, as sent.
    ///   - algorithm: The `alg` of the ID token's header.
    /// - Returns: The base64url text of the left half of the digest.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/unsecuredAlgorithm`` for `none`, or
    ///   ``JOSEError/Reason/unsupportedAlgorithm`` when the algorithm implies no known hash.
    public static func compute(for value: String, algorithm: JWSAlgorithm) throws(JOSEError) -> String {
        guard !algorithm.isUnsecured else {
            throw JOSEError(.unsecuredAlgorithm, "no hash for an unsecured JWS", operation: "jose.hash")
        }
        let name = algorithm.rawValue
        let family = name.prefix(2)
        guard ["RS", "PS", "ES", "HS"].contains(family) else {
            throw JOSEError(.unsupportedAlgorithm, "no hash is defined for \(algorithm)", operation: "jose.hash")
        }
        let input = Data(value.utf8)
        let digest: [UInt8]
        switch name.dropFirst(2) {
        case "256": digest = Array(SHA256.hash(data: input))
        case "384": digest = Array(SHA384.hash(data: input))
        case "512": digest = Array(SHA512.hash(data: input))
        default:
            throw JOSEError(.unsupportedAlgorithm, "no hash is defined for \(algorithm)", operation: "jose.hash")
        }
        return Base64URL.encode(digest.prefix(digest.count / 2))
    }
}
