import AsyncHTTPClient
import HTTPTypes
import NIOHTTP1
import SanteCore

extension HTTPResponse {
    /// Converts an AsyncHTTPClient response head into a swift-http-types response.
    ///
    /// A header field whose name is not a valid HTTP token is dropped.
    /// - Throws: `SanteHTTPError` with code `.transport` when the status code is out of range.
    init(converting response: HTTPClientResponse, context: RequestErrorContext) throws {
        let code = Int(response.status.code)
        guard (100...999).contains(code) else {
            throw context.error(.transport, "the server answered with an invalid status code \(code)", sent: true)
        }
        var fields = HTTPFields()
        fields.reserveCapacity(response.headers.count)
        for (name, value) in response.headers {
            guard let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        self.init(status: Status(code: code, reasonPhrase: response.status.reasonPhrase), headerFields: fields)
    }

    /// The number of body bytes the response announces with `Content-Length`, when that is the number of bytes
    /// the body will deliver (no content coding, no bodiless status or method).
    func announcedBodyLength(for method: HTTPRequest.Method) -> Int64? {
        if method == .head || status.code == 204 || status.code == 304 || status.kind == .informational {
            return 0
        }
        if let coding = headerFields[.contentEncoding], coding.lowercased() != "identity" {
            return nil
        }
        guard let text = headerFields[.contentLength], let length = Int64(text), length >= 0 else { return nil }
        return length
    }
}
