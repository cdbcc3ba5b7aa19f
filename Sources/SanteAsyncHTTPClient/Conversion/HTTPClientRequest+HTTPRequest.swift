import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOHTTP1
import SanteCore
import SanteHTTP

extension HTTPClientRequest {
    /// Converts a swift-http-types request and its body into an AsyncHTTPClient request.
    ///
    /// The URL is built from the request's scheme, authority and path (with its query). The body streams:
    /// a body of known length is sent with `Content-Length`, one of unknown length with chunked transfer
    /// encoding (unless the request itself announces a `Content-Length`). The request's own `Content-Length`
    /// and `Transfer-Encoding` fields are replaced by what the body says.
    ///
    /// - Throws: `SanteHTTPError` with code `.validation` when the request has no absolute http(s) URL.
    init(converting request: HTTPRequest, body: HTTPBody?, context: RequestErrorContext) throws {
        guard let scheme = request.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let authority = request.authority, !authority.isEmpty
        else {
            throw context.error(
                .validation, "the request has no absolute http or https URL (scheme, authority and path are required)",
                sent: false, retryable: false)
        }
        let path = request.path.flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        var url = ""
        url.reserveCapacity(scheme.utf8.count + 3 + authority.utf8.count + path.utf8.count)
        url += scheme
        url += "://"
        url += authority
        url += path
        self.init(url: url)
        self.method = HTTPMethod(rawValue: request.method.rawValue)

        var announcedLength: Int64?
        var headers = HTTPHeaders()
        headers.reserveCapacity(request.headerFields.count)
        for field in request.headerFields {
            switch field.name {
            case .contentLength:
                announcedLength = Int64(field.value)
            case .transferEncoding:
                continue
            default:
                headers.add(name: field.name.rawName, value: field.value)
            }
        }
        self.headers = headers

        if let body {
            let length: HTTPClientRequest.Body.Length
            switch body.length {
            case .known(let count):
                length = .known(count)
            case .unknown:
                length = announcedLength.map { .known($0) } ?? .unknown
            }
            if let data = body.bufferedData {
                // Bytes already in memory go as they are, without a copy into a buffer per chunk.
                self.body = .bytes(data, length: length)
            } else {
                self.body = .stream(RequestBodyStream(body: body), length: length)
            }
        }
    }
}
