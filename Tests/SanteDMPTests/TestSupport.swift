/// SHA-1 for test expectations (swift-crypto).
import Crypto
import Foundation
import HTTPTypes
import SanteCore
import SanteDMP
import SanteHTTP

/// Builders shared by the DMP tests.
enum DMPTestSupport {
    /// The ANS test patient PAT-TROIS Dominique, qualified, in the test INS system (`…4.10`).
    static let patient = INS("279035121518989", system: .test, status: .qualified)

    /// The seeded general practitioner of the mock platform.
    static let author = DMPAuthor(
        professional: .rpps(RPPS("99990000012"), familyName: "LEFEBVRE", givenNames: ["Paul"], prefix: "DR"),
        organization: .siret(SIRET("99999001300016"), name: "CABINET DU DR LEFEBVRE"))

    static let base = "https://dmp.test/fhir"

    /// A publication of `bytes` as a consultation report.
    static func publication(_ bytes: Data = Data("Compte rendu de consultation".utf8), patient: INS = patient)
        throws -> DMPPublication
    {
        var publication = DMPPublication(
            patient: patient, content: .data(bytes), contentType: "text/plain", title: "CR de consultation",
            type: .consultationReport, format: .text, author: author,
            servicePeriod: FHIRPeriod(start: try FHIRDateTime("2026-06-12T10:00:00+02:00")))
        publication.facilityType = .privatePractice
        publication.practiceSetting = .healthEstablishment
        publication.creationTime = try FHIRDateTime("2026-06-12T11:00:00+02:00")
        return publication
    }

    /// A client on a stub transport, without middlewares other than authentication.
    static func client(
        _ stub: StubTransport, deleteEncoding: DMPDeleteEncoding = .supersede, pageSize: Int = 20,
        searchesWithPost: Bool = false
    ) -> DMPClient {
        let configuration = DMPClientConfiguration(
            baseURL: URL(string: base) ?? URL(fileURLWithPath: "/"),
            tokenProvider: ClosureTokenProvider { "test-token" },
            sourceID: "urn:oid:1.2.250.1.999.1", deleteEncoding: deleteEncoding, pageSize: pageSize,
            searchesWithPost: searchesWithPost)
        let http = SanteHTTPClient(
            baseURL: configuration.baseURL, transport: stub,
            middlewares: [
                AuthenticationMiddleware(
                    provider: configuration.tokenProvider, credentialOrigins: [configuration.baseURL])
            ])
        return DMPClient(configuration: configuration, httpClient: http)
    }

    /// The error thrown by `body` as a `DMPError`, or `nil`.
    static func dmpError(_ body: () async throws -> Void) async -> DMPError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? DMPError
        }
    }

    /// Every element of an async sequence.
    static func collect<Sequence: AsyncSequence>(_ sequence: Sequence) async throws -> [Sequence.Element] {
        var elements: [Sequence.Element] = []
        for try await element in sequence { elements.append(element) }
        return elements
    }

    /// JSON text as a `JSONValue`.
    static func json(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// A stored DocumentReference as the server would return it (id, version, absolute Binary URL).
    static func storedDocument(
        id: String = "doc-1", version: String = "1", content: Data = Data("Compte rendu de consultation".utf8),
        masterIdentifier: String = "urn:uuid:11111111-2222-3333-4444-555555555555",
        labels: String =
            #"[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-Confidentiality","code":"N"}]}]"#
    ) -> String {
        let hash = SHA1Base64.of(content)
        return """
            {"resourceType":"DocumentReference","id":"\(id)","meta":{"versionId":"\(version)"},
             "masterIdentifier":{"system":"urn:ietf:rfc:3986","value":"\(masterIdentifier)"},
             "status":"current",
             "type":{"coding":[{"system":"http://loinc.org","code":"11488-4"}]},
             "category":[{"coding":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument","code":"10"}]}],
             "subject":{"identifier":{"system":"urn:oid:1.2.250.1.213.1.4.10","value":"279035121518989"}},
             "date":"2026-06-12T11:00:00+02:00",
             "securityLabel":\(labels),
             "content":[{"attachment":{"contentType":"text/plain","url":"\(base)/Binary/bin-1","size":\(content.count),"hash":"\(hash)","title":"CR"}}],
             "context":{"period":{"start":"2026-06-12T10:00:00+02:00"}}}
            """
    }

    /// An OperationOutcome body.
    static func outcome(_ code: String, diagnostics: String, expression: String? = nil) -> String {
        let expressionJSON = expression.map { #","expression":["\#($0)"]"# } ?? ""
        return
            #"{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"\#(code)","diagnostics":"\#(diagnostics)"\#(expressionJSON)}]}"#
    }
}

enum SHA1Base64 {
    static func of(_ data: Data) -> String {
        Data(Insecure.SHA1.hash(data: data)).base64EncodedString()
    }
}

/// Where the official examples are (`../shared/data/fhir/…` beside the repository), when present.
enum OfficialExamples {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "shared/data/fhir")

    static let folders = ["ans-pdsm", "ans-pdsm4dmp"]

    /// Whether one examples folder is present.
    static func exists(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appending(path: folder).path)
    }

    static var available: Bool {
        folders.contains { FileManager.default.fileExists(atPath: root.appending(path: $0).path) }
    }

    /// Every JSON file of the two folders (not the sub-folders).
    static func files() throws -> [URL] {
        var urls: [URL] = []
        for folder in folders {
            let directory = root.appending(path: folder)
            guard FileManager.default.fileExists(atPath: directory.path) else { continue }
            urls += try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
        }
        return urls.sorted { $0.path < $1.path }
    }
}

extension JSONValue {
    /// The element at `index` of an array, for test assertions.
    subscript(_ index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }
}
