import Foundation
import SanteCore

/// Builds the ITI-65 transaction Bundle of a prepared publication.
enum TransactionBuilder {
    /// The index of the DocumentReference entry in the Bundle.
    static let documentIndex = 1

    /// `[submission set, document, binary, (patch of the replaced document)]`.
    static func submission(for prepared: PreparedPublication, replacing replacedID: String?) throws(DMPError)
        -> DMPSubmission
    {
        let binary = PDSmBinary(
            contentType: prepared.publication.contentType,
            data: ContentSplicedBody.base64Member(for: prepared.publication.content))
        let binaryResource: AnyFHIRResource
        do {
            binaryResource = try AnyFHIRResource(binary)
        } catch {
            throw DMPError.wrap(error, operation: "dmp.publish")
        }
        var shell = FHIRBundle(type: .transaction)
        shell.meta = FHIRMeta(profile: [PDSmURLs.provideBundleProfile])
        shell.entry = [
            FHIRBundle.Entry(fullUrl: prepared.submissionSetFullURL, request: .init(method: .post, url: "List")),
            FHIRBundle.Entry(
                fullUrl: prepared.documentFullURL, request: .init(method: .post, url: "DocumentReference")),
            FHIRBundle.Entry(fullUrl: prepared.binaryFullURL, request: .init(method: .post, url: "Binary")),
        ]
        var entries: [DMPSubmission.Entry] = [
            .submissionSet(prepared.submissionSet), .document(prepared.entry), .other(binaryResource),
        ]
        if let replacedID {
            shell.entry.append(
                FHIRBundle.Entry(
                    fullUrl: "urn:uuid:" + UUID().uuidString.lowercased(),
                    request: .init(method: .patch, url: "DocumentReference/\(replacedID)")))
            entries.append(.other(try supersedePatch()))
        }
        return DMPSubmission(bundleShell: shell, entries: entries)
    }

    /// The FHIRPath Patch `Parameters` that sets `DocumentReference.status` to `superseded`.
    static func supersedePatch() throws(DMPError) -> AnyFHIRResource {
        let json: [String: JSONValue] = [
            "resourceType": "Parameters",
            "parameter": [
                [
                    "name": "operation",
                    "part": [
                        ["name": "type", "valueCode": "replace"],
                        ["name": "path", "valueString": "DocumentReference.status"],
                        ["name": "value", "valueCode": "superseded"],
                    ],
                ]
            ],
        ]
        do {
            return try AnyFHIRResource(members: json)
        } catch {
            throw DMPError.wrap(error, operation: "dmp.replace")
        }
    }
}
