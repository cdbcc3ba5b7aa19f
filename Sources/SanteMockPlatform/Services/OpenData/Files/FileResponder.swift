import HTTPTypes
import Hummingbird
import NIOCore

/// Answers `GET` and `HEAD` for a ``ServedFile`` the way a static file server does: validators (`ETag`,
/// `Last-Modified`), conditional requests (`304` on `If-None-Match` or `If-Modified-Since`), and single byte
/// ranges (`206` with `Content-Range`, `416` when unsatisfiable, `If-Range` honoured).
enum FileResponder {
    /// The response for `request`.
    static func respond(to request: Request, file: ServedFile) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        headers[.eTag] = file.entityTag
        headers[.lastModified] = HTTPDate.format(secondsSince1970: file.lastModified)
        headers[.acceptRanges] = "bytes"
        headers[.cacheControl] = "no-cache"

        if isNotModified(request.headers, file: file) {
            headers[.contentLength] = String(file.size)
            return Response(status: .notModified, headers: headers, body: ResponseBody())
        }

        var range = ByteRangeRequest(header: request.headers[.range], size: file.size)
        if range != .whole, let ifRange = request.headers[.ifRange], !ifRangeMatches(ifRange, file: file) {
            range = .whole
        }
        let isHead = request.method == .head
        switch range {
        case .unsatisfiable:
            var response = MockJSON.error(
                .rangeNotSatisfiable,
                message: "The range \(request.headers[.range] ?? "") selects no byte of the "
                    + "\(file.size)-byte file.")
            response.headers[.contentRange] = "bytes */\(file.size)"
            response.headers[.eTag] = file.entityTag
            return response
        case .partial(let bytes):
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound - 1)/\(file.size)"
            headers[.contentLength] = String(bytes.count)
            return Response(
                status: .partialContent, headers: headers, body: isHead ? ResponseBody() : body(file, bytes))
        case .whole:
            headers[.contentLength] = String(file.size)
            return Response(status: .ok, headers: headers, body: isHead ? ResponseBody() : body(file, 0..<file.size))
        }
    }

    /// A streamed body of the bytes in `range`.
    private static func body(_ file: ServedFile, _ range: Range<Int>) -> ResponseBody {
        let fileBody = file.body
        return ResponseBody(contentLength: range.count) { writer in
            try await fileBody.write(range, to: &writer)
            try await writer.finish(nil)
        }
    }

    /// RFC 9110 §13.2.2: `If-None-Match` (weak comparison) wins over `If-Modified-Since`.
    private static func isNotModified(_ headers: HTTPFields, file: ServedFile) -> Bool {
        let noneMatch = headers[values: .ifNoneMatch]
        if !noneMatch.isEmpty {
            let tags = noneMatch.flatMap { $0.split(separator: ",") }.map { $0.trimmingSpaces() }
            return tags.contains { $0 == "*" || opaque($0) == opaque(file.entityTag) }
        }
        if let since = headers[.ifModifiedSince], let seconds = HTTPDate.parse(since.trimmingSpaces()) {
            return file.lastModified <= seconds
        }
        return false
    }

    /// RFC 9110 §13.1.5: a strong entity tag must match exactly; a date must equal `Last-Modified`.
    private static func ifRangeMatches(_ value: String, file: ServedFile) -> Bool {
        let trimmed = value.trimmingSpaces()
        if trimmed.hasPrefix("\"") || trimmed.hasPrefix("W/") {
            return trimmed == file.entityTag
        }
        return HTTPDate.parse(trimmed) == file.lastModified
    }

    /// The tag without its weakness indicator.
    private static func opaque(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }
}
