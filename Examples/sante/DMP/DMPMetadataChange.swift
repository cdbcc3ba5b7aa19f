import ArgumentParser
import Foundation
import SanteKit

/// The shape of `hide`, `unhide` and `archive`: read the document, change it, print what the DMP returned.
enum DMPMetadataChange {
    /// Reads the selected document, applies `change`, and prints the updated entry.
    static func run(
        connection: DMPConnectionOptions, options: GlobalOptions, selector: DMPDocumentSelector, action: String,
        _ change: @escaping (DMPClient, DMPDocumentEntry) async throws -> DMPDocumentEntry
    ) async throws {
        let updated = try await DMPConnection.with(connection, global: options) { dmp in
            try await DMPFailure.reporting(action) {
                try await change(dmp.client, try await selector.resolve(dmp.client, onMock: dmp.isMock))
            }
        }
        let summary = DMPDocumentSummary(updated)
        if options.json {
            try Terminal.json(summary)
        } else {
            summary.printLines(heading: "Updated document \(summary.id ?? "?") (\(action))")
        }
    }
}
