import ArgumentParser
import Foundation
import SanteKit

/// `sante dmp search --ins … [filters]`: a patient's documents (ITI-67), newest first.
struct DMPSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find a patient's documents (current ones unless --status says otherwise).")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var connection: DMPConnectionOptions
    @OptionGroup var patient: DMPPatientOptions

    @Option(name: .customLong("type"), help: "A document type (LOINC code or SYSTEM|CODE); repeatable.")
    var types: [String] = []

    @Option(name: .customLong("class"), help: "A document class (TRE_A03 code such as 10); repeatable.")
    var classes: [String] = []

    @Option(
        name: .customLong("status"), help: "current, superseded or entered-in-error; repeatable (default: current).")
    var statuses: [String] = []

    @Option(name: .customLong("created-since"), help: "Created on or after this date (YYYY-MM-DD).")
    var createdSince: String?

    @Option(name: .customLong("created-until"), help: "Created on or before this date (YYYY-MM-DD).")
    var createdUntil: String?

    @Option(name: .customLong("act-since"), help: "The act started on or after this date (YYYY-MM-DD).")
    var actSince: String?

    @Option(name: .customLong("act-until"), help: "The act started on or before this date (YYYY-MM-DD).")
    var actUntil: String?

    @Option(name: .customLong("archived"), help: "true: archived documents only; false: not archived ones.")
    var archived: Bool?

    @Option(name: .customLong("unique-id"), help: "The document's unique id (VALUE or SYSTEM|VALUE).")
    var uniqueId: String?

    @Option(name: .customLong("author-family"), help: "The author's family name.")
    var authorFamily: String?

    @Option(name: .customLong("limit"), help: "At most this many documents (default 100).")
    var limit: Int = 100

    func validate() throws {
        guard patient.ins != nil else { throw ArgumentParser.ValidationError("--ins is required") }
        _ = try patient.requiredPatient(onMock: connection.server == nil)
        guard limit > 0 else { throw ArgumentParser.ValidationError("--limit must be positive") }
        for status in statuses where !["current", "superseded", "entered-in-error"].contains(status) {
            throw ArgumentParser.ValidationError(
                "--status must be current, superseded or entered-in-error, got '\(status)'")
        }
        for (value, option) in [
            (createdSince, "--created-since"), (createdUntil, "--created-until"),
            (actSince, "--act-since"), (actUntil, "--act-until"),
        ] {
            if let value { _ = try DMPPublicationOptions.dateTime(value, option: option) }
        }
    }

    func run() async throws {
        let ins = try patient.requiredPatient(onMock: connection.server == nil)
        let query = try makeQuery(ins)
        let found = try await DMPConnection.with(connection, global: options) { dmp in
            try await DMPFailure.reporting("search") {
                var entries: [DMPDocumentEntry] = []
                for try await entry in try dmp.client.findDocuments(query) {
                    entries.append(entry)
                    if entries.count >= limit { break }
                }
                return entries
            }
        }
        let summaries = found.map(DMPDocumentSummary.init)
        if options.json {
            try Terminal.json(summaries)
            return
        }
        for summary in summaries { Terminal.result(summary.line) }
        Terminal.info(summaries.count == 1 ? "1 document" : "\(summaries.count) documents")
    }

    /// The ITI-67 query of the options.
    func makeQuery(_ ins: INS) throws -> DMPDocumentQuery {
        var query = DMPDocumentQuery(
            patient: ins, statuses: statuses.isEmpty ? [.current] : statuses.map(DMPDocumentStatus.init(rawValue:)))
        query.types = types.map(DMPPublicationOptions.documentType)
        query.classes = classes.map(DMPPublicationOptions.documentClass)
        if let createdSince {
            query.creationTime.append(
                .onOrAfter(try DMPPublicationOptions.dateTime(createdSince, option: "--created-since")))
        }
        if let createdUntil {
            query.creationTime.append(
                .onOrBefore(try DMPPublicationOptions.dateTime(createdUntil, option: "--created-until")))
        }
        if let actSince {
            query.serviceStart.append(.onOrAfter(try DMPPublicationOptions.dateTime(actSince, option: "--act-since")))
        }
        if let actUntil {
            query.serviceStart.append(.onOrBefore(try DMPPublicationOptions.dateTime(actUntil, option: "--act-until")))
        }
        query.isArchived = archived
        if let uniqueId { query.identifiers = [DMPDocumentSelector.identifier(uniqueId)] }
        query.authorFamily = authorFamily
        query.count = min(limit, 100)
        return query
    }
}
