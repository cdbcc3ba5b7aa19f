public import SanteCore

extension DMPSubmissionSet {
    /// The issues that stop this submission set from being sent: `code` = `submissionset`,
    /// `ihe-designationType`, `ihe-sourceId`, `source`, the unique id, `date` and `subject`.
    /// - Returns: The issues; empty when valid.
    public func validationIssues() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func missing(_ field: String, _ what: String) {
            issues.append(ValidationIssue(field: field, reason: "\(what) is required"))
        }
        if !isSubmissionSet { missing("List.code", "the code submissionset") }
        if designationType == nil { missing("List.extension[designationType]", "the designation type") }
        if (sourceId?.value ?? "").isEmpty { missing("List.extension[sourceId]", "the source id") }
        if resource.source == nil { missing("List.source", "the author (source)") }
        if (uniqueId?.value ?? "").isEmpty { missing("List.identifier", "the unique id") }
        if resource.date == nil { missing("List.date", "the submission time") }
        if patient == nil { missing("List.subject", "the patient's INS") }
        return issues
    }
}
