import Foundation
import HTTPTypes
import Logging
import MockServerSupport
import SanteCore
import SanteDMP
import SanteHTTP
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One `sante-mock` process, a DMP client for its seeded general practitioner, a stored document to retrieve, and
/// transactions captured from the same client for the baseline.
struct DocumentFixture: BenchmarkFixture {
    /// The size of every document: 64 KiB, a typical PDF report.
    static let documentSize = 64 * 1024
    /// How many transactions are captured for the baseline (each one is sent once: unique ids never repeat).
    static let capturedTransactions = 400

    static let patient = INS("279035121518989", system: .test, status: .qualified)
    static let author = DMPAuthor(
        professional: .rpps(RPPS("99990000012"), familyName: "LEFEBVRE", givenNames: ["CAMILLE"], prefix: "DR"),
        organization: .siret(SIRET("99999001300016"), name: "CABINET DU DR LEFEBVRE"))

    let server: MockServerProcess
    let client: DMPClient
    let transport: URLSessionTransport
    let token: String
    let content: Data
    let storedEntry: DMPDocumentEntry
    let binaryRequest: HTTPRequest
    let transactions: [CapturingTransport.Capture]
    /// The next captured transaction to send, across the benchmark's iterations (each is sent once).
    let nextTransaction = TransactionCursor()

    static func start() async throws -> DocumentFixture {
        let server = try await MockServerProcess.start()
        do {
            return try await make(server: server)
        } catch {
            await server.stop()
            throw error
        }
    }

    private static func make(server: MockServerProcess) async throws -> DocumentFixture {
        let token = try await professionalToken(server.baseURL)
        let content = Data((0..<documentSize).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let transport = URLSessionTransport()
        let baseURL = server.baseURL.appending(path: "dmp/fhir")
        let silent = Logger(label: "santekit.benchmark", factory: { _ in SwiftLogNoOpLogHandler() })
        let configuration = DMPClientConfiguration(
            baseURL: baseURL, tokenProvider: ClosureTokenProvider { token }, sourceID: "urn:oid:1.2.250.1.999.1",
            timeout: .seconds(60))
        let client = try DMPClient(configuration: configuration, transport: transport, logger: silent)

        let stored = try await client.publish(try publication(content)).document
        guard let url = stored.contentURL, let binaryURL = URL(string: url) else {
            throw FixtureError(message: "the stored document has no content URL")
        }
        var fields = HTTPFields()
        fields[.authorization] = "Bearer \(token)"
        fields[.accept] = "application/pdf"
        let binaryRequest = HTTPRequest(method: .get, url: binaryURL, headerFields: fields)

        let capturing = CapturingTransport()
        let capturingClient = try DMPClient(configuration: configuration, transport: capturing, logger: silent)
        for _ in 0..<capturedTransactions {
            _ = try? await capturingClient.publish(try publication(content))
        }
        let transactions = capturing.captured.filter { $0.request.method == .post }
        guard transactions.count == capturedTransactions else {
            throw FixtureError(message: "captured \(transactions.count) transactions, not \(capturedTransactions)")
        }
        return DocumentFixture(
            server: server, client: client, transport: transport, token: token, content: content,
            storedEntry: stored, binaryRequest: binaryRequest, transactions: transactions)
    }

    /// A consultation report of `content`, with fresh unique ids.
    static func publication(_ content: Data) throws -> DMPPublication {
        var publication = DMPPublication(
            patient: patient, content: .data(content), contentType: "application/pdf",
            title: "Compte rendu de consultation", type: .consultationReport, format: .pdf, author: author,
            servicePeriod: FHIRPeriod(start: try FHIRDateTime("2026-06-12T10:00:00+02:00")))
        publication.facilityType = .privatePractice
        publication.practiceSetting = .healthEstablishment
        return publication
    }

    /// A TEST-ONLY professional token from the running mock (`POST /_mock/tokens/professional`), valid a day.
    private static func professionalToken(_ baseURL: URL) async throws -> String {
        var request = URLRequest(url: baseURL.appending(path: "_mock/tokens/professional"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"subjectNameID":"899990000012","lifetimeSeconds":86400}"#.utf8)
        let (data, _) = try await URLSession.shared.data(for: request)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let token = object["access_token"] as? String
        else {
            throw FixtureError(message: "the mock did not mint a professional token")
        }
        return token
    }

    /// Sends a captured transaction as is, through the bare transport, and collects the answer.
    func sendCaptured(_ index: Int) async throws -> HTTPResponse.Status {
        let capture = transactions[index]
        var request = capture.request
        request.headerFields[.authorization] = "Bearer \(token)"
        let (response, body) = try await transport.send(
            request, body: HTTPBody(capture.body), context: RequestContext())
        _ = try await body?.collect(upTo: 16 * 1024 * 1024)
        return response.status
    }

    /// The stored document's bytes through the bare transport, no check.
    func fetchBinary() async throws -> Data {
        let (_, body) = try await transport.send(binaryRequest, body: nil, context: RequestContext())
        return try await body?.collect(upTo: 16 * 1024 * 1024) ?? Data()
    }
}

/// A counter shared by the iterations of one benchmark.
final class TransactionCursor: Sendable {
    private let next = Mutex(0)

    /// The next index, or `nil` once every captured transaction was sent.
    func take(below count: Int) -> Int? {
        next.withLock { next in
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension DocumentFixture {
    /// Stops the server.
    func stop() async {
        await server.stop()
    }
}
