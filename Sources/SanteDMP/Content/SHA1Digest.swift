import Crypto
import Foundation

/// An incremental SHA-1 (swift-crypto `Insecure.SHA1`) with a byte count, giving the base64 digest PDSm
/// carries in `attachment.hash`.
struct SHA1Digest: Sendable {
    private var hasher = Insecure.SHA1()
    /// The number of bytes fed so far.
    private(set) var byteCount = 0

    mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        byteCount += bytes.count
    }

    mutating func update(_ data: Data) {
        hasher.update(data: data)
        byteCount += data.count
    }

    /// The digest, base64-encoded.
    func base64() -> String {
        Data(hasher.finalize()).base64EncodedString()
    }

    /// The base64 SHA-1 of some bytes.
    static func base64(of data: Data) -> String {
        var digest = SHA1Digest()
        digest.update(data)
        return digest.base64()
    }
}
