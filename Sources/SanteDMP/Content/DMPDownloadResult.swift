public import Foundation

/// A document content saved to a file by ``DMPClient/download(_:to:)``, verified.
public struct DMPDownloadResult: Sendable, Hashable {
    /// The file.
    public let fileURL: URL
    /// The number of bytes written.
    public let size: Int
    /// The content's SHA-1, base64-encoded.
    public let hash: String
    /// The MIME type the server announced.
    public let contentType: String?

    /// Creates a result.
    /// - Parameters:
    ///   - fileURL: The file.
    ///   - size: The number of bytes.
    ///   - hash: The base64 SHA-1.
    ///   - contentType: The MIME type.
    public init(fileURL: URL, size: Int, hash: String, contentType: String?) {
        self.fileURL = fileURL
        self.size = size
        self.hash = hash
        self.contentType = contentType
    }
}
