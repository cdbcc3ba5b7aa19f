public import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP

extension DMPClient {
    /// Retrieves a document's content (ITI-68: `GET <attachment.url>`), streaming, verified against the
    /// entry's size and SHA-1 while it is read.
    ///
    /// The `attachment.url` may be absolute (it must then be on the DMP's origin: the token is never sent
    /// elsewhere) or relative (`Binary/<id>`).
    /// - Parameter entry: The document entry (from a search or a read).
    /// - Returns: The content, to iterate once.
    /// - Throws: ``DMPError``: ``DMPError/Reason/validationFailed`` when the entry has no usable URL,
    ///   ``DMPError/Reason/notFound`` and other statuses; reading the content throws
    ///   ``DMPError/Reason/contentMismatch``.
    public func retrieve(_ entry: DMPDocumentEntry) async throws(DMPError) -> DMPDocumentContent {
        let operation = "dmp.retrieve"
        let path = try Self.contentPath(of: entry, operation: operation)
        var headers = HTTPFields()
        headers[.accept] = entry.contentType ?? "*/*"
        let request = try requester.request(.get, path, headers: headers, operation: operation)
        let (response, body) = try await requester.stream(request, options: RequestOptions(operation: operation))
        return DMPDocumentContent(
            body: body, contentType: response.headerFields[.contentType] ?? entry.contentType,
            expectedSize: entry.size, expectedHash: entry.hash, operation: operation)
    }

    /// Retrieves a document's content into a file, verified; on any failure (including a size or hash
    /// mismatch) the partial file is removed and `destination` is left untouched.
    /// - Parameters:
    ///   - entry: The document entry.
    ///   - destination: The file to write (replaced when it exists).
    /// - Returns: The file, its size and hash.
    /// - Throws: ``DMPError`` (``DMPError/Reason/contentMismatch``, ``DMPError/Reason/fileSystem``…).
    public func download(_ entry: DMPDocumentEntry, to destination: URL) async throws(DMPError) -> DMPDownloadResult {
        let operation = "dmp.download"
        let content = try await retrieve(entry)
        let partial = destination.deletingLastPathComponent()
            .appending(path: ".\(destination.lastPathComponent).\(UUID().uuidString).partial")
        do {
            guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
                throw DMPError(
                    reason: .fileSystem, message: "the partial file cannot be created", operation: operation)
            }
            let handle = try FileHandle(forWritingTo: partial)
            var digest = SHA1Digest()
            do {
                for try await chunk in content {
                    digest.update(chunk)
                    try handle.write(contentsOf: chunk)
                }
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            if FileManager.default.fileExists(atPath: destination.path) {
                _ = try FileManager.default.replaceItemAt(destination, withItemAt: partial)
            } else {
                try FileManager.default.moveItem(at: partial, to: destination)
            }
            return DMPDownloadResult(
                fileURL: destination, size: digest.byteCount, hash: digest.base64(), contentType: content.contentType)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw DMPError.wrap(error, operation: operation)
        }
    }

    /// The request path of an entry's content: an absolute http(s) URL as is, or `Binary/<id>`.
    static func contentPath(of entry: DMPDocumentEntry, operation: String) throws(DMPError) -> String {
        guard let url = entry.contentURL, !url.isEmpty else {
            throw DMPError(
                reason: .validationFailed, message: "the document entry has no content URL", operation: operation,
                validationIssues: [
                    ValidationIssue(field: "DocumentReference.content[0].attachment.url", reason: "is required")
                ])
        }
        if url.hasPrefix("https://") || url.hasPrefix("http://") { return url }
        if url.hasPrefix("Binary/") { return url }
        throw DMPError(
            reason: .validationFailed,
            message: "the content URL is neither absolute nor Binary/<id>; it cannot be retrieved",
            operation: operation,
            validationIssues: [
                ValidationIssue(
                    field: "DocumentReference.content[0].attachment.url", reason: "unsupported form for retrieval")
            ])
    }
}
