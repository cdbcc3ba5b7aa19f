public import Foundation
import SanteCore
import SanteHTTP

/// The content of a DMP document as it streams from the server (ITI-68), checked while it is read.
///
/// Each chunk feeds a SHA-1; when the body ends, its size and hash are compared with the document
/// entry's `attachment.size` and `attachment.hash`, and a difference throws ``DMPError`` with reason
/// ``DMPError/Reason/contentMismatch``. The sequence can be iterated once.
///
/// ```swift
/// let content = try await client.retrieve(entry)
/// for try await chunk in content { sink.write(chunk) }   // throws on a mismatch at the end
/// ```
public struct DMPDocumentContent: AsyncSequence, Sendable {
    /// A chunk of the content's bytes.
    public typealias Element = ArraySlice<UInt8>
    /// Reading throws ``DMPError``.
    public typealias Failure = any Error

    /// The MIME type the server announced.
    public let contentType: String?
    /// The size the metadata announced, checked at the end when known.
    public let expectedSize: Int?
    /// The base64 SHA-1 the metadata announced, checked at the end when known.
    public let expectedHash: String?
    let body: HTTPBody
    let operation: String

    init(body: HTTPBody, contentType: String?, expectedSize: Int?, expectedHash: String?, operation: String) {
        self.body = body
        self.contentType = contentType
        self.expectedSize = expectedSize
        self.expectedHash = expectedHash
        self.operation = operation
    }

    /// Starts reading.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(
            base: body.makeAsyncIterator(), expectedSize: expectedSize, expectedHash: expectedHash,
            operation: operation)
    }

    /// Reads the chunks, hashing them, and checks size and hash at the end.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: HTTPBody.Iterator
        let expectedSize: Int?
        let expectedHash: String?
        let operation: String
        var digest = SHA1Digest()
        var finished = false

        init(base: HTTPBody.Iterator, expectedSize: Int?, expectedHash: String?, operation: String) {
            self.base = base
            self.expectedSize = expectedSize
            self.expectedHash = expectedHash
            self.operation = operation
        }

        /// The next chunk, or `nil` at the verified end.
        /// - Throws: ``DMPError``: ``DMPError/Reason/contentMismatch`` when the size or the hash differ
        ///   (or the body grows past the announced size), ``DMPError/Reason/transport`` when the
        ///   connection fails.
        public mutating func next() async throws -> ArraySlice<UInt8>? {
            guard !finished else { return nil }
            let chunk: ArraySlice<UInt8>?
            do {
                chunk = try await base.next()
            } catch {
                finished = true
                throw DMPError.wrap(error, operation: operation)
            }
            guard let chunk else {
                finished = true
                try verify()
                return nil
            }
            digest.update(chunk)
            if let expectedSize, digest.byteCount > expectedSize {
                finished = true
                throw mismatch("the content is larger than the announced \(expectedSize) bytes")
            }
            return chunk
        }

        private func verify() throws(DMPError) {
            if let expectedSize, digest.byteCount != expectedSize {
                throw mismatch("the content has \(digest.byteCount) bytes, the metadata announced \(expectedSize)")
            }
            if let expectedHash, digest.base64() != expectedHash {
                throw mismatch("the content's SHA-1 differs from the metadata's hash")
            }
        }

        private func mismatch(_ message: String) -> DMPError {
            DMPError(reason: .contentMismatch, message: message, operation: operation)
        }
    }

    /// Reads the whole content into memory, verified.
    /// - Parameter maximumBytes: The most bytes accepted.
    /// - Returns: The bytes.
    /// - Throws: ``DMPError`` (``DMPError/Reason/contentMismatch``, or ``DMPError/Reason/transport`` when
    ///   the content is larger than `maximumBytes`).
    public func collect(upTo maximumBytes: Int = 256 * 1024 * 1024) async throws(DMPError) -> Data {
        var data = Data()
        do {
            for try await chunk in self {
                guard data.count + chunk.count <= maximumBytes else {
                    throw DMPError(
                        reason: .transport, message: "the content is larger than \(maximumBytes) bytes",
                        operation: operation, isRetryable: false)
                }
                data.append(contentsOf: chunk)
            }
        } catch {
            throw DMPError.wrap(error, operation: operation)
        }
        return data
    }
}
