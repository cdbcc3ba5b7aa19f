public import Foundation

/// An on-disk cache of downloaded files, in a directory the caller chooses.
///
/// Each file is stored as `<key>` with its metadata in `<key>.metadata.json` (see
/// ``CachedResourceMetadata``); an interrupted download leaves `<key>.partial`, which the next download
/// resumes. The key is the resource id (or a hash of the URL), see ``DownloadTarget/cacheKey``.
public struct ResourceCache: Hashable, Sendable {
    /// The directory holding the files.
    public let directory: URL

    /// Creates a cache in `directory` (created when the first file is stored).
    /// - Parameter directory: A directory the process can write.
    public init(directory: URL) {
        self.directory = directory
    }

    /// Where the file of `target` is (or will be) stored.
    /// - Parameter target: The file.
    /// - Returns: Its path in the cache.
    public func fileURL(for target: DownloadTarget) -> URL {
        directory.appendingPathComponent(target.cacheKey)
    }

    /// Where the metadata of `target` is stored.
    /// - Parameter target: The file.
    /// - Returns: The path of its metadata JSON.
    public func metadataURL(for target: DownloadTarget) -> URL {
        directory.appendingPathComponent(target.cacheKey + ".metadata.json")
    }

    /// The metadata of the cached file of `target`, when the file and its metadata are both present and
    /// the file has the recorded size.
    /// - Parameter target: The file.
    /// - Returns: The metadata, or `nil`.
    public func metadata(for target: DownloadTarget) async -> CachedResourceMetadata? {
        guard let metadata = await FileOperations.readJSON(CachedResourceMetadata.self, from: metadataURL(for: target)),
            await FileOperations.size(of: fileURL(for: target)) == metadata.byteCount
        else { return nil }
        return metadata
    }

    /// Whether the catalogue's current description of `target` matches the cached file.
    /// - Parameter target: The catalogue's current description.
    /// - Returns: The comparison, or `nil` when nothing is cached.
    public func change(of target: DownloadTarget) async -> ResourceChange? {
        await metadata(for: target)?.change(comparedTo: target)
    }

    /// Removes the cached file of `target`, its metadata and any partial download.
    /// - Parameter target: The file.
    public func remove(_ target: DownloadTarget) async {
        await FileOperations.remove(fileURL(for: target))
        await FileOperations.remove(metadataURL(for: target))
        let partial = PartialDownload.files(for: fileURL(for: target))
        await FileOperations.remove(partial.data)
        await FileOperations.remove(partial.metadata)
    }
}
