import Foundation
import SanteCore

/// A publication turned into PDSm resources, validated, ready to send.
struct PreparedPublication: Sendable {
    let publication: DMPPublication
    let summary: ContentSummary
    var entry: DMPDocumentEntry
    var submissionSet: DMPSubmissionSet
    let documentFullURL: String
    let binaryFullURL: String
    let submissionSetFullURL: String

    /// Builds and validates the resources.
    /// - Throws: ``DMPError``: ``DMPError/Reason/unqualifiedIdentity`` first, then
    ///   ``DMPError/Reason/validationFailed`` with every issue.
    static func prepare(
        _ publication: DMPPublication,
        sourceID: String,
        now: Date,
        replacing replacedID: String? = nil,
        operation: String
    ) async throws(DMPError) -> PreparedPublication {
        try DMPClient.checkPatient(publication.patient, operation: operation)
        let summary = try await ContentSummary.of(publication.content, operation: operation)
        let documentURL = "urn:uuid:" + UUID().uuidString.lowercased()
        let binaryURL = "urn:uuid:" + UUID().uuidString.lowercased()
        let setURL = "urn:uuid:" + UUID().uuidString.lowercased()

        var resource = PDSmDocumentReference()
        resource.meta = FHIRMeta(profile: [PDSmURLs.documentReferenceProfile])
        var entry = DMPDocumentEntry(resource: resource)
        entry.uniqueId = publication.uniqueId
        entry.status = .current
        entry.type = publication.type
        entry.documentClass = publication.documentClass ?? DMPDocumentClass.forType(publication.type)
        entry.patient = publication.patient
        entry.creationTime = publication.creationTime ?? FHIRDateTime(now)
        entry.authors = [publication.author]
        entry.custodian = publication.custodian ?? publication.author.organization
        entry.comments = publication.comments
        entry.securityLabels = publication.securityLabels
        entry.contentType = publication.contentType
        entry.language = publication.language
        entry.contentURL = binaryURL
        entry.size = summary.size
        entry.hash = summary.hash
        entry.title = publication.title
        entry.format = publication.format
        entry.servicePeriod = publication.servicePeriod
        entry.facilityType = publication.facilityType
        entry.practiceSetting = publication.practiceSetting
        if let replacedID {
            entry.relationships = [.replaces(documentID: replacedID)]
        }

        var set = DMPSubmissionSet()
        set.uniqueId = publication.submissionSetUniqueId
        set.sourceId = FHIRIdentifier(system: PDSmURLs.uriIdentifierSystem, value: sourceID)
        set.designationType =
            publication.designationType ?? entry.documentClass?.codeableConcept ?? publication.type.codeableConcept
        set.submissionTime = FHIRDateTime(now)
        set.patient = publication.patient
        set.author = publication.author
        set.title = publication.title
        set.memberReferences = [documentURL]

        var issues = entry.validationIssues()
        issues.append(contentsOf: set.validationIssues())
        if publication.title.trimmingCharacters(in: .whitespaces).isEmpty,
            !issues.contains(where: { $0.field.hasSuffix("attachment.title") })
        {
            issues.append(ValidationIssue(field: "DocumentReference.content[0].attachment.title", reason: "is empty"))
        }
        if publication.author.professional?.identifier?.value == nil, publication.author.reference == nil {
            issues.append(
                ValidationIssue(
                    field: "DocumentReference.author", reason: "the author needs a professional identifier (IDNPS)"))
        }
        if entry.custodian?.identifier?.value == nil {
            issues.append(
                ValidationIssue(
                    field: "DocumentReference.custodian.identifier", reason: "the custodian needs an identifier"))
        }
        guard issues.isEmpty else {
            throw DMPError(
                reason: .validationFailed,
                message: "the publication is not valid for PDSm (\(issues.count) issue(s))",
                operation: operation, validationIssues: Self.unique(issues))
        }
        return PreparedPublication(
            publication: publication, summary: summary, entry: entry, submissionSet: set,
            documentFullURL: documentURL, binaryFullURL: binaryURL, submissionSetFullURL: setURL)
    }

    private static func unique(_ issues: [ValidationIssue]) -> [ValidationIssue] {
        var seen = Set<ValidationIssue>()
        return issues.filter { seen.insert($0).inserted }
    }
}
