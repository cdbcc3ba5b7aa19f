import ArgumentParser
import Foundation
import SanteKit

/// Which document a command acts on: its id (`DocumentReference.id`), or `--unique-id` (its
/// `masterIdentifier`) with `--ins`.
struct DMPDocumentSelector: ParsableArguments {
    @Argument(help: "The document's id (DocumentReference.id, as `sante dmp search` prints it).")
    var id: String?

    @Option(
        name: .customLong("unique-id"),
        help: "Find the document by its unique id (masterIdentifier: VALUE or SYSTEM|VALUE) instead; needs --ins.")
    var uniqueId: String?

    @OptionGroup var patient: DMPPatientOptions

    func validate() throws {
        switch (id, uniqueId) {
        case (nil, nil): throw ArgumentParser.ValidationError("give the document's id, or --unique-id with --ins")
        case (.some, .some): throw ArgumentParser.ValidationError("give the document's id or --unique-id, not both")
        case (nil, .some):
            guard patient.ins != nil else { throw ArgumentParser.ValidationError("--unique-id needs --ins") }
        case (.some, nil): break
        }
    }

    /// Reads the document: `GET DocumentReference/<id>`, or a search by unique id (current or superseded).
    /// - Parameters:
    ///   - client: The DMP client.
    ///   - onMock: Whether the DMP is the mock platform (for the default INS authority).
    /// - Returns: The entry.
    /// - Throws: ``DMPError`` (not found…), `ArgumentParser.ValidationError`, ``OperationFailed``.
    func resolve(_ client: DMPClient, onMock: Bool) async throws -> DMPDocumentEntry {
        if let id { return try await client.document(id: id) }
        guard let uniqueId else { throw ArgumentParser.ValidationError("give the document's id or --unique-id") }
        let identifier = Self.identifier(uniqueId)
        let ins = try patient.requiredPatient(onMock: onMock)
        guard let entry = try await client.document(uniqueId: identifier, patient: ins) else {
            throw OperationFailed(reason: "no document with the unique id \(uniqueId) is visible in this patient's DMP")
        }
        return entry
    }

    /// `SYSTEM|VALUE`, or `VALUE` in the URI system (`urn:ietf:rfc:3986`, as `urn:uuid:` unique ids are).
    static func identifier(_ text: String) -> FHIRIdentifier {
        let parts = text.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, !parts[0].isEmpty {
            return FHIRIdentifier(system: String(parts[0]), value: String(parts[1]))
        }
        return FHIRIdentifier(system: PDSmURLs.uriIdentifierSystem, value: String(parts.last ?? ""))
    }
}
