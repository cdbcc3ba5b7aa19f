public import Foundation

/// A finished download: where the file is and how it got there.
public struct DownloadResult: Hashable, Sendable {
    /// Where the bytes came from.
    public enum Source: Hashable, Sendable {
        /// From the network; `resumed` when at least one transfer continued a partial file with `Range`.
        case network(resumed: Bool)
        /// From the cache, without any request: the catalogue's checksum, size and date are those of the
        /// cached file.
        case cacheUnchanged
        /// From the cache, after the server answered a conditional request with `304 Not Modified`.
        case cacheNotModified
    }

    /// Where the file is.
    public var fileURL: URL
    /// Where the bytes came from.
    public var source: Source
    /// The file's size.
    public var byteCount: Int64
    /// The checksum computed over the whole file, when the catalogue gave one SanteKit can verify.
    public var checksum: DataGouvChecksum?
    /// Whether ``checksum`` was compared with the catalogue's and matched (`false` when the catalogue gave
    /// none, or one that cannot be verified, such as `crc` or a multipart `md5` ETag).
    public var checksumVerified: Bool
    /// The response's `ETag`, when the server sent one.
    public var entityTag: String?
    /// The response's `Last-Modified`, when the server sent one.
    public var lastModifiedHeader: String?
    /// The number of transfers made (1 without failures; 0 for a cache hit without a request).
    public var attempts: Int

    /// Creates a result.
    /// - Parameters:
    ///   - fileURL: Where the file is.
    ///   - source: Where the bytes came from.
    ///   - byteCount: The file's size.
    ///   - checksum: The computed checksum.
    ///   - checksumVerified: Whether it matched the catalogue's.
    ///   - entityTag: The `ETag`.
    ///   - lastModifiedHeader: The `Last-Modified`.
    ///   - attempts: The number of transfers.
    public init(
        fileURL: URL,
        source: Source,
        byteCount: Int64,
        checksum: DataGouvChecksum? = nil,
        checksumVerified: Bool = false,
        entityTag: String? = nil,
        lastModifiedHeader: String? = nil,
        attempts: Int = 1
    ) {
        self.fileURL = fileURL
        self.source = source
        self.byteCount = byteCount
        self.checksum = checksum
        self.checksumVerified = checksumVerified
        self.entityTag = entityTag
        self.lastModifiedHeader = lastModifiedHeader
        self.attempts = attempts
    }

    /// Whether the file came from the cache.
    public var isFromCache: Bool {
        source == .cacheUnchanged || source == .cacheNotModified
    }
}
