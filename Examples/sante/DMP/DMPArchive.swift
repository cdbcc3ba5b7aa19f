import ArgumentParser
import Foundation
import SanteKit

/// `sante dmp archive ID [--undo]`: archives a document (`isArchived`), or un-archives it.
struct DMPArchive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive", abstract: "Archive a document (--undo: un-archive it).")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var connection: DMPConnectionOptions
    @OptionGroup var selector: DMPDocumentSelector

    @Flag(name: .customLong("undo"), help: "Un-archive the document instead.")
    var undo = false

    func run() async throws {
        try await DMPMetadataChange.run(
            connection: connection, options: options, selector: selector, action: undo ? "unarchive" : "archive"
        ) { client, entry in
            undo ? try await client.unarchive(entry) : try await client.archive(entry)
        }
    }
}
