import Foundation

/// What is known about the partial file an interrupted download left, stored next to it so that a later
/// download can resume it with `Range` (and `If-Range`, so that a changed file is not completed with the
/// wrong bytes).
struct PartialDownload: Codable, Hashable, Sendable {
    /// The URL being downloaded.
    var url: URL
    /// The catalogue's checksum of the file being downloaded.
    var expectedChecksum: DataGouvChecksum?
    /// The first response's `ETag`.
    var entityTag: String?
    /// The first response's `Last-Modified`.
    var lastModifiedHeader: String?

    /// The partial file and its metadata for a final file.
    static func files(for destination: URL) -> (data: URL, metadata: URL) {
        let data = URL(fileURLWithPath: destination.path + ".partial")
        return (data, URL(fileURLWithPath: destination.path + ".partial.json"))
    }

    /// The validator to send as `If-Range`: the strong `ETag`, or the `Last-Modified` date.
    var ifRangeValidator: String? {
        if let entityTag, !entityTag.hasPrefix("W/") { return entityTag }
        return lastModifiedHeader
    }

    /// Whether this partial file belongs to the download of `target`.
    func matches(_ target: DownloadTarget) -> Bool {
        guard url == target.url else { return false }
        if let expected = target.checksum, let recorded = expectedChecksum {
            return expected.value.lowercased() == recorded.value.lowercased()
        }
        return true
    }
}

/// A `Content-Range: bytes first-last/total` header.
struct ContentRange: Hashable {
    var first: Int64?
    var last: Int64?
    var total: Int64?

    init?(_ header: String) {
        let trimmed = header.trimmingSpaces
        guard trimmed.lowercased().hasPrefix("bytes ") else { return nil }
        let spec = trimmed.dropFirst(6).trimmingCharacters(in: .whitespaces)
        let parts = spec.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        total = parts[1] == "*" ? nil : Int64(parts[1])
        if parts[0] != "*" {
            let bounds = parts[0].split(separator: "-", maxSplits: 1)
            guard bounds.count == 2, let first = Int64(bounds[0]), let last = Int64(bounds[1]), first <= last else {
                return nil
            }
            self.first = first
            self.last = last
        }
    }
}
