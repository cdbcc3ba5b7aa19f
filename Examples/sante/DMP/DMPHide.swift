import ArgumentParser
import Foundation
import SanteKit

/// `sante dmp hide ID --from …`: hides a document from an audience (adds its TRE_A07 label).
struct DMPHide: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hide",
        abstract: "Hide a document from professionals (MASQUE_PS), the patient or legal representatives.",
        discussion: """
            --from professionals adds MASQUE_PS (its author still sees it), patient adds INVISIBLE_PATIENT, \
            legal-representatives adds INVISIBLE_REPRESENTANTS_LEGAUX. The other labels are kept.
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var connection: DMPConnectionOptions
    @OptionGroup var selector: DMPDocumentSelector

    @Option(name: .customLong("from"), help: "professionals, patient or legal-representatives.")
    var from: DMPAudience

    func run() async throws {
        try await DMPMetadataChange.run(
            connection: connection, options: options, selector: selector, action: "hide"
        ) { client, entry in
            try await client.hide(entry, from: from.audience)
        }
    }
}

/// `sante dmp unhide ID --from …`: makes a document visible again to an audience (removes its label).
struct DMPUnhide: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unhide",
        abstract: "Make a document visible again to professionals, the patient or legal representatives.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var connection: DMPConnectionOptions
    @OptionGroup var selector: DMPDocumentSelector

    @Option(name: .customLong("from"), help: "professionals, patient or legal-representatives.")
    var from: DMPAudience

    func run() async throws {
        try await DMPMetadataChange.run(
            connection: connection, options: options, selector: selector, action: "unhide"
        ) { client, entry in
            try await client.unhide(entry, from: from.audience)
        }
    }
}
