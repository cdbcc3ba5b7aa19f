import Foundation
import HTTPTypes
import SanteCore
import Testing

@testable import SanteHTTP

@Suite("SanteHTTPClient")
struct SanteHTTPClientTests {
    struct Patient: Codable, Equatable {
        let id: String
        let name: [Name]
        struct Name: Codable, Equatable { let family: String }
    }

    struct Bundle: Decodable {
        let entry: [Entry]
        struct Entry: Decodable { let id: String }
    }

    func client(_ stub: StubTransport, base: String = "https://api.example.fr/fhir") -> SanteHTTPClient {
        SanteHTTPClient(baseURL: testURL(base), transport: stub)
    }

    @Test(
        "Paths are joined to the base URL's path",
        arguments: [
            ("https://api.example.fr/fhir", "Patient", "/fhir/Patient"),
            ("https://api.example.fr/fhir/", "/Patient", "/fhir/Patient"),
            ("https://api.example.fr/fhir", "/Patient/1/_history", "/fhir/Patient/1/_history"),
            ("https://api.example.fr", "token", "/token"),
            ("https://api.example.fr/", "", "/"),
            ("https://api.example.fr/fhir?tenant=a", "Patient?_count=5", "/fhir/Patient?tenant=a&_count=5"),
        ])
    func pathJoining(base: String, path: String, expected: String) throws {
        let request = try client(StubTransport(), base: base).makeRequest(.get, path: path)
        #expect(request.path == expected)
        #expect(request.scheme == "https")
        #expect(request.authority == "api.example.fr")
    }

    @Test("Query items are percent-encoded strictly")
    func queryEncoding() throws {
        let request = try client(StubTransport()).makeRequest(
            .get, path: "Patient",
            query: [
                URLQueryItem(name: "identifier", value: "urn:oid:1.2.250|123"),
                URLQueryItem(name: "name", value: "Jean+Marie Dupont&Co"),
                URLQueryItem(name: "_summary", value: nil),
                URLQueryItem(name: "é", value: "ü"),
            ])
        #expect(
            request.path
                == "/fhir/Patient?identifier=urn:oid:1.2.250%7C123&name=Jean%2BMarie%20Dupont%26Co&_summary&%C3%A9=%C3%BC"
        )
    }

    @Test("The port is kept in the authority, and an absolute URL is used as is")
    func portsAndAbsoluteURLs() throws {
        let local = client(StubTransport(), base: "http://127.0.0.1:8080/dmp/fhir")
        let request = try local.makeRequest(.get, path: "Patient")
        #expect(request.authority == "127.0.0.1:8080")
        #expect(request.scheme == "http")
        let next = try local.makeRequest(.get, path: "https://other.example/fhir/Patient?page=2")
        #expect(next.authority == "other.example")
        #expect(next.path == "/fhir/Patient?page=2")
    }

    @Test("A base URL without a host is refused")
    func invalidBase() {
        #expect {
            _ = try client(StubTransport(), base: "/relative/only").makeRequest(.get, path: "x")
        } throws: { error in
            (error as? SanteHTTPError)?.code == .validation
        }
    }

    @Test("A 2xx JSON body decodes, with Accept set")
    func decodes() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/fhir/Patient/1", headerFields: [.accept: "application/json"],
            respond: .json(#"{"id":"1","name":[{"family":"Dupont"}]}"#))
        let patient = try await client(stub).getJSON("Patient/1", as: Patient.self)
        #expect(patient == Patient(id: "1", name: [.init(family: "Dupont")]))
    }

    @Test("sendJSON encodes the body with its content type and decodes the answer")
    func sendsJSON() async throws {
        let stub = StubTransport()
        stub.expect(
            .post, "/fhir/Patient", headerFields: [.contentType: "application/fhir+json"],
            where: { recorded in
                (try? JSONDecoder().decode(Patient.self, from: recorded.body ?? Data()))?.id == "new"
            },
            respond: .json(#"{"id":"42","name":[]}"#, status: 201))
        let created = try await client(stub).sendJSON(
            .post, "Patient", body: Patient(id: "new", name: []), as: Patient.self, contentType: "application/fhir+json"
        )
        #expect(created.id == "42")
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("EmptyResponse skips decoding an empty body")
    func emptyResponse() async throws {
        let stub = StubTransport()
        stub.expect(.delete, "/fhir/Patient/1", respond: .status(204))
        let request = try client(stub).makeRequest(.delete, path: "Patient/1")
        _ = try await client(stub).decode(EmptyResponse.self, for: request)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("A non-2xx status becomes .httpStatus with status, headers and the body snippet")
    func statusError() async throws {
        let stub = StubTransport()
        let outcome = #"{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found"}]}"#
        stub.expect(.get, "/fhir/Patient/9", respond: .json(outcome, status: 404, headerFields: [.eTag: "W/\"1\""]))
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client(stub).getJSON(
                "Patient/9", as: Patient.self, options: RequestOptions(operation: "patient.read"))
        }
        #expect(error?.code == .httpStatus)
        #expect(error?.httpStatus == 404)
        #expect(error?.responseHeaders[.eTag] == "W/\"1\"")
        #expect(error?.responseBody == Data(outcome.utf8))
        #expect(error?.operation == "patient.read")
        #expect(error?.method == .get)
        #expect(error?.url == "https://api.example.fr/fhir/Patient/9")
        #expect(error?.requestWasSent == true)
        #expect(error?.isRetryable == false)
    }

    @Test("A large error body is cut to 64 KiB")
    func largeErrorBody() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/x", respond: .status(500, body: Data(repeating: 65, count: 200_000)))
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client(stub).data(for: Fixtures.request(path: "/fhir/x"))
        }
        #expect(error?.responseBody?.count == 65_536)
        #expect(error?.responseBodyIsTruncated == true)
    }

    @Test("A body that does not decode gives .decoding with the coding path")
    func decodingPath() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Bundle", respond: .json(#"{"entry":[{"id":"a"},{"id":7}]}"#))
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client(stub).getJSON("Bundle", as: Bundle.self)
        }
        #expect(error?.code == .decoding)
        #expect(error?.codingPath == "entry[1].id")
        #expect(error?.message.contains("entry[1].id") == true)
        #expect(error?.httpStatus == 200)
        #expect(error?.underlyingError is DecodingError)
    }

    @Test("A missing member is named in the coding path")
    func missingKey() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient/1", respond: .json(#"{"id":"1"}"#))
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client(stub).getJSON("Patient/1", as: Patient.self)
        }
        #expect(error?.codingPath == "name")
        #expect(error?.message.contains("\"name\" is missing") == true)
    }

    @Test("Malformed JSON gives .decoding at the root, without echoing the body in the message")
    func malformedJSON() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient/1", respond: .json(#"{"id":"1850578123456", "#))
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client(stub).getJSON("Patient/1", as: Patient.self)
        }
        #expect(error?.code == .decoding)
        #expect(error?.codingPath == "(root)")
        #expect(error?.description.contains("1850578123456") == false)
    }

    @Test("A body that ends before its declared length gives a clear .transport error")
    func truncatedBody() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/fhir/Binary/1",
            respond: .handler { _ in
                let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
                    continuation.yield(ArraySlice(repeating: 1, count: 10))
                    continuation.finish()
                }
                return (HTTPResponse(status: .ok), HTTPBody(stream, length: .known(100)))
            })
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client(stub).data(for: Fixtures.request(path: "/fhir/Binary/1"))
        }
        #expect(error?.code == .transport)
        #expect(error?.message.contains("truncated") == true)
        #expect(error?.message.contains("10 of 100") == true)
    }

    @Test("A body above the client's limit is refused")
    func tooLarge() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Binary/1", respond: .status(200, body: Data(count: 2_000)))
        let small = SanteHTTPClient(baseURL: Fixtures.baseURL, transport: stub, maximumResponseBodyBytes: 1_000)
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await small.data(for: Fixtures.request(path: "/fhir/Binary/1"))
        }
        #expect(error?.code == .transport)
        #expect(error?.underlyingError is HTTPBody.TooManyBytesError)
    }

    @Test("Errors from below get the operation, the method and the redacted URL")
    func errorContext() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .error(Fixtures.transportError(requestWasSent: false)))
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client(stub).send(
                Fixtures.request(path: "/fhir/Patient?identifier=1850578123456&access_token=abc"),
                options: RequestOptions(operation: "patient.search"))
        }
        #expect(error?.operation == "patient.search")
        #expect(error?.method == .get)
        #expect(error?.url == "https://api.example.fr/fhir/Patient?identifier=[REDACTED]&access_token=[REDACTED]")
        #expect(error?.description.contains("1850578123456") == false)
        #expect(error?.description.contains("abc") == false)
    }

    @Test("An unencodable body is refused before sending")
    func unencodable() async throws {
        let stub = StubTransport()
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client(stub).sendJSON(
                .post, "Observation", body: ["value": Double.nan], as: EmptyResponse.self)
        }
        #expect(error?.code == .validation)
        #expect(error?.requestWasSent == false)
        #expect(stub.recordedRequests.isEmpty)
    }

    @Test("statusError builds the error from a raw response")
    func statusErrorHelper() async throws {
        let client = client(StubTransport())
        let error = try await client.statusError(
            HTTPResponse(status: .tooManyRequests, headerFields: [.retryAfter: "5"]), body: HTTPBody("slow down"),
            request: Fixtures.request(), options: RequestOptions(operation: "op"))
        #expect(error.httpStatus == 429)
        #expect(error.isRetryable)
        #expect(error.responseHeaders[.retryAfter] == "5")
        #expect(error.responseBody == Data("slow down".utf8))
    }
}
