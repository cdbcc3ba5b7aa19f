import Crypto

/// The checksum algorithms the catalogue declares (udata's `checksum.type`), computed over the bytes the mock
/// serves.
enum ChecksumKind: String, Sendable {
    /// SHA-1, udata's default and the only type in the real VACSI resources.
    case sha1
    /// SHA-256.
    case sha256

    /// An incremental hasher of this kind.
    func makeHasher() -> ChecksumHasher {
        switch self {
        case .sha1: .sha1(Insecure.SHA1())
        case .sha256: .sha256(SHA256())
        }
    }

    /// The hexadecimal checksum of `bytes`.
    func hex(of bytes: [UInt8]) -> String {
        var hasher = makeHasher()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }
}

/// An incremental hash of one of the ``ChecksumKind`` algorithms.
enum ChecksumHasher {
    case sha1(Insecure.SHA1)
    case sha256(SHA256)

    /// Feeds bytes.
    mutating func update(_ bytes: [UInt8]) {
        switch self {
        case .sha1(var hasher):
            hasher.update(data: bytes)
            self = .sha1(hasher)
        case .sha256(var hasher):
            hasher.update(data: bytes)
            self = .sha256(hasher)
        }
    }

    /// The digest as lower-case hexadecimal.
    func finalizeHex() -> String {
        switch self {
        case .sha1(let hasher): ASCII.hex(hasher.finalize())
        case .sha256(let hasher): ASCII.hex(hasher.finalize())
        }
    }
}
