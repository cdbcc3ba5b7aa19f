import Foundation
import HTTPTypes
import Logging
import SanteCore
import Testing

@testable import SanteHTTP

/// The shortcuts the pipeline takes on its hot path behave like the general paths they skip.
@Suite("Pipeline fast paths")
struct PipelineFastPathTests {
    /// 150,000 bytes: two full 64 KiB chunks and a partial one.
    let bytes = Data((0..<150_000).map { UInt8(truncatingIfNeeded: $0) })

    /// The same bytes as an in-memory body and as a replayable stream, each observed.
    func observedPair(_ data: Data) -> (inMemory: (HTTPBody, Recorder<Int>), stream: (HTTPBody, Recorder<Int>)) {
        let inMemorySizes = Recorder<Int>()
        let inMemory = HTTPBody(data).observingChunks { inMemorySizes.record($0) }
        let chunks = stride(from: 0, to: data.count, by: HTTPBody.chunkSize).map { start in
            ArraySlice(data[start..<min(start + HTTPBody.chunkSize, data.count)])
        }
        let streamSizes = Recorder<Int>()
        let stream = HTTPBody(
            ArrayAsyncSequence(elements: chunks), length: .known(Int64(data.count)), iterationBehavior: .multiple
        ).observingChunks { streamSizes.record($0) }
        return ((inMemory, inMemorySizes), (stream, streamSizes))
    }

    @Test("An observed in-memory body reports the same chunks as an observed stream, however it is read")
    func observedInMemoryBody() async throws {
        let collected = observedPair(bytes)
        #expect(try await collected.inMemory.0.collect(upTo: 1 << 20) == bytes)
        #expect(try await collected.stream.0.collect(upTo: 1 << 20) == bytes)
        #expect(collected.inMemory.1.all == [65_536, 65_536, 18_928])
        #expect(collected.stream.1.all == collected.inMemory.1.all)

        let iterated = observedPair(bytes)
        var received = Data()
        for try await chunk in iterated.inMemory.0 { received.append(contentsOf: chunk) }
        #expect(received == bytes)
        #expect(iterated.inMemory.1.all == [65_536, 65_536, 18_928])

        let prefixed = observedPair(bytes)
        let prefix = try await prefixed.inMemory.0.collectPrefix(upTo: 65_536)
        let streamPrefix = try await prefixed.stream.0.collectPrefix(upTo: 65_536)
        #expect(prefix.data == bytes.prefix(65_536) && prefix.truncated)
        #expect(streamPrefix.data == prefix.data && streamPrefix.truncated)
        #expect(prefixed.inMemory.1.all == prefixed.stream.1.all)
        #expect(prefixed.inMemory.1.all == [65_536, 65_536])

        let discarded = observedPair(bytes)
        await discarded.inMemory.0.discard()
        await discarded.stream.0.discard()
        #expect(discarded.inMemory.1.all == [65_536, 65_536, 18_928])
        #expect(discarded.stream.1.all == discarded.inMemory.1.all)
    }

    @Test("An observed empty body reports nothing, and a body over the limit is refused before any chunk")
    func observedEdges() async throws {
        let empty = observedPair(Data())
        #expect(try await empty.inMemory.0.collect(upTo: 10) == Data())
        #expect(empty.inMemory.1.all.isEmpty)

        let tooLarge = observedPair(bytes)
        await #expect(throws: HTTPBody.TooManyBytesError(maximumBytes: 1000)) {
            _ = try await tooLarge.inMemory.0.collect(upTo: 1000)
        }
        await #expect(throws: HTTPBody.TooManyBytesError(maximumBytes: 1000)) {
            _ = try await tooLarge.stream.0.collect(upTo: 1000)
        }
        #expect(tooLarge.inMemory.1.all.isEmpty)
        #expect(tooLarge.stream.1.all.isEmpty)
    }

    @Test("Observing an observed body reports each chunk to the inner observer, then to the outer one")
    func nestedObservers() async throws {
        let calls = Recorder<String>()
        let body = HTTPBody("hello")
            .observingChunks { calls.record("inner \($0)") }
            .observingChunks { calls.record("outer \($0)") }
        #expect(body.length == .known(5))
        #expect(body.iterationBehavior == .multiple)
        #expect(try await text(body) == "hello")
        #expect(calls.all == ["inner 5", "outer 5"])
    }

    @Test("An observed stream: observers in order, still single-pass, a short body still throws")
    func observedStream() async throws {
        let calls = Recorder<String>()
        let chunks = [ArraySlice(Array("hel".utf8)), ArraySlice(Array("lo".utf8))]
        let body = HTTPBody(ArrayAsyncSequence(elements: chunks), length: .known(5))
            .observingChunks { calls.record("inner \($0)") }
            .observingChunks { calls.record("outer \($0)") }
        #expect(body.length == .known(5))
        #expect(body.iterationBehavior == .single)
        #expect(try await text(body) == "hello")
        #expect(calls.all == ["inner 3", "outer 3", "inner 2", "outer 2"])
        await #expect(throws: HTTPBody.AlreadyIteratedError.self) { _ = try await body.collect(upTo: 100) }

        let short = HTTPBody(ArrayAsyncSequence(elements: chunks), length: .known(9)).observingChunks { _ in }
        await #expect(throws: HTTPBody.PrematureEndError.self) { _ = try await short.collect(upTo: 100) }
    }

    @Test("Request identifiers are lowercase UUIDs, written like uuidString.lowercased()")
    func requestIdentifiers() throws {
        let known = try #require(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
        #expect(RequestIDMiddleware.lowercaseString(of: known) == "e621e1f8-c36c-495a-93fc-0c247a3e6e5f")
        for _ in 0..<200 {
            let uuid = UUID()
            #expect(RequestIDMiddleware.lowercaseString(of: uuid) == uuid.uuidString.lowercased())
        }
        let identifier = RequestIDMiddleware.randomIdentifier()
        #expect(identifier.count == 36)
        #expect(UUID(uuidString: identifier) != nil)
        #expect(identifier == identifier.lowercased())
        #expect(identifier != RequestIDMiddleware.randomIdentifier())
    }

    @Test("Random identifiers are version 4 UUIDs: version and variant bits set, the other 122 bits random")
    func randomIdentifierBits() throws {
        let allOnes = RequestIDMiddleware.randomUUID(high: .max, low: .max)
        #expect(allOnes.uuidString.lowercased() == "ffffffff-ffff-4fff-bfff-ffffffffffff")
        let allZeros = RequestIDMiddleware.randomUUID(high: 0, low: 0)
        #expect(allZeros.uuidString.lowercased() == "00000000-0000-4000-8000-000000000000")
        let known = RequestIDMiddleware.randomUUID(high: 0x0123_4567_89AB_CDEF, low: 0xFEDC_BA98_7654_3210)
        #expect(known.uuidString.lowercased() == "01234567-89ab-4def-bedc-ba9876543210")
        var seen = Set<String>()
        for _ in 0..<1000 {
            let identifier = RequestIDMiddleware.randomIdentifier()
            let characters = Array(identifier)
            #expect(characters[14] == "4")
            #expect("89ab".contains(characters[19]))
            seen.insert(identifier)
        }
        #expect(seen.count == 1000)
    }

    @Test("Accounting keys hosts by their lowercase authority")
    func lowercasedHosts() {
        #expect(AccountingMiddleware.lowercasedHost("api.example.fr:8443") == "api.example.fr:8443")
        #expect(AccountingMiddleware.lowercasedHost("Data.Example.FR") == "data.example.fr")
        #expect(AccountingMiddleware.lowercasedHost("ÉLYSÉE.example") == "élysée.example")
        #expect(AccountingMiddleware.lowercasedHost("") == "")
    }

    @Test("A logger at warning level gets 5xx responses and failures with every field, and nothing else")
    func loggingAboveDebug() async throws {
        let store = LogStore()
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        stub.expect(.get, "/fhir/Patient", respond: .status(503, headerFields: [.retryAfter: "1"]))
        stub.expect(.get, "/fhir/Patient", respond: .error(Fixtures.transportError(requestWasSent: false)))
        let client = SanteHTTPClient(
            baseURL: Fixtures.baseURL, transport: stub,
            middlewares: [LoggingMiddleware(logger: store.logger(level: .warning))])
        let request = Fixtures.request(
            path: "/fhir/Patient?identifier=1850578123456", headerFields: [.requestID: "req-7"])
        let options = RequestOptions(operation: "patient.search")

        _ = try await client.send(request, options: options)
        #expect(store.all.isEmpty)

        _ = try await client.send(request, options: options)
        let serverError = try #require(store.all.last)
        #expect(store.all.count == 1)
        #expect(serverError.message == "HTTP response")
        #expect(serverError.level == .warning)
        #expect(serverError.metadata["http.method"]?.description == "GET")
        #expect(
            serverError.metadata["http.url"]?.description == "https://api.example.fr/fhir/Patient?identifier=[REDACTED]"
        )
        #expect(serverError.metadata["http.attempt"]?.description == "1")
        #expect(serverError.metadata["http.request_id"]?.description == "req-7")
        #expect(serverError.metadata["santekit.operation"]?.description == "patient.search")
        #expect(serverError.metadata["http.status"]?.description == "503")
        #expect(serverError.metadata["http.duration_ms"] != nil)
        #expect(serverError.metadata["http.response.body"]?.description == "none")
        guard case .dictionary(let headers) = serverError.metadata["http.response.headers"] else {
            Issue.record("no response headers in the metadata")
            return
        }
        #expect(headers["retry-after"]?.description == "1")
        #expect(serverError.metadata["http.request.headers"] == nil)

        await #expect(throws: SanteHTTPError.self) { _ = try await client.send(request, options: options) }
        let failure = try #require(store.all.last)
        #expect(store.all.count == 2)
        #expect(failure.message == "HTTP request failed")
        #expect(
            failure.metadata["http.url"]?.description == "https://api.example.fr/fhir/Patient?identifier=[REDACTED]")
        #expect(failure.metadata["http.request_id"]?.description == "req-7")
        #expect(failure.metadata["error.code"]?.description == "transport")
        #expect(failure.metadata["error.request_was_sent"]?.description == "false")
    }
}
