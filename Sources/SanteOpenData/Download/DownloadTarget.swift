import Crypto
public import Foundation

/// A file to download and what the catalogue says about it: checksum, size and last change.
///
/// Build one from a catalogue resource (``init(resource:)``) to get checksum verification and change
/// detection, or from a bare URL.
public struct DownloadTarget: Hashable, Sendable {
    /// Where the file is.
    public var url: URL
    /// The expected checksum, when known (verified while the file streams to disk).
    public var checksum: DataGouvChecksum?
    /// The expected size in bytes, when known.
    public var filesize: Int64?
    /// When the catalogue says the file last changed.
    public var lastModified: OpenDataTimestamp?
    /// The name of the file in a cache (the resource id, or a hash of the URL).
    public var cacheKey: String

    /// Creates a target.
    /// - Parameters:
    ///   - url: Where the file is.
    ///   - checksum: The expected checksum.
    ///   - filesize: The expected size in bytes.
    ///   - lastModified: When the file last changed.
    ///   - cacheKey: The name in a cache; by default a hash of the URL.
    public init(
        url: URL,
        checksum: DataGouvChecksum? = nil,
        filesize: Int64? = nil,
        lastModified: OpenDataTimestamp? = nil,
        cacheKey: String? = nil
    ) {
        self.url = url
        self.checksum = checksum
        self.filesize = filesize
        self.lastModified = lastModified
        self.cacheKey = Self.safeKey(cacheKey ?? Self.hashKey(url.absoluteString))
    }

    /// The target of a catalogue resource: its ``DataGouvResource/downloadURL``, checksum, size and last
    /// change, cached under its id.
    /// - Parameter resource: The resource.
    /// - Throws: ``OpenDataError`` with reason `.invalidInput` when the resource has no URL.
    public init(resource: DataGouvResource) throws {
        guard let url = resource.downloadURL else {
            throw OpenDataError(
                reason: .invalidInput, message: "the resource \(resource.id) has no URL", operation: "download")
        }
        self.init(
            url: url, checksum: resource.checksum, filesize: resource.filesize, lastModified: resource.lastModified,
            cacheKey: resource.id)
    }

    /// A key made only of letters, digits, `-`, `_` and `.` (never `..`), safe as a file name.
    static func safeKey(_ key: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        let cleaned = String(key.map { allowed.contains($0) ? $0 : "_" }.prefix(120))
        guard !cleaned.isEmpty, cleaned != ".", cleaned != ".." else { return hashKey(key) }
        return cleaned
    }

    private static func hashKey(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(16).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}
