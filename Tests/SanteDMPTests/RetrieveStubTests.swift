import Foundation
import HTTPTypes
import SanteCore
import SanteDMP
import SanteHTTP
import Testing

@Suite("Retrieving content on the stub transport")
struct RetrieveStubTests {
    static let content = Data("Compte rendu de consultation".utf8)

    @Test("Content streams from the absolute attachment URL and is verified")
    func verifiedContent() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/fhir/Binary/bin-1", headerFields: [.accept: "text/plain", .authorization: "Bearer test-token"],
            respond: .status(200, headerFields: [.contentType: "text/plain"], body: Self.content))
        let entry = try DMPDocumentEntry(json: Data(DMPTestSupport.storedDocument().utf8))
        let data = try await DMPTestSupport.client(stub).retrieve(entry).collect()
        #expect(data == Self.content)
    }

    @Test("A content whose hash differs throws contentMismatch")
    func hashMismatch() async throws {
        let stub = StubTransport()
        var tampered = Self.content
        tampered[0] = UInt8(ascii: "X")
        stub.expect(.get, "/fhir/Binary/bin-1", respond: .status(200, body: tampered))
        let entry = try DMPDocumentEntry(json: Data(DMPTestSupport.storedDocument().utf8))
        let content = try await DMPTestSupport.client(stub).retrieve(entry)
        let error = await DMPTestSupport.dmpError { _ = try await content.collect() }
        #expect(error?.reason == .contentMismatch)
        #expect(error?.code == .verification)
    }

    @Test("A content of the wrong size throws contentMismatch and the partial file is removed")
    func sizeMismatchRemovesFile() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Binary/bin-1", respond: .status(200, body: Self.content + Data("extra".utf8)))
        let directory = FileManager.default.temporaryDirectory.appending(path: "santedmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appending(path: "cr.txt")
        let entry = try DMPDocumentEntry(json: Data(DMPTestSupport.storedDocument().utf8))
        let error = await DMPTestSupport.dmpError {
            _ = try await DMPTestSupport.client(stub).download(entry, to: destination)
        }
        #expect(error?.reason == .contentMismatch)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("A verified download lands in the destination file")
    func download() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Binary/bin-1", respond: .status(200, body: Self.content))
        let destination = FileManager.default.temporaryDirectory.appending(path: "santedmp-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: destination) }
        let entry = try DMPDocumentEntry(json: Data(DMPTestSupport.storedDocument().utf8))
        let result = try await DMPTestSupport.client(stub).download(entry, to: destination)
        #expect(result.size == Self.content.count)
        #expect(result.hash == SHA1Base64.of(Self.content))
        #expect(try Data(contentsOf: destination) == Self.content)
    }

    @Test("A content URL on another origin never receives the token")
    func otherOrigin() async throws {
        let stub = StubTransport()
        var entry = try DMPDocumentEntry(json: Data(DMPTestSupport.storedDocument().utf8))
        entry.contentURL = "https://elsewhere.example/Binary/bin-1"
        let error = await DMPTestSupport.dmpError { _ = try await DMPTestSupport.client(stub).retrieve(entry) }
        #expect(error != nil)
        #expect(stub.recordedRequests.isEmpty)
    }
}
