import Crypto

/// An incremental checksum over the bytes of a download, with swift-crypto.
struct ChecksumHasher {
    private enum State {
        case sha1(Insecure.SHA1)
        case sha256(SHA256)
        case md5(Insecure.MD5)
    }

    let algorithm: ChecksumAlgorithm
    private var state: State

    init(_ algorithm: ChecksumAlgorithm) {
        self.algorithm = algorithm
        switch algorithm {
        case .sha1: state = .sha1(Insecure.SHA1())
        case .sha256: state = .sha256(SHA256())
        case .md5: state = .md5(Insecure.MD5())
        }
    }

    /// Feeds bytes.
    mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Feeds bytes.
    mutating func update(_ buffer: UnsafeRawBufferPointer) {
        switch state {
        case .sha1(var hasher):
            hasher.update(bufferPointer: buffer)
            state = .sha1(hasher)
        case .sha256(var hasher):
            hasher.update(bufferPointer: buffer)
            state = .sha256(hasher)
        case .md5(var hasher):
            hasher.update(bufferPointer: buffer)
            state = .md5(hasher)
        }
    }

    /// The checksum as lower-case hexadecimal.
    func finalize() -> String {
        switch state {
        case .sha1(let hasher): Self.hex(hasher.finalize())
        case .sha256(let hasher): Self.hex(hasher.finalize())
        case .md5(let hasher): Self.hex(hasher.finalize())
        }
    }

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
