import ArgumentParser
import Foundation
import SanteKit

/// `sante dmp delete ID`: deletes a document (author only), encoded as `--encoding` says.
struct DMPDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a document (its author only).",
        discussion: """
            The PDSm material encodes deletion three ways: supersede (PATCH status to superseded, the default, \
            valid IHE MHD), entered-in-error (PATCH status to entered-in-error), http-delete (DELETE).
            """)

    /// `--encoding` values.
    enum Encoding: String, CaseIterable, ExpressibleByArgument {
        /// PATCH `status` to `superseded` (PDSm4DMP index; valid IHE MHD).
        case supersede
        /// PATCH `status` to `entered-in-error` (PDSm4DMP TD3.3c page).
        case enteredInError = "entered-in-error"
        /// `DELETE DocumentReference/<id>` (PDSm overview flowchart).
        case httpDelete = "http-delete"

        /// The client's encoding.
        var clientEncoding: DMPDeleteEncoding {
            switch self {
            case .supersede: .supersede
            case .enteredInError: .enteredInError
            case .httpDelete: .httpDelete
            }
        }
    }

    @OptionGroup var options: GlobalOptions
    @OptionGroup var connection: DMPConnectionOptions
    @OptionGroup var selector: DMPDocumentSelector

    @Option(name: .customLong("encoding"), help: "supersede (default), entered-in-error or http-delete.")
    var encoding: Encoding = .supersede

    /// What `delete --json` prints.
    struct Report: Encodable {
        /// The id of the deleted document.
        let deleted: String
        /// How the deletion was encoded.
        let encoding: String
    }

    func run() async throws {
        let id = try await DMPConnection.with(
            connection, global: options, deleteEncoding: encoding.clientEncoding
        ) { dmp in
            try await DMPFailure.reporting("delete") {
                let entry = try await selector.resolve(dmp.client, onMock: dmp.isMock)
                try await dmp.client.delete(entry)
                return entry.id ?? "?"
            }
        }
        if options.json {
            try Terminal.json(Report(deleted: id, encoding: encoding.rawValue))
        } else {
            Terminal.result("Deleted document \(id) (\(encoding.rawValue))")
        }
    }
}
