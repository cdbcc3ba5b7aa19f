import AsyncHTTPClient
import Foundation
import NIOCore
import SanteHTTP

/// An AsyncHTTPClient response body as the chunks of an `HTTPBody`, read as they arrive.
///
/// Errors become `SanteHTTPError`s; a body that ends before its announced `Content-Length` throws a
/// `.transport` error saying it was truncated. The stream keeps the transport's client alive until it is read.
/// Collecting the body copies each buffer once, straight into the collected `Data`.
struct ResponseBodyStream: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>

    let body: HTTPClientResponse.Body
    let expectedBytes: Int64?
    let context: RequestErrorContext
    let clientHolder: HTTPClientHolder

    struct AsyncIterator: HTTPBodyAppendingIterator {
        var base: HTTPClientResponse.Body.AsyncIterator
        let expectedBytes: Int64?
        let context: RequestErrorContext
        let clientHolder: HTTPClientHolder
        var receivedBytes: Int64 = 0

        mutating func next() async throws -> ArraySlice<UInt8>? {
            guard let buffer = try await nextBuffer() else { return nil }
            return ArraySlice(buffer.readableBytesView)
        }

        mutating func appendNext(to data: inout Data) async throws -> Int? {
            guard let buffer = try await nextBuffer() else { return nil }
            buffer.withUnsafeReadableBytes { bytes in data.append(bytes.assumingMemoryBound(to: UInt8.self)) }
            return buffer.readableBytes
        }

        /// The next buffer from the network, or `nil` at the end of a complete body.
        private mutating func nextBuffer() async throws -> ByteBuffer? {
            let buffer: ByteBuffer?
            do {
                buffer = try await base.next()
            } catch {
                if Task.isCancelled { throw context.cancelled(error) }
                throw AsyncHTTPClientErrorMapping.map(
                    error, phase: .responseBody(receivedBytes: receivedBytes, expectedBytes: expectedBytes),
                    context: context)
            }
            guard let buffer else {
                let isComplete = expectedBytes.map { receivedBytes >= $0 } ?? false
                if Task.isCancelled, !isComplete { throw context.cancelled(nil) }
                if let expectedBytes, receivedBytes < expectedBytes {
                    throw AsyncHTTPClientErrorMapping.truncatedBody(
                        receivedBytes: receivedBytes, expectedBytes: expectedBytes, context: context)
                }
                return nil
            }
            receivedBytes += Int64(buffer.readableBytes)
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(
            base: body.makeAsyncIterator(), expectedBytes: expectedBytes, context: context,
            clientHolder: clientHolder)
    }
}
