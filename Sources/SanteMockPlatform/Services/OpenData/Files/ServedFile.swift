/// A file the open-data service serves, with what its HTTP validators are made of.
struct ServedFile: Sendable {
    /// The `Content-Type`.
    let contentType: String
    /// The bytes.
    let body: FileBody
    /// The checksum the catalogue publishes (hexadecimal), also the file's strong `ETag`.
    let checksum: String
    /// The checksum algorithm.
    let checksumKind: ChecksumKind
    /// When the file last changed, in whole seconds since 1970 (`Last-Modified`).
    let lastModified: Int64

    /// The strong entity tag: the checksum in quotes.
    var entityTag: String { "\"\(checksum)\"" }

    /// The size in bytes.
    var size: Int { body.size }
}
