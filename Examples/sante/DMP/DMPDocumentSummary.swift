import Foundation
import SanteKit

/// A DMP document entry as `sante dmp` prints it: JSON with `--json`, readable lines otherwise.
struct DMPDocumentSummary: Codable, Equatable {
    /// The entry's id (`DocumentReference.id`), which `get`, `replace`, `hide`… take.
    let id: String?
    /// The metadata version (`meta.versionId`).
    let versionId: String?
    /// The unique id (`masterIdentifier`) value.
    let uniqueId: String?
    /// The unique id's system.
    let uniqueIdSystem: String?
    /// `current`, `superseded`…
    let status: String?
    /// Whether the document is archived.
    let isArchived: Bool
    /// The document type code (LOINC).
    let typeCode: String?
    /// The document type's label.
    let typeDisplay: String?
    /// The document class code (TRE_A03).
    let classCode: String?
    /// The title.
    let title: String?
    /// The content's MIME type.
    let contentType: String?
    /// The content's size in bytes.
    let size: Int?
    /// The content's SHA-1, base64.
    let hash: String?
    /// When the document was created.
    let creationTime: String?
    /// When the act started.
    let serviceStart: String?
    /// The authors' identifiers (IDNPS) and names.
    let authors: [String]
    /// The custodian organisation.
    let custodian: String?
    /// The security label codes (`N`, `MASQUE_PS`…).
    let securityLabels: [String]
    /// The audiences the document is hidden from (`professionals`, `patient`, `legal-representatives`).
    let hiddenFrom: [String]
    /// The ids of the documents this one replaces.
    let replaces: [String]
    /// Where the content is retrieved.
    let contentURL: String?
    /// The patient's INS matricule.
    let patient: String?

    /// The summary of an entry.
    init(_ entry: DMPDocumentEntry) {
        id = entry.id
        versionId = entry.versionId
        uniqueId = entry.uniqueId?.value
        uniqueIdSystem = entry.uniqueId?.system
        status = entry.status?.rawValue
        isArchived = entry.isArchived
        typeCode = entry.type?.code
        typeDisplay = entry.type?.display
        classCode = entry.documentClass?.code
        title = entry.title
        contentType = entry.contentType
        size = entry.size
        hash = entry.hash
        creationTime = entry.creationTime?.rawValue
        serviceStart = entry.servicePeriod?.start?.rawValue
        authors = entry.authors.map(Self.describe)
        custodian = entry.custodian.map(Self.describe)
        securityLabels = entry.securityLabels.map(\.code).sorted()
        hiddenFrom = DMPAudience.allCases.filter { entry.isHidden(from: $0.audience) }.map(\.rawValue)
        replaces = entry.relationships.filter { $0.kind == .replaces }.compactMap { relationship in
            relationship.target.reference.map { $0.replacingOccurrences(of: "DocumentReference/", with: "") }
        }
        contentURL = entry.contentURL
        patient = entry.patient?.fhirValue
    }

    /// One line: id, version, date, type, status and flags, title.
    var line: String {
        var flags = [status ?? "?"]
        if isArchived { flags.append("archived") }
        flags.append(contentsOf: hiddenFrom.map { "hidden from \($0)" })
        let date = String((serviceStart ?? creationTime ?? "-").prefix(10))
        return "\(id ?? "-")  v\(versionId ?? "?")  \(date)  \(typeCode ?? "?") \(typeDisplay ?? "")  "
            + "[\(flags.joined(separator: ", "))]  \(title ?? "")"
    }

    /// Writes the summary on standard output as readable lines.
    func printLines(heading: String) {
        Terminal.result(heading)
        let rows: [(String, String?)] = [
            ("id", id), ("version", versionId), ("unique id", uniqueId),
            ("status", status.map { isArchived ? "\($0), archived" : $0 }),
            ("type", typeCode.map { [$0, typeDisplay].compactMap { $0 }.joined(separator: " ") }),
            ("class", classCode), ("title", title), ("created", creationTime), ("act started", serviceStart),
            ("author", authors.isEmpty ? nil : authors.joined(separator: "; ")), ("custodian", custodian),
            (
                "content",
                contentType.map { "\($0), \(size.map { "\($0) bytes" } ?? "size unknown"), SHA-1 \(hash ?? "?")" }
            ),
            ("labels", securityLabels.isEmpty ? nil : securityLabels.joined(separator: ", ")),
            ("hidden from", hiddenFrom.isEmpty ? nil : hiddenFrom.joined(separator: ", ")),
            ("replaces", replaces.isEmpty ? nil : replaces.joined(separator: ", ")),
        ]
        for (label, value) in rows {
            guard let value else { continue }
            Terminal.result("  " + label + String(repeating: " ", count: max(1, 13 - label.count)) + value)
        }
    }

    private static func describe(_ author: DMPAuthor) -> String {
        var parts: [String] = []
        if let professional = author.professional {
            let name = (professional.givenNames + [professional.familyName].compactMap { $0 }).joined(separator: " ")
            parts.append(
                [professional.identifier?.value, name.isEmpty ? nil : name].compactMap { $0 }.joined(separator: " "))
        }
        if let organization = author.organization { parts.append(describe(organization)) }
        if parts.isEmpty, let reference = author.reference?.reference { parts.append(reference) }
        return parts.joined(separator: ", ")
    }

    private static func describe(_ organization: DMPOrganization) -> String {
        [organization.name, organization.identifier?.value.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
    }
}
