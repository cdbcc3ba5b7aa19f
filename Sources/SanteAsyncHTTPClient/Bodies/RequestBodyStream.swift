import NIOCore
import SanteHTTP

/// A request `HTTPBody` as the `ByteBuffer` chunks AsyncHTTPClient uploads, one chunk at a time.
///
/// An error raised by the body is wrapped in ``RequestBodyReadFailure``, so that the transport reports it as a
/// body problem rather than as a network failure.
struct RequestBodyStream: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let body: HTTPBody

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: HTTPBody.Iterator

        mutating func next() async throws -> ByteBuffer? {
            do {
                guard let chunk = try await base.next() else { return nil }
                return ByteBuffer(bytes: chunk)
            } catch {
                throw RequestBodyReadFailure(underlying: error)
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: body.makeAsyncIterator())
    }
}
