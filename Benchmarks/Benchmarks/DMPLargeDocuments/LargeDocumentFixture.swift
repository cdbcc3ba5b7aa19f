import AsyncHTTPClient
import Foundation
import Logging
import MockServerSupport
import NIOCore
import NIOHTTP1
import SanteAsyncHTTPClient
import SanteCore
import SanteDMP
import SanteHTTP

/// One `sante-mock` process, a DMP client on ``AsyncHTTPClientTransport`` for its seeded general practitioner, a
/// 50 MB document file, and that document stored once (for retrieval).
struct LargeDocumentFixture: BenchmarkFixture {
    /// The size of the document: 50 MB.
    static let documentSize = 50 * 1_000_000

    static let patient = INS("279035121518989", system: .test, status: .qualified)
    static let author = DMPAuthor(
        professional: .rpps(RPPS("99990000012"), familyName: "LEFEBVRE", givenNames: ["CAMILLE"], prefix: "DR"),
        organization: .siret(SIRET("99999001300016"), name: "CABINET DU DR LEFEBVRE"))

    let server: MockServerProcess
    let client: DMPClient
    let directory: URL
    let documentFile: URL
    let storedEntry: DMPDocumentEntry

    static func start() async throws -> LargeDocumentFixture {
        let server = try await MockServerProcess.start()
        let directory = FileManager.default.temporaryDirectory
            .appending(path: "santekit-dmp-large-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let documentFile = directory.appending(path: "document.pdf")
            try writeDocument(to: documentFile)
            let token = try await professionalToken(server.baseURL)
            let configuration = DMPClientConfiguration(
                baseURL: server.baseURL.appending(path: "dmp/fhir"), tokenProvider: ClosureTokenProvider { token },
                sourceID: "urn:oid:1.2.250.1.999.1", timeout: .seconds(300))
            let silent = Logger(label: "santekit.benchmark", factory: { _ in SwiftLogNoOpLogHandler() })
            let transport = AsyncHTTPClientTransport(
                configuration: AsyncHTTPClientTransport.Configuration(timeout: .seconds(300)))
            let client = try DMPClient(configuration: configuration, transport: transport, logger: silent)
            let stored = try await client.publish(try publication(.file(documentFile))).document
            return LargeDocumentFixture(
                server: server, client: client, directory: directory, documentFile: documentFile,
                storedEntry: stored)
        } catch {
            await server.stop()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// A consultation report with fresh unique ids.
    static func publication(_ content: DMPPublication.Content) throws -> DMPPublication {
        var publication = DMPPublication(
            patient: patient, content: content, contentType: "application/pdf",
            title: "Compte rendu d'imagerie", type: .consultationReport, format: .pdf, author: author,
            servicePeriod: FHIRPeriod(start: try FHIRDateTime("2026-06-12T10:00:00+02:00")))
        publication.facilityType = .privatePractice
        publication.practiceSetting = .healthEstablishment
        return publication
    }

    /// Writes the document, 1 MB at a time (the file is never whole in memory).
    private static func writeDocument(to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw LargeDocumentError(message: "cannot create \(url.path)")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let chunkSize = 1_000_000
        for chunkIndex in 0..<(documentSize / chunkSize) {
            let chunk = Data((0..<chunkSize).map { UInt8(truncatingIfNeeded: ($0 &+ chunkIndex) &* 31 &+ 7) })
            try handle.write(contentsOf: chunk)
        }
    }

    /// A TEST-ONLY professional token from the running mock (`POST /_mock/tokens/professional`), valid a day.
    private static func professionalToken(_ baseURL: URL) async throws -> String {
        var request = HTTPClientRequest(url: baseURL.appending(path: "_mock/tokens/professional").absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: #"{"subjectNameID":"899990000012","lifetimeSeconds":86400}"#))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1024 * 1024)
        guard let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
            let token = object["access_token"] as? String
        else {
            throw LargeDocumentError(message: "the mock did not mint a professional token")
        }
        return token
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}

struct LargeDocumentError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
