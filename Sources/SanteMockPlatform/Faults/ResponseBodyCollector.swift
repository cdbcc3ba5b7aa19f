import Hummingbird
import NIOCore
import Synchronization

/// Reads a whole `ResponseBody` into memory, so that an after-handler fault can mangle it.
enum ResponseBodyCollector {
    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let sink = Sink()
        try await body.write(CollectingWriter(sink: sink))
        return sink.buffer
    }

    private final class Sink: Sendable {
        private let storage = Mutex(ByteBuffer())

        var buffer: ByteBuffer { storage.withLock { $0 } }

        func append(_ buffer: ByteBuffer) {
            storage.withLock { stored in
                var copy = buffer
                stored.writeBuffer(&copy)
            }
        }
    }

    private struct CollectingWriter: ResponseBodyWriter {
        let sink: Sink

        mutating func write(_ buffer: ByteBuffer) async throws {
            sink.append(buffer)
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
