public import Foundation
public import SanteCore
public import SanteHTTP

/// Downloads catalogue files to disk as streams, verifying them as they arrive.
///
/// - **Streaming:** the body goes to disk chunk by chunk; memory stays flat whatever the file's size.
/// - **Verification:** the catalogue's checksum (SHA-1, SHA-256 or MD5, with swift-crypto) is computed
///   while the bytes stream; a mismatch deletes the file and throws ``OpenDataError`` with reason
///   `.checksumMismatch`. Without a checksum, the catalogue's size is checked (`.sizeMismatch`).
/// - **Resume:** the file is written to `<destination>.partial`; after a dropped connection the next
///   attempt asks for the rest with `Range` (and `If-Range`, so a file that changed meanwhile is downloaded
///   again from the start), and the checksum still covers the whole file. A partial file left by an
///   earlier process is resumed too. A partial file whose response carried no validator (no strong `ETag`,
///   no `Last-Modified`) is not resumed but downloaded again, as nothing shows the rest is the same file.
///   Resuming needs a transport that streams the body, such as
///   `AsyncHTTPClientTransport`: the pipeline's retry middleware only retries until the response head
///   arrives, so the bytes that follow reach the file and a cut is resumed from them. `URLSessionTransport`
///   on Linux buffers the whole body and drops it when the connection breaks, so there a cut transfer
///   starts again from the first byte (and the body is held in memory).
/// - **Cache:** with a ``ResourceCache``, an unchanged resource is not fetched twice: the catalogue's
///   checksum, size and date are compared with the cached file's, and when they say nothing the server is
///   asked with `If-None-Match` / `If-Modified-Since` (a `304` keeps the cached file).
/// - **Redirects** (such as `latest` links) are followed.
///
/// ```swift
/// let downloader = ResourceDownloader(http: http)
/// let cache = ResourceCache(directory: cachesDirectory.appending(path: "opendata"))
/// let result = try await downloader.download(resource, cache: cache) { progress in
///     print(progress.fractionCompleted ?? 0)
/// }
/// for try await row in CSVRows(FileByteChunks(url: result.fileURL)) { … }
/// ```
///
/// Two downloads of the same file at the same time (same destination or cache entry) share one transfer.
public struct ResourceDownloader: Sendable {
    /// Called as bytes reach the disk (about every 256 KiB, and at the end).
    public typealias ProgressHandler = @Sendable (DownloadProgress) async -> Void

    /// The pipeline. Its base URL does not matter: files are fetched by absolute URL.
    public let http: SanteHTTPClient
    /// Cache, resume and redirect settings.
    public let options: DownloadOptions
    /// The clock for the wait before a resume.
    public let clock: any SanteClock

    let requester: OpenDataRequester

    /// Creates a downloader.
    /// - Parameters:
    ///   - http: The pipeline (any base URL).
    ///   - options: Cache, resume and redirect settings.
    ///   - clock: The clock for the wait before a resume (default `SystemClock`).
    public init(
        http: SanteHTTPClient, options: DownloadOptions = DownloadOptions(), clock: any SanteClock = SystemClock()
    ) {
        self.http = http
        self.options = options
        self.clock = clock
        self.requester = OpenDataRequester(http: http)
    }

    /// Downloads `target` to `destination`, replacing it once the file is complete and verified.
    /// - Parameters:
    ///   - target: The file and what the catalogue says about it.
    ///   - destination: Where to put the file.
    ///   - progress: Called as bytes reach the disk.
    /// - Returns: The result.
    /// - Throws: ``OpenDataError``: `.checksumMismatch` or `.sizeMismatch` (the file is deleted), the
    ///   server's status, `.transport` after the last attempt (the partial file is kept for a later resume),
    ///   `.fileSystem`, `.cancelled`.
    public func download(
        _ target: DownloadTarget,
        to destination: URL,
        progress: ProgressHandler? = nil
    ) async throws -> DownloadResult {
        let operation = "download"
        return try await DownloadSingleFlight.shared.run(key: destination.standardizedFileURL.path) {
            var transfer = makeTransfer(target, finalURL: destination, conditional: nil, progress: progress)
            switch try await transfer.run() {
            case .complete(let completed):
                return Self.result(completed, fileURL: destination)
            case .notModified:
                throw OpenDataError(
                    reason: .unexpectedStatus, message: "the server answered 304 to a plain request",
                    operation: operation, httpStatus: 304)
            }
        }
    }

    /// Downloads a catalogue resource to `destination`.
    /// - Parameters:
    ///   - resource: The resource.
    ///   - destination: Where to put the file.
    ///   - progress: Called as bytes reach the disk.
    /// - Returns: The result.
    /// - Throws: ``OpenDataError`` (see `download(_:to:progress:)`).
    public func download(
        _ resource: DataGouvResource,
        to destination: URL,
        progress: ProgressHandler? = nil
    ) async throws -> DownloadResult {
        try await download(try DownloadTarget(resource: resource), to: destination, progress: progress)
    }

    /// Returns the cached file of `target` when it is still current, and downloads it into the cache
    /// otherwise.
    /// - Parameters:
    ///   - target: The file and what the catalogue says about it.
    ///   - cache: The cache.
    ///   - progress: Called as bytes reach the disk.
    /// - Returns: The result; ``DownloadResult/isFromCache`` tells whether anything was downloaded.
    /// - Throws: ``OpenDataError``.
    public func download(
        _ target: DownloadTarget,
        cache: ResourceCache,
        progress: ProgressHandler? = nil
    ) async throws -> DownloadResult {
        let operation = "download"
        let fileURL = cache.fileURL(for: target)
        return try await DownloadSingleFlight.shared.run(key: fileURL.standardizedFileURL.path) {
            try await FileOperations.createDirectory(cache.directory, operation: operation)
            let cached = options.cachePolicy == .reload ? nil : await cache.metadata(for: target)
            var conditional: DownloadTransfer.Conditional?
            if let cached {
                switch (options.cachePolicy, cached.change(comparedTo: target)) {
                case (.useCatalogueMetadata, .unchanged):
                    return Self.result(cached, fileURL: fileURL, source: .cacheUnchanged, attempts: 0)
                case (_, .changed):
                    break
                default:
                    if cached.entityTag != nil || cached.lastModifiedHeader != nil {
                        conditional = DownloadTransfer.Conditional(
                            entityTag: cached.entityTag, lastModifiedHeader: cached.lastModifiedHeader)
                    }
                }
            }
            var transfer = makeTransfer(target, finalURL: fileURL, conditional: conditional, progress: progress)
            switch try await transfer.run() {
            case .notModified(let entityTag, let lastModifiedHeader):
                guard var cached else {
                    throw OpenDataError(
                        reason: .unexpectedStatus, message: "the server answered 304 without a cached file",
                        operation: operation, httpStatus: 304)
                }
                cached.entityTag = entityTag
                cached.lastModifiedHeader = lastModifiedHeader
                cached.storedAt = clock.now()
                cached.catalogueChecksum = target.checksum ?? cached.catalogueChecksum
                cached.catalogueFilesize = target.filesize ?? cached.catalogueFilesize
                cached.catalogueLastModified = target.lastModified ?? cached.catalogueLastModified
                try await FileOperations.writeJSON(cached, to: cache.metadataURL(for: target), operation: operation)
                return Self.result(cached, fileURL: fileURL, source: .cacheNotModified, attempts: 1)
            case .complete(let completed):
                let metadata = CachedResourceMetadata(
                    url: target.url, byteCount: completed.byteCount, catalogueChecksum: target.checksum,
                    catalogueFilesize: target.filesize, catalogueLastModified: target.lastModified,
                    computedChecksum: completed.checksum, checksumVerified: completed.checksumVerified,
                    entityTag: completed.entityTag, lastModifiedHeader: completed.lastModifiedHeader,
                    storedAt: clock.now())
                try await FileOperations.writeJSON(metadata, to: cache.metadataURL(for: target), operation: operation)
                return Self.result(completed, fileURL: fileURL)
            }
        }
    }

    /// Returns the cached file of a catalogue resource when it is still current, and downloads it otherwise.
    /// - Parameters:
    ///   - resource: The resource.
    ///   - cache: The cache.
    ///   - progress: Called as bytes reach the disk.
    /// - Returns: The result.
    /// - Throws: ``OpenDataError``.
    public func download(
        _ resource: DataGouvResource,
        cache: ResourceCache,
        progress: ProgressHandler? = nil
    ) async throws -> DownloadResult {
        try await download(try DownloadTarget(resource: resource), cache: cache, progress: progress)
    }

    /// The same download as `download(_:cache:progress:)`, reported as a stream of
    /// progress events ending with ``DownloadEvent/finished(_:)``. Cancelling the iteration cancels the
    /// download.
    /// - Parameters:
    ///   - target: The file.
    ///   - cache: The cache.
    /// - Returns: The events.
    public func events(for target: DownloadTarget, cache: ResourceCache) -> AsyncThrowingStream<
        DownloadEvent, any Error
    > {
        eventStream { progress in try await download(target, cache: cache, progress: progress) }
    }

    /// The same download as `download(_:to:progress:)`, reported as a stream of
    /// progress events ending with ``DownloadEvent/finished(_:)``.
    /// - Parameters:
    ///   - target: The file.
    ///   - destination: Where to put it.
    /// - Returns: The events.
    public func events(for target: DownloadTarget, to destination: URL) -> AsyncThrowingStream<DownloadEvent, any Error>
    {
        eventStream { progress in try await download(target, to: destination, progress: progress) }
    }

    // MARK: - Internals

    private func eventStream(
        _ work: @escaping @Sendable (@escaping ProgressHandler) async throws -> DownloadResult
    ) -> AsyncThrowingStream<DownloadEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let result = try await work { continuation.yield(.progress($0)) }
                    continuation.yield(.finished(result))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func makeTransfer(
        _ target: DownloadTarget,
        finalURL: URL,
        conditional: DownloadTransfer.Conditional?,
        progress: ProgressHandler?
    ) -> DownloadTransfer {
        DownloadTransfer(
            target: target, finalURL: finalURL, requester: requester, options: options, clock: clock,
            conditional: conditional, progress: progress, operation: "download")
    }

    private static func result(_ completed: DownloadTransfer.Completed, fileURL: URL) -> DownloadResult {
        DownloadResult(
            fileURL: fileURL, source: .network(resumed: completed.resumed), byteCount: completed.byteCount,
            checksum: completed.checksum, checksumVerified: completed.checksumVerified,
            entityTag: completed.entityTag, lastModifiedHeader: completed.lastModifiedHeader,
            attempts: completed.attempts)
    }

    private static func result(
        _ cached: CachedResourceMetadata,
        fileURL: URL,
        source: DownloadResult.Source,
        attempts: Int
    ) -> DownloadResult {
        DownloadResult(
            fileURL: fileURL, source: source, byteCount: cached.byteCount, checksum: cached.computedChecksum,
            checksumVerified: cached.checksumVerified, entityTag: cached.entityTag,
            lastModifiedHeader: cached.lastModifiedHeader, attempts: attempts)
    }
}
