public import Foundation

/// What a ``ResourceCache`` remembers about a cached file, stored as JSON next to it.
public struct CachedResourceMetadata: Codable, Hashable, Sendable {
    /// The URL the file was downloaded from.
    public var url: URL
    /// The file's size.
    public var byteCount: Int64
    /// The catalogue's checksum when the file was downloaded.
    public var catalogueChecksum: DataGouvChecksum?
    /// The catalogue's size when the file was downloaded.
    public var catalogueFilesize: Int64?
    /// The catalogue's last change when the file was downloaded.
    public var catalogueLastModified: OpenDataTimestamp?
    /// The checksum computed over the file, when one was computed.
    public var computedChecksum: DataGouvChecksum?
    /// Whether the computed checksum matched the catalogue's.
    public var checksumVerified: Bool
    /// The server's `ETag`, for conditional requests.
    public var entityTag: String?
    /// The server's `Last-Modified`, for conditional requests.
    public var lastModifiedHeader: String?
    /// When the file was downloaded or last revalidated.
    public var storedAt: Date

    /// Creates metadata.
    /// - Parameters:
    ///   - url: The source URL.
    ///   - byteCount: The file's size.
    ///   - catalogueChecksum: The catalogue's checksum.
    ///   - catalogueFilesize: The catalogue's size.
    ///   - catalogueLastModified: The catalogue's last change.
    ///   - computedChecksum: The computed checksum.
    ///   - checksumVerified: Whether it matched.
    ///   - entityTag: The `ETag`.
    ///   - lastModifiedHeader: The `Last-Modified`.
    ///   - storedAt: When the file was stored.
    public init(
        url: URL,
        byteCount: Int64,
        catalogueChecksum: DataGouvChecksum? = nil,
        catalogueFilesize: Int64? = nil,
        catalogueLastModified: OpenDataTimestamp? = nil,
        computedChecksum: DataGouvChecksum? = nil,
        checksumVerified: Bool = false,
        entityTag: String? = nil,
        lastModifiedHeader: String? = nil,
        storedAt: Date
    ) {
        self.url = url
        self.byteCount = byteCount
        self.catalogueChecksum = catalogueChecksum
        self.catalogueFilesize = catalogueFilesize
        self.catalogueLastModified = catalogueLastModified
        self.computedChecksum = computedChecksum
        self.checksumVerified = checksumVerified
        self.entityTag = entityTag
        self.lastModifiedHeader = lastModifiedHeader
        self.storedAt = storedAt
    }

    /// Whether the catalogue's current description of the file matches the cached one.
    /// - Parameter target: The catalogue's current description.
    /// - Returns: The comparison.
    public func change(comparedTo target: DownloadTarget) -> ResourceChange {
        if let current = target.checksum, let cached = catalogueChecksum {
            let same =
                current.type.lowercased() == cached.type.lowercased()
                && current.value.lowercased() == cached.value.lowercased()
            return same ? .unchanged : .changed(reason: "the checksum changed")
        }
        var compared = false
        if let size = target.filesize {
            compared = true
            if size != byteCount { return .changed(reason: "the size changed") }
        }
        if let modified = target.lastModified, let cached = catalogueLastModified {
            compared = true
            if modified != cached && modified.date != cached.date {
                return .changed(reason: "the last modification date changed")
            }
        }
        return compared ? .unchanged : .unknown
    }
}

/// Whether a catalogue resource changed since it was cached.
public enum ResourceChange: Hashable, Sendable {
    /// The checksum (or the size and date) are those of the cached file.
    case unchanged
    /// The catalogue describes a different file.
    case changed(reason: String)
    /// The catalogue says too little to tell: ask the server (conditional request).
    case unknown
}
