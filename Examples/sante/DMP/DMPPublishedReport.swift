import Foundation
import SanteKit

/// What `publish` and `replace` print.
struct DMPPublishedReport: Encodable {
    /// `created` or `alreadyStored`.
    let outcome: String
    /// The stored document.
    let document: DMPDocumentSummary
    /// The id of the document replaced, for `replace`.
    let replaced: String?

    /// The report of a publication.
    init(_ outcome: DMPClient.PublishOutcome, replaced: String? = nil) {
        self.outcome = outcome.isCreated ? "created" : "alreadyStored"
        self.document = DMPDocumentSummary(outcome.document)
        self.replaced = replaced
    }

    /// Writes the report: JSON, or readable lines.
    func print(json: Bool, verb: String) throws {
        if json {
            try Terminal.json(self)
            return
        }
        let heading =
            outcome == "created"
            ? "\(verb) document \(document.id ?? "?")" + (replaced.map { ", replacing \($0) (now superseded)" } ?? "")
            : "Already stored: the DMP holds this document (same unique id and content) as \(document.id ?? "?")"
        document.printLines(heading: heading)
    }
}
