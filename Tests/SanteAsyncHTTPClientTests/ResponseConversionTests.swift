import AsyncHTTPClient
import HTTPTypes
import NIOHTTP1
import SanteCore
import SanteHTTP
import Testing

@testable import SanteAsyncHTTPClient

@Suite("AsyncHTTPClient response heads convert to HTTPResponse, with the body length they announce")
struct ResponseConversionTests {
    private let context = RequestErrorContext(
        request: HTTPRequest(method: .get, scheme: "https", authority: "api.example.fr", path: "/fhir/Patient"),
        context: RequestContext())

    private func convert(
        status: Int = 200, _ headers: [(String, String)], method: HTTPRequest.Method = .get
    ) throws -> (response: HTTPResponse, announcedBodyLength: Int64?) {
        let response = HTTPClientResponse(
            version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: HTTPHeaders(headers))
        return try HTTPResponse.converting(response, for: method, context: context)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        var status = 200
        var method = HTTPRequest.Method.get
        let headers: [(String, String)]
        let length: Int64?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a length", headers: [("Content-Length", "350")], length: 350),
        Case(name: "a length, lowercase name", headers: [("content-length", "0")], length: 0),
        Case(name: "no length", headers: [("Content-Type", "application/json")], length: nil),
        Case(name: "identity coding", headers: [("Content-Encoding", "Identity"), ("Content-Length", "9")], length: 9),
        Case(name: "gzip coding", headers: [("Content-Encoding", "gzip"), ("Content-Length", "9")], length: nil),
        Case(
            name: "two codings",
            headers: [
                ("Content-Encoding", "identity"), ("Content-Encoding", "identity"),
                ("Content-Length", "9"),
            ], length: nil),
        Case(name: "two lengths", headers: [("Content-Length", "9"), ("Content-Length", "9")], length: nil),
        Case(name: "a negative length", headers: [("Content-Length", "-1")], length: nil),
        Case(name: "a length that is not a number", headers: [("Content-Length", "nine")], length: nil),
        Case(name: "HEAD", method: .head, headers: [("Content-Length", "350")], length: 0),
        Case(name: "204", status: 204, headers: [("Content-Length", "350")], length: 0),
        Case(name: "304", status: 304, headers: [], length: 0),
        Case(name: "a 500 with a body", status: 500, headers: [("Content-Length", "12")], length: 12),
    ]

    @Test("The announced length", arguments: cases)
    func announcedLength(_ example: Case) throws {
        let (_, length) = try convert(status: example.status, example.headers, method: example.method)
        #expect(length == example.length)
    }

    @Test("Every field is kept in order, repeated ones too; a name that is not a token is dropped")
    func fields() throws {
        let (response, _) = try convert(
            status: 201,
            [("Content-Length", "2"), ("Set-Cookie", "a=1"), ("Bad Name", "x"), ("set-cookie", "b=2")])
        #expect(response.status.code == 201)
        #expect(response.headerFields.map(\.name.canonicalName) == ["content-length", "set-cookie", "set-cookie"])
        #expect(response.headerFields[values: .setCookie] == ["a=1", "b=2"])
    }

    @Test("A status code out of range is a .transport error")
    func invalidStatus() {
        let error = #expect(throws: SanteHTTPError.self) { try convert(status: 1000, []) }
        #expect(error?.code == .transport)
    }
}
