import Foundation
import SanteKit
import SanteMockPlatform

/// The DMP chapter of `sante demo`: a professional publishes a consultation report for a test patient,
/// finds it, reads it back (verified against its SHA-1), and replaces it with a new version. Every step
/// makes real requests to the mock platform's DMP (`/dmp/fhir`), through the demo's pipeline (its
/// accounting counts them), authenticated by a test access token of the professional
/// (`POST /_mock/tokens/professional`).
///
/// The report names the published document and the patient, so that a later chapter (notifications) can
/// look for the DMP's events about them.
struct DemoDMPChapter {
    /// The mock platform.
    let session: MockPlatformSession
    /// The demo's platform: logger, clock and accounting.
    let platform: SantePlatform
    /// The seeded professionals and patients.
    let identities: DemoIdentities
    /// The chapter's number in the tour, for the progress lines.
    var number = 7

    /// The report's text.
    static let reportText = """
        Compte rendu de consultation (document de démonstration SanteKit, patient fictif).
        Motif : contrôle annuel. Examen clinique sans particularité. Conduite à tenir : revoir dans un an.
        """

    /// Runs the chapter.
    /// - Returns: What the report shows.
    /// - Throws: ``OperationFailed`` when something does not happen as the demo shows it, or the client's
    ///   ``DMPError``.
    func run() async throws -> DemoReport.DMP {
        guard let patient = identities.patients.first else {
            throw OperationFailed(reason: "the mock lists no test patient")
        }
        let professional = try seededProfessional()
        let ins = INS(patient.ins, system: INS.System(patient.insOID), status: .qualified)
        let author = DMPTestAuthor.author(for: professional)
        let client = try await makeClient(professional: professional)

        Terminal.info("Chapter \(number)a: \(professional.subjectNameID) publishes a consultation report (ITI-65)")
        let first = try await publish(client, ins: ins, author: author, text: Self.reportText, replacing: nil)

        Terminal.info("Chapter \(number)b: the professional finds it among the patient's current documents (ITI-67)")
        let search = try await find(client, ins: ins, publishedID: first.id)

        Terminal.info(
            "Chapter \(number)c: the professional reads it back, verified against its size and SHA-1 (ITI-68)")
        let readBack = try await readBack(client, documentID: first.id)

        Terminal.info("Chapter \(number)d: the professional replaces it with a corrected version (TD2.1)")
        let corrected = Self.reportText + "\nAddendum : tension artérielle 12/8."
        let replacement = try await publish(client, ins: ins, author: author, text: corrected, replacing: first.id)
        let old = try await client.document(id: first.id)
        let current = try await currentIDs(client, ins: ins)
        // A running mock may hold documents from earlier tours: only these two documents are checked.
        guard old.status == .superseded, current.contains(replacement.id), !current.contains(first.id) else {
            throw OperationFailed(
                reason: "after the replacement the old document is \(old.status?.rawValue ?? "?") and the "
                    + "replacement is \(current.contains(replacement.id) ? "" : "not ")among the current documents")
        }
        return DemoReport.DMP(
            patientINS: ins.fhirValue, patientINSSystem: ins.fhirSystem,
            patientName: "\(patient.givenNames.first ?? "") \(patient.familyName)",
            professional: professional.subjectNameID,
            professionalName: "\(professional.givenName) \(professional.familyName)",
            published: first, search: search, readBack: readBack, replacement: replacement,
            oldStatusAfterReplacement: old.status?.rawValue ?? "?", currentDocumentIDs: current)
    }

    private func seededProfessional() throws -> MockProfessional {
        let subjectNameID = identities.professionals.first?.subjectNameID
        guard
            let professional = subjectNameID.flatMap(MockIdentities.default.professional(subjectNameID:))
                ?? MockIdentities.default.professionals.first
        else {
            throw OperationFailed(reason: "the mock lists no test professional")
        }
        return professional
    }

    /// A DMP client on the demo's pipeline, with connections kept alive for requests with a body (see
    /// `PSCProvider.httpClient(logger:baseURL:keepsConnectionsAlive:)`).
    private func makeClient(professional: MockProfessional) async throws -> DMPClient {
        var keepAlive = platform
        keepAlive.transport = URLSessionTransport(configuration: .init(reusesConnectionsForRequestsWithBody: true))
        let token = try await DMPTestToken.mint(
            subjectNameID: professional.subjectNameID, platform: keepAlive, mockURL: session.baseURL)
        let baseURL = session.baseURL.appending(path: "dmp/fhir")
        let tokenProvider = ClosureTokenProvider { token }
        let http = try keepAlive.httpClient(baseURL: baseURL, tokenProvider: tokenProvider)
        return DMPClient(
            configuration: DMPClientConfiguration(
                baseURL: baseURL, tokenProvider: tokenProvider, sourceID: DMPConnection.defaultSourceID,
                appProduct: platform.appProduct, clock: platform.clock),
            httpClient: http)
    }

    private func publish(
        _ client: DMPClient, ins: INS, author: DMPAuthor, text: String, replacing oldID: String?
    ) async throws -> DemoReport.DMP.Document {
        let now = platform.clock.now()
        let publication = DMPPublication(
            patient: ins, content: .data(Data(text.utf8)), contentType: "text/plain",
            title: "Compte rendu de consultation", type: .consultationReport, format: .text, author: author,
            servicePeriod: FHIRPeriod(start: FHIRDateTime(now)))
        let outcome: DMPClient.PublishOutcome
        if let oldID {
            outcome = try await client.replace(try await client.document(id: oldID), with: publication)
        } else {
            outcome = try await client.publish(publication)
        }
        let entry = outcome.document
        guard outcome.isCreated, let id = entry.id else {
            throw OperationFailed(reason: "the DMP did not store a new document")
        }
        return DemoReport.DMP.Document(
            id: id, uniqueId: entry.uniqueId?.value ?? "", versionId: entry.versionId ?? "",
            title: entry.title ?? "", type: "\(entry.type?.code ?? "?") \(entry.type?.display ?? "")",
            size: entry.size ?? 0, sha1: entry.hash ?? "")
    }

    private func find(_ client: DMPClient, ins: INS, publishedID: String) async throws -> DemoReport.DMP.Search {
        var query = DMPDocumentQuery(patient: ins)
        query.types = [.consultationReport]
        var ids: [String] = []
        for try await entry in try client.findDocuments(query) { ids.append(entry.id ?? "") }
        guard ids.contains(publishedID) else {
            throw OperationFailed(reason: "the search did not find the published document")
        }
        return DemoReport.DMP.Search(
            parameters: "patient.identifier, status=current, type=\(DMPDocumentType.consultationReport.code)",
            matches: ids.count, foundPublished: true)
    }

    private func readBack(_ client: DMPClient, documentID: String) async throws -> DemoReport.DMP.ReadBack {
        let entry = try await client.document(id: documentID)
        let bytes = try await client.retrieve(entry).collect(upTo: 1024 * 1024)
        guard bytes == Data(Self.reportText.utf8) else {
            throw OperationFailed(reason: "the content read back differs from the content published")
        }
        return DemoReport.DMP.ReadBack(bytes: bytes.count, sha1Verified: true, identical: true)
    }

    private func currentIDs(_ client: DMPClient, ins: INS) async throws -> [String] {
        var ids: [String] = []
        for try await entry in try client.findDocuments(DMPDocumentQuery(patient: ins)) { ids.append(entry.id ?? "") }
        return ids
    }

    /// Prints the chapter's part of the readable report.
    static func print(_ dmp: DemoReport.DMP) {
        Terminal.result("DMP (FHIR PDSm)")
        Terminal.result(
            "  patient: \(dmp.patientINS)  \(dmp.patientName); author: \(dmp.professional)  \(dmp.professionalName)")
        let published = dmp.published
        Terminal.result(
            "  published \(published.id) (version \(published.versionId)): \(published.type), \(published.size) bytes")
        Terminal.result("    unique id \(published.uniqueId), SHA-1 \(published.sha1)")
        Terminal.result(
            "  found by search (\(dmp.search.parameters)): \(dmp.search.matches) match(es), "
                + (dmp.search.foundPublished ? "including it" : "without it"))
        Terminal.result(
            "  read back: \(dmp.readBack.bytes) bytes, size and SHA-1 verified, identical to what was sent")
        Terminal.result(
            "  replaced by \(dmp.replacement.id); the old version is now \(dmp.oldStatusAfterReplacement), "
                + "current: \(dmp.currentDocumentIDs.joined(separator: ", "))")
    }
}

extension DemoReport {
    /// The DMP chapter.
    struct DMP: Codable {
        /// A document the chapter stored.
        struct Document: Codable {
            /// The DocumentReference id.
            let id: String
            /// The unique id (`masterIdentifier`).
            let uniqueId: String
            /// The metadata version.
            let versionId: String
            /// The title.
            let title: String
            /// The type code and label.
            let type: String
            /// The content's size in bytes.
            let size: Int
            /// The content's SHA-1, base64.
            let sha1: String
        }

        /// The search that found it.
        struct Search: Codable {
            /// The search parameters, in words.
            let parameters: String
            /// How many documents matched.
            let matches: Int
            /// Whether the published document was among them.
            let foundPublished: Bool
        }

        /// The content read back.
        struct ReadBack: Codable {
            /// How many bytes were read.
            let bytes: Int
            /// Whether the size and SHA-1 were checked against the metadata.
            let sha1Verified: Bool
            /// Whether the bytes are the ones published.
            let identical: Bool
        }

        /// The patient's INS matricule (test authority), for chapters that follow the DMP's events.
        let patientINS: String
        /// The INS authority, as a FHIR system.
        let patientINSSystem: String
        /// The patient's name.
        let patientName: String
        /// The author's SubjectNameID.
        let professional: String
        /// The author's name.
        let professionalName: String
        /// The first version, as published.
        let published: Document
        /// The search.
        let search: Search
        /// The read-back.
        let readBack: ReadBack
        /// The new version.
        let replacement: Document
        /// The old version's status after the replacement (`superseded`).
        let oldStatusAfterReplacement: String
        /// The patient's current documents after the replacement.
        let currentDocumentIDs: [String]

        /// The id of the document the chapter published first.
        var publishedDocumentID: String { published.id }
    }
}
