import SanteCore

/// Random values for `state`, `nonce`, PKCE verifiers and `jti`, from the system's cryptographically
/// secure generator (`SystemRandomNumberGenerator`: `getrandom` on Linux, `arc4random` on Apple platforms).
enum SecureRandom {
    /// `byteCount` random bytes.
    static func bytes(_ byteCount: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// A base64url token of `byteCount` random bytes (32 bytes: 256 bits, 43 characters).
    static func token(byteCount: Int = 32) -> String {
        Base64URL.encode(bytes(byteCount))
    }
}
