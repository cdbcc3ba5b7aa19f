import AsyncHTTPClient
import NIOCore
import SanteHTTP

/// An AsyncHTTPClient response body as the chunks of an `HTTPBody`, read as they arrive.
///
/// Errors become `SanteHTTPError`s; a body that ends before its announced `Content-Length` throws a
/// `.transport` error saying it was truncated. The stream keeps the transport's client alive until it is read.
struct ResponseBodyStream: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>

    let body: HTTPClientResponse.Body
    let expectedBytes: Int64?
    let context: RequestErrorContext
    let clientHolder: HTTPClientHolder

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: HTTPClientResponse.Body.AsyncIterator
        let expectedBytes: Int64?
        let context: RequestErrorContext
        let clientHolder: HTTPClientHolder
        var receivedBytes: Int64 = 0

        mutating func next() async throws -> ArraySlice<UInt8>? {
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
            return ArraySlice(buffer.readableBytesView)
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(
            base: body.makeAsyncIterator(), expectedBytes: expectedBytes, context: context,
            clientHolder: clientHolder)
    }
}
