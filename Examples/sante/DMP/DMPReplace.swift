import ArgumentParser
import Foundation
import SanteKit

/// `sante dmp replace ID FILE`: publishes a new version of a document, which supersedes the old one in the
/// same transaction (TD2.1).
struct DMPReplace: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replace",
        abstract: "Replace a document by a new version (the old one becomes superseded).",
        discussion: """
            The new version keeps the old one's patient, type, class and title unless --ins, --type, --class \
            or --title say otherwise; it gets its own unique id (--unique-id, or a new urn:uuid).
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var connection: DMPConnectionOptions

    @Argument(help: "The id of the document replaced (it must be current).")
    var id: String

    @OptionGroup var document: DMPPublicationOptions
    @OptionGroup var patient: DMPPatientOptions

    func validate() throws {
        _ = try patient.patient(onMock: connection.server == nil)
    }

    func run() async throws {
        let typedPatient = try patient.patient(onMock: connection.server == nil)
        let (outcome, oldID) = try await DMPConnection.with(connection, global: options) { dmp in
            try await DMPFailure.reporting("replace") {
                let old = try await dmp.client.document(id: id)
                let publication = try document.publication(
                    patient: try typedPatient ?? Self.patient(of: old), author: try await dmp.author(), replacing: old)
                return (try await dmp.client.replace(old, with: publication), old.id ?? id)
            }
        }
        try DMPPublishedReport(outcome, replaced: oldID).print(json: options.json, verb: "Published")
    }

    /// The patient of the replaced document, taken as qualified: the DMP holds the document under that INS.
    static func patient(of entry: DMPDocumentEntry) throws -> INS {
        guard let ins = entry.patient else {
            throw OperationFailed(reason: "the replaced document names no patient INS; give --ins")
        }
        return INS(matricule: ins.matricule, system: ins.system, status: .qualified)
    }
}
