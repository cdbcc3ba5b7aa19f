import AsyncHTTPClient
import HTTPTypes
import NIOHTTP1
import SanteCore

extension HTTPResponse {
    /// Converts an AsyncHTTPClient response head, and reads in the same pass the number of body bytes it announces
    /// with `Content-Length`, when that is the number of bytes the body will deliver: no content coding, no bodiless
    /// status or method (`0` then), a single valid value.
    ///
    /// A header field whose name is not a valid HTTP token is dropped.
    /// - Throws: `SanteHTTPError` with code `.transport` when the status code is out of range.
    static func converting(
        _ response: HTTPClientResponse,
        for method: HTTPRequest.Method,
        context: RequestErrorContext
    ) throws -> (response: HTTPResponse, announcedBodyLength: Int64?) {
        let code = Int(response.status.code)
        guard (100...999).contains(code) else {
            throw context.error(.transport, "the server answered with an invalid status code \(code)", sent: true)
        }
        var fields = HTTPFields()
        fields.reserveCapacity(response.headers.count)
        var contentLength: String?
        var contentLengthCount = 0
        var contentEncodingCount = 0
        var encodingIsIdentity = true
        for (name, value) in response.headers {
            guard let fieldName = HTTPField.Name(name) else { continue }
            if fieldName == .contentLength {
                contentLength = value
                contentLengthCount += 1
            } else if fieldName == .contentEncoding {
                contentEncodingCount += 1
                encodingIsIdentity = encodingIsIdentity && value.lowercased() == "identity"
            }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        let status = Status(code: code, reasonPhrase: response.status.reasonPhrase)
        let announcedLength: Int64?
        if method == .head || code == 204 || code == 304 || status.kind == .informational {
            announcedLength = 0
        } else if contentEncodingCount > 1 || !encodingIsIdentity || contentLengthCount != 1 {
            // Several `Content-Encoding` or `Content-Length` fields make a list, which is neither `identity` nor a
            // number.
            announcedLength = nil
        } else {
            announcedLength = contentLength.flatMap { Int64($0) }.flatMap { $0 >= 0 ? $0 : nil }
        }
        return (HTTPResponse(status: status, headerFields: fields), announcedLength)
    }
}
