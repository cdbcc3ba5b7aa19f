import Crypto
import Foundation
import SanteCore

/// Proof Key for Code Exchange with S256 (RFC 7636): a 256-bit random verifier and its challenge.
/// `plain` is never used.
enum PKCE {
    /// The challenge method sent.
    static let method = "S256"

    /// A fresh verifier: 32 random bytes as base64url (43 characters of the unreserved set).
    static func makeVerifier() -> String {
        SecureRandom.token(byteCount: 32)
    }

    /// The S256 challenge of `verifier`: base64url(SHA-256(ASCII(verifier))).
    static func challenge(for verifier: String) -> String {
        Base64URL.encode(Array(SHA256.hash(data: Data(verifier.utf8))))
    }
}
