public import SanteCore

/// A resource's checksum as the catalogue gives it: `{"type": "sha1", "value": "92fd7f…"}`.
public struct DataGouvChecksum: DataGouvModel {
    /// The algorithm, as named by udata: `sha1` (the default), `sha2`, `sha256`, `md5` or `crc`.
    public var type: String
    /// The checksum, usually lower-case hexadecimal. An `md5` may be an S3 multipart ETag (`<md5>-<parts>`),
    /// which is not the file's MD5 and cannot be verified.
    public var value: String
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a checksum.
    /// - Parameters:
    ///   - type: The algorithm's udata name.
    ///   - value: The checksum.
    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }

    /// The algorithm when SanteKit can verify it (`sha2` is read as SHA-256), or `nil` (`crc`, unknown
    /// types, multipart ETags).
    public var algorithm: ChecksumAlgorithm? {
        if value.contains("-") { return nil }
        return ChecksumAlgorithm(udataName: type)
    }

    /// Decodes the checksum, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        type = try object.optional("type") ?? "sha1"
        value = try object.required("value")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the checksum and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(type, "type")
        try object.encode(value, "value")
        try object.finish(with: additionalMembers)
    }
}

/// A checksum algorithm SanteKit verifies while downloading (with swift-crypto).
public enum ChecksumAlgorithm: String, Hashable, Sendable, Codable, CaseIterable {
    /// SHA-1 (udata's default).
    case sha1
    /// SHA-256 (udata's `sha256`, and `sha2`).
    case sha256
    /// MD5.
    case md5

    /// The algorithm named by udata's `checksum.type`.
    /// - Parameter udataName: `sha1`, `sha2`, `sha256` or `md5` (any case).
    public init?(udataName: String) {
        switch udataName.lowercased() {
        case "sha1", "sha-1": self = .sha1
        case "sha2", "sha256", "sha-256": self = .sha256
        case "md5": self = .md5
        default: return nil
        }
    }
}
