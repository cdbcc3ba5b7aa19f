/// How a ``ResourceDownloader`` uses its cache and recovers from failures.
public struct DownloadOptions: Hashable, Sendable {
    /// When a cached file is used.
    public enum CachePolicy: Hashable, Sendable {
        /// Use the cached file without a request when the catalogue's checksum (or size and date) match it;
        /// ask the server with a conditional request when the catalogue says nothing; download when it
        /// changed.
        case useCatalogueMetadata
        /// Always ask the server with a conditional request (`If-None-Match`, `If-Modified-Since`).
        case revalidate
        /// Ignore the cached file and download.
        case reload
    }

    /// When a cached file is used (default ``CachePolicy/useCatalogueMetadata``).
    public var cachePolicy: CachePolicy
    /// The most transfers for one download: after a dropped connection, the next transfer resumes the
    /// partial file with `Range` (default 4).
    public var maximumAttempts: Int
    /// The wait before resuming after a failure (default 250 ms).
    public var resumeDelay: Duration
    /// The most redirects followed (`latest` links redirect to the file; default 5).
    public var maximumRedirects: Int
    /// The time allowed for each transfer, replacing the client's default (which suits API calls, not large
    /// files); `nil` keeps the client's. Default 1 hour.
    public var transferTimeout: Duration?

    /// Creates options.
    /// - Parameters:
    ///   - cachePolicy: When a cached file is used.
    ///   - maximumAttempts: The most transfers (at least 1).
    ///   - resumeDelay: The wait before resuming.
    ///   - maximumRedirects: The most redirects followed.
    ///   - transferTimeout: The time allowed for each transfer.
    public init(
        cachePolicy: CachePolicy = .useCatalogueMetadata,
        maximumAttempts: Int = 4,
        resumeDelay: Duration = .milliseconds(250),
        maximumRedirects: Int = 5,
        transferTimeout: Duration? = .seconds(3600)
    ) {
        self.cachePolicy = cachePolicy
        self.maximumAttempts = max(1, maximumAttempts)
        self.resumeDelay = max(.zero, resumeDelay)
        self.maximumRedirects = max(0, maximumRedirects)
        self.transferTimeout = transferTimeout
    }
}
