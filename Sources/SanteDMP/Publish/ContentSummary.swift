import Foundation
import SanteCore

/// The size and SHA-1 of a publication's content, computed before anything is sent (a file is read in
/// chunks).
struct ContentSummary: Sendable, Hashable {
    let size: Int
    let hash: String

    static func of(_ content: DMPPublication.Content, operation: String) async throws(DMPError) -> ContentSummary {
        switch content {
        case .data(let data):
            return ContentSummary(size: data.count, hash: SHA1Digest.base64(of: data))
        case .file(let url):
            var digest = SHA1Digest()
            do {
                for try await chunk in FileByteChunks(url: url) {
                    digest.update(chunk)
                }
            } catch {
                throw DMPError(
                    reason: .fileSystem, message: "the content file cannot be read", operation: operation,
                    underlyingError: error)
            }
            return ContentSummary(size: digest.byteCount, hash: digest.base64())
        }
    }
}
