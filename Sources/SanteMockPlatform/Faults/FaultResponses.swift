import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SanteCore

/// The responses produced by each kind of fault.
///
/// Before the handler (`original == nil`) a fault answers with a body of its own; after the handler it
/// replaces or mangles the handler's response.
enum FaultResponses {
    /// The answer for a non-latency fault, or throws ``ConnectionResetRequested`` for a reset.
    static func make(
        _ kind: MockFault.Kind, replacing original: Response?, context: MockRequestContext, clock: any SanteClock
    ) async throws -> Response {
        switch kind {
        case .latency, .randomLatency:
            // Latency is applied by the middleware itself; nothing to change.
            return original ?? MockJSON.error(.internalServerError, message: "Latency fault without a response.")
        case .status(let code, let retryAfter, let body):
            return status(code, retryAfter: retryAfter, body: body)
        case .connectionReset:
            throw ConnectionResetRequested()
        case .truncatedBody:
            let (head, bytes) = try await headAndBody(of: original, kind: kind)
            return truncated(head: head, bytes: bytes, channel: context.channel)
        case .malformedJSON:
            let (head, bytes) = try await headAndBody(of: original, kind: kind)
            return malformed(head: head, bytes: bytes)
        case .connectionResetAfterBodyBytes(let count):
            let (head, bytes) = try await headAndBody(of: original, kind: kind)
            return resetMidBody(head: head, bytes: bytes, after: count, channel: context.channel)
        case .slowDrip(let chunkSize, let interval):
            let (head, bytes) = try await headAndBody(of: original, kind: kind)
            return slowDrip(head: head, bytes: bytes, chunkSize: max(chunkSize, 1), interval: interval, clock: clock)
        }
    }

    /// An injected status, with `Retry-After` and the given body or a JSON error object.
    static func status(_ code: Int, retryAfter: String?, body: String?) -> Response {
        let status = HTTPResponse.Status.standard((200...599).contains(code) ? code : 500)
        var extraHeaders = HTTPFields()
        if let retryAfter {
            extraHeaders[.retryAfter] = retryAfter
        }
        guard let body else {
            return MockJSON.error(status, message: "Injected fault: status \(status.code).", headers: extraHeaders)
        }
        let bytes = Data(body.utf8)
        var headers = extraHeaders
        let isJSON = (try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])) != nil
        headers[.contentType] = isJSON ? MockJSON.contentType : "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Announces the full `Content-Length`, writes the first half of the body, then closes the connection.
    static func truncated(head: HTTPResponse, bytes: ByteBuffer, channel: any Channel) -> Response {
        let fullLength = bytes.readableBytes
        let partial = bytes.getSlice(at: bytes.readerIndex, length: fullLength / 2) ?? ByteBuffer()
        let body = ResponseBody(contentLength: fullLength) { writer in
            try await writer.write(partial)
            await ConnectionAbort.close(channel)
            throw ConnectionClosedOnPurpose()
        }
        return Response(status: head.status, headers: head.headerFields, body: body)
    }

    /// Announces the full `Content-Length`, writes the first `count` bytes of the body, then resets the connection.
    static func resetMidBody(head: HTTPResponse, bytes: ByteBuffer, after count: Int, channel: any Channel) -> Response
    {
        let fullLength = bytes.readableBytes
        let sent = bytes.getSlice(at: bytes.readerIndex, length: min(max(count, 0), fullLength)) ?? ByteBuffer()
        let body = ResponseBody(contentLength: fullLength) { writer in
            if sent.readableBytes > 0 {
                try await writer.write(sent)
            }
            await ConnectionAbort.reset(channel)
            throw ConnectionClosedOnPurpose()
        }
        return Response(status: head.status, headers: head.headerFields, body: body)
    }

    /// The body cut in half and followed by `,,}`, which no JSON text can contain outside a string (and inside a
    /// string, the string is left unterminated), labelled `application/json`.
    static func malformed(head: HTTPResponse, bytes: ByteBuffer) -> Response {
        var mangled = bytes.getSlice(at: bytes.readerIndex, length: bytes.readableBytes / 2) ?? ByteBuffer()
        mangled.writeString(",,}")
        var headers = head.headerFields
        headers[.contentType] = MockJSON.contentType
        return Response(status: head.status, headers: headers, body: ResponseBody(byteBuffer: mangled))
    }

    /// The body in chunks of `chunkSize` bytes with a pause of `interval` between two chunks.
    static func slowDrip(
        head: HTTPResponse, bytes: ByteBuffer, chunkSize: Int, interval: Duration, clock: any SanteClock
    ) -> Response {
        let body = ResponseBody(contentLength: bytes.readableBytes) { writer in
            var remaining = bytes
            var first = true
            while let chunk = remaining.readSlice(length: min(chunkSize, remaining.readableBytes)),
                chunk.readableBytes > 0
            {
                if !first {
                    try await clock.sleep(for: interval)
                }
                first = false
                try await writer.write(chunk)
            }
            try await writer.finish(nil)
        }
        return Response(status: head.status, headers: head.headerFields, body: body)
    }

    /// The head (without length headers) and body bytes of the handler's response, or of a JSON body of the
    /// fault's own when the handler did not run or answered with an empty body.
    private static func headAndBody(of original: Response?, kind: MockFault.Kind) async throws -> (
        HTTPResponse, ByteBuffer
    ) {
        if let original {
            let bytes = try await ResponseBodyCollector.collect(original.body)
            if bytes.readableBytes > 0 {
                var headers = original.headers
                headers[.contentLength] = nil
                headers[.transferEncoding] = nil
                return (HTTPResponse(status: original.status, headerFields: headers), bytes)
            }
        }
        let value: JSONValue = [
            "fault": .string(kind.name),
            "message": "This body was produced by the mock's fault injection, not by a route handler.",
        ]
        let data = try MockJSON.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = MockJSON.contentType
        return (HTTPResponse(status: original?.status ?? .ok, headerFields: headers), ByteBuffer(bytes: data))
    }
}
