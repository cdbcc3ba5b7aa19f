package import Foundation

/// An iterator of body chunks that can also append its next chunk straight to a `Data`, without making an
/// `ArraySlice` of it first.
///
/// A transport whose chunks arrive in its own buffers (such as SwiftNIO's `ByteBuffer`) gives its response body
/// such an iterator through `HTTPBody.init(appending:length:iterationBehavior:)`, so that collecting the body copies
/// each chunk once.
package protocol HTTPBodyAppendingIterator: AsyncIteratorProtocol where Element == ArraySlice<UInt8> {
    /// Appends the next chunk to `data`.
    /// - Parameter data: The bytes collected so far.
    /// - Returns: The number of bytes appended, or `nil` at the end of the chunks.
    /// - Throws: What ``next()`` would throw.
    mutating func appendNext(to data: inout Data) async throws -> Int?
}
