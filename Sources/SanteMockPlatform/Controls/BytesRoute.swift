import HTTPTypes
import Hummingbird
import NIOCore
import SanteCore

/// `GET /_mock/bytes?count=N`: N deterministic bytes (byte i is `i % 251`), streamed in chunks, with
/// `Content-Length`, for transport tests of large and streamed bodies.
enum BytesRoute {
    /// The largest count accepted: 16 GiB.
    static let maximumCount = 16 * 1024 * 1024 * 1024

    static func register(on group: RouterGroup<MockRequestContext>) {
        group.get("bytes") { request, _ in
            guard let text = request.uri.queryParameters.get("count"), let count = Int(text),
                (0...maximumCount).contains(count)
            else {
                return MockJSON.validationError([
                    ValidationIssue(
                        field: "count", reason: "must be an integer between 0 and \(maximumCount)")
                ])
            }
            return response(count: count)
        }
    }

    /// The response carrying `count` pattern bytes.
    static func response(count: Int) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/octet-stream"
        let body = ResponseBody(contentLength: count) { writer in
            var remaining = count
            while remaining > 0 {
                // Every chunk but the last is a whole number of periods, so each one starts at a multiple of 251.
                let length = min(remaining, pattern.readableBytes)
                if let chunk = pattern.getSlice(at: pattern.readerIndex, length: length) {
                    try await writer.write(chunk)
                }
                remaining -= length
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// 256 periods of the pattern `0, 1, ..., 250` (64,256 bytes).
    private static let pattern: ByteBuffer = {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(251 * 256)
        for index in 0..<(251 * 256) {
            buffer.writeInteger(UInt8(index % 251))
        }
        return buffer
    }()
}
