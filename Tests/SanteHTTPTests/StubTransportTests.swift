import Foundation
import HTTPTypes
import SanteCore
import Testing

@testable import SanteHTTP

@Suite("StubTransport")
struct StubTransportTests {
    func send(_ stub: StubTransport, _ request: HTTPRequest, body: HTTPBody? = nil) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        try await stub.send(request, body: body, context: RequestContext())
    }

    @Test("Expectations are answered in order and requests recorded")
    func ordered() async throws {
        let stub = StubTransport([
            .init(method: .get, path: "/a", response: .json(#"{"n":1}"#)),
            .init(method: .post, path: "/b", response: .status(201)),
        ])
        let (first, firstBody) = try await send(stub, Fixtures.request(path: "/a?x=1"))
        #expect(first.status == .ok)
        #expect(first.headerFields[.contentType] == "application/json")
        #expect(try await text(firstBody) == #"{"n":1}"#)
        let (second, _) = try await send(stub, Fixtures.request(.post, path: "/b"), body: HTTPBody("payload"))
        #expect(second.status.code == 201)
        #expect(stub.recordedRequests.map(\.path) == ["/a", "/b"])
        #expect(stub.recordedRequests.last?.bodyText == "payload")
        #expect(stub.recordedRequests.first?.queryItems == [URLQueryItem(name: "x", value: "1")])
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("A mismatch throws an error naming the expected and the actual request")
    func mismatch() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        let error = await #expect(throws: StubTransportError.self) {
            _ = try await send(stub, Fixtures.request(.post, path: "/fhir/Practitioner"))
        }
        let message = try #require(error?.description)
        #expect(message.contains("expected GET /fhir/Patient"))
        #expect(message.contains("got POST /fhir/Practitioner"))
        #expect(message.contains("method differs"))
        #expect(stub.remainingExpectations.count == 1)
        #expect(throws: StubTransportError.self) { try stub.verifyAllExpectationsConsumed() }
    }

    @Test("A request after the last expectation is refused")
    func noExpectationLeft() async throws {
        let stub = StubTransport()
        let error = await #expect(throws: StubTransportError.self) {
            _ = try await send(stub, Fixtures.request())
        }
        #expect(error?.message.contains("no expectation left") == true)
        #expect(stub.recordedRequests.count == 1)
    }

    @Test("Unused expectations are reported")
    func unconsumed() throws {
        let stub = StubTransport()
        stub.expect(.delete, "/fhir/Patient/1", respond: .status(204))
        #expect {
            try stub.verifyAllExpectationsConsumed()
        } throws: { error in
            (error as? StubTransportError)?.message.contains("DELETE /fhir/Patient/1") == true
        }
    }

    @Test("Query, header and body predicates must all match")
    func predicates() async throws {
        let stub = StubTransport()
        stub.expect(
            .post, "/search", query: ["name": "Dupont Jean", "_count": "10"],
            headerFields: [.accept: "application/json"],
            where: { $0.bodyText == "q" }, respond: .status(200))
        let matching = Fixtures.request(
            .post, path: "/search?_count=10&name=Dupont%20Jean", headerFields: [.accept: "application/json"])
        _ = try await send(stub, matching, body: HTTPBody("q"))

        let cases: [(HTTPRequest, String, String)] = [
            (
                Fixtures.request(.post, path: "/search?_count=10", headerFields: [.accept: "application/json"]), "q",
                "query differs"
            ),
            (Fixtures.request(.post, path: "/search?_count=10&name=Dupont%20Jean"), "q", "header Accept differs"),
            (matching, "other", "predicate failed"),
        ]
        for (request, body, reason) in cases {
            stub.expect(
                .post, "/search", query: ["name": "Dupont Jean", "_count": "10"],
                headerFields: [.accept: "application/json"], where: { $0.bodyText == "q" }, respond: .status(200))
            let error = await #expect(throws: StubTransportError.self) {
                _ = try await send(stub, request, body: HTTPBody(body))
            }
            #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
            _ = try? await send(stub, matching, body: HTTPBody("q"))
        }
    }

    @Test("A canned error is thrown and a handler can build the answer")
    func errorsAndHandlers() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/a", respond: .error(Fixtures.transportError(requestWasSent: false)))
        stub.expect(
            .put, "/b",
            respond: .handler { recorded in
                (HTTPResponse(status: .ok), HTTPBody("echo:" + (recorded.bodyText ?? "")))
            })
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await send(stub, Fixtures.request(path: "/a"))
        }
        #expect(error?.requestWasSent == false)
        let (_, body) = try await send(stub, Fixtures.request(.put, path: "/b"), body: HTTPBody("hi"))
        #expect(try await text(body) == "echo:hi")
    }

    @Test("Through a client, a mismatch surfaces as a .transport error wrapping the stub's error")
    func throughClient() async throws {
        let stub = StubTransport()
        let client = SanteHTTPClient(baseURL: Fixtures.baseURL, transport: stub)
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client.send(Fixtures.request())
        }
        #expect(error?.code == .transport)
        #expect(error?.underlyingError is StubTransportError)
    }
}
